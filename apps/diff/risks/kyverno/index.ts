import type { RiskRule } from '../risk-rule';

/** Risk rules on Kyverno policies and policy exceptions. */
export const KYVERNO_RISK_RULES: readonly RiskRule<'kubernetes'>[] = [];
