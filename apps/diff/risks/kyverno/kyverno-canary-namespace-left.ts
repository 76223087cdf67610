import { POLICY_CANARY_LABEL } from '../../../../constructs/kubernetes/gitops-cdk-labels';
import type { KubernetesUnit } from '../../estate-unit';
import { stringAt } from '../json-values';
import { levelFor, type RiskRule } from '../risk-rule';

function isNamespace(unit: KubernetesUnit | undefined): unit is KubernetesUnit {
  return unit !== undefined && unit.apiVersion === 'v1' && unit.kind === 'Namespace';
}

const isCanary = (unit: KubernetesUnit): boolean => stringAt(unit.body, 'metadata', 'labels', POLICY_CANARY_LABEL) === 'true';

/**
 * A Namespace that loses POLICY_CANARY_LABEL (its tenant's `policyCanary` removed): Argo CD drops the
 * label on sync, because it is in the last-applied state, so the revisions under canary only audit
 * there again. If it was the last canary namespace, they enforce nowhere until the canary completes.
 * The policies are unchanged, so kyverno-towards-audit does not see it. A deleted namespace is left
 * to the rules on deletions.
 */
export const kyvernoCanaryNamespaceLeft: RiskRule<'kubernetes'> = {
  id: 'kyverno-canary-namespace-left',
  engine: 'kubernetes',
  title: 'a namespace left the policy canary (policy revisions under canary only audit there again)',
  check(change, context) {
    const { base, head } = change;
    if (!isNamespace(base) || !isNamespace(head) || !isCanary(base) || isCanary(head)) return [];
    return [
      {
        // Only a canary environment renders the overrides the label selects.
        level: levelFor(context.tier, { production: 'low', staging: 'medium', development: 'low' }),
        reason:
          `namespace ${head.name} leaves the policy canary (${POLICY_CANARY_LABEL}=true removed): policy revisions under canary go back from Enforce to Audit there; ` +
          'if no canary namespace is left, they enforce nowhere and completing the canary proves nothing',
        path: `metadata.labels.${JSON.stringify(POLICY_CANARY_LABEL)}`,
      },
    ];
  },
};
