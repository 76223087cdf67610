import type { RiskRule } from '../risk-rule';
import { environmentTierLowered } from './environment-tier-lowered';

/** Risk rules on an environment's index (its tier). */
export const ENVIRONMENT_RISK_RULES: readonly RiskRule<'environment'>[] = [environmentTierLowered];
