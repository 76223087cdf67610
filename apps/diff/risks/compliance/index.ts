import type { RiskRule } from '../risk-rule';

/** Risk rules on the compliance report's results. */
export const COMPLIANCE_RISK_RULES: readonly RiskRule<'compliance'>[] = [];
