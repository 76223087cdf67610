import { k8sProdExceptionExpiry } from '../kubernetes/k8s-prod-exception-expiry';
import { k8sProdFailClosed } from '../kubernetes/k8s-prod-fail-closed';
import { k8sProdKyvernoEnforce } from '../kubernetes/k8s-prod-kyverno-enforce';
import { k8sProdNoAutoPrune } from '../kubernetes/k8s-prod-no-auto-prune';
import { k8sProdPinnedRevisions } from '../kubernetes/k8s-prod-pinned-revisions';
import { k8sProdRolloutAnalysis } from '../kubernetes/k8s-prod-rollout-analysis';
import { k8sProdRolloutImageDigest } from '../kubernetes/k8s-prod-rollout-image-digest';
import { tfProdApplyProtectedEnvironment } from '../terraform/tf-prod-apply-protected-environment';
import { tfProdNoWildcardIamAction } from '../terraform/tf-prod-no-wildcard-iam-action';
import { tfStateReplication } from '../terraform/tf-state-replication';
import { BASELINE_ESTATE_RULES, BASELINE_KUBERNETES_RULES, BASELINE_TERRAFORM_RULES } from './development';
import type { RulePack } from './rule-pack';

/** The baseline, plus what production alone forbids: auto-prune, Audit, floating revisions, open-ended waivers, Rollouts without analysis or digest. */
export const PRODUCTION_PACK: RulePack = {
  tier: 'production',
  kubernetes: [
    ...BASELINE_KUBERNETES_RULES,
    k8sProdNoAutoPrune,
    k8sProdPinnedRevisions,
    k8sProdKyvernoEnforce,
    k8sProdFailClosed,
    k8sProdExceptionExpiry,
    k8sProdRolloutAnalysis,
    k8sProdRolloutImageDigest,
  ],
  terraform: [...BASELINE_TERRAFORM_RULES, tfStateReplication, tfProdApplyProtectedEnvironment, tfProdNoWildcardIamAction],
  estate: BASELINE_ESTATE_RULES,
};
