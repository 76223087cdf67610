import { BASELINE_ESTATE_RULES, BASELINE_KUBERNETES_RULES, BASELINE_TERRAFORM_RULES } from './development';
import type { RulePack } from './rule-pack';

/** Staging runs the baseline: Audit-mode policies and auto-prune are how canaries are tried there. */
export const STAGING_PACK: RulePack = {
  tier: 'staging',
  kubernetes: BASELINE_KUBERNETES_RULES,
  terraform: BASELINE_TERRAFORM_RULES,
  estate: BASELINE_ESTATE_RULES,
};
