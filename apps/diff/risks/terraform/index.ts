import type { RiskRule } from '../risk-rule';

/** Risk rules on Terraform stacks. */
export const TERRAFORM_RISK_RULES: readonly RiskRule<'terraform'>[] = [];
