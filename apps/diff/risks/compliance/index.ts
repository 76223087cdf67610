import type { RiskRule } from '../risk-rule';
import { complianceNewlyFailing } from './compliance-newly-failing';
import { complianceNewlySuppressed } from './compliance-newly-suppressed';

/** Risk rules on the compliance report's results. */
export const COMPLIANCE_RISK_RULES: readonly RiskRule<'compliance'>[] = [complianceNewlyFailing, complianceNewlySuppressed];
