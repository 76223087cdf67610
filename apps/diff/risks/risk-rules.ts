import { ARGOCD_RISK_RULES } from './argocd';
import { COMPLIANCE_RISK_RULES } from './compliance';
import { ENVIRONMENT_RISK_RULES } from './environment';
import { KYVERNO_RISK_RULES } from './kyverno';
import type { RiskRule } from './risk-rule';
import { TERRAFORM_RISK_RULES } from './terraform';

/** Every risk rule of `npm run diff`, in one place; each folder holds one engine's rules, one rule per file. */
export const RISK_RULES: readonly RiskRule[] = [
  ...ENVIRONMENT_RISK_RULES,
  ...ARGOCD_RISK_RULES,
  ...KYVERNO_RISK_RULES,
  ...TERRAFORM_RISK_RULES,
  ...COMPLIANCE_RISK_RULES,
] as readonly RiskRule[];
