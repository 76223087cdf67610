import { POLICY_ANNOTATIONS } from '../../kyverno/cluster-policy';
import { clusterPolicyRules } from '../kyverno-objects';
import { showValue } from '../violation';
import { type Guardrail, violationAt } from '../guardrail';

/**
 * In production a Kyverno outage must not admit unchecked objects: a policy fails open (webhook
 * failurePolicy Ignore) only with a recorded reason, which comes from the spec's `kyverno.failOpen`.
 */
export const prodFailClosed: Guardrail = {
  id: 'prod-fail-closed',
  description: 'Production Kyverno policies fail closed (webhook failurePolicy Fail) unless the spec lists them in kyverno.failOpen with a reason.',
  tiers: ['production'],
  check(object, spec) {
    const { manifest } = object;
    if (clusterPolicyRules(manifest).length === 0) return [];
    const failurePolicy = (manifest.spec as { webhookConfiguration?: { failurePolicy?: string } }).webhookConfiguration?.failurePolicy;
    const reason = manifest.metadata.annotations?.[POLICY_ANNOTATIONS.failOpenReason];
    if (failurePolicy === 'Fail' || (failurePolicy === 'Ignore' && reason !== undefined && reason.trim() !== '')) return [];
    return [
      violationAt(object, spec, this.id, {
        field: 'spec.webhookConfiguration.failurePolicy',
        value: showValue(failurePolicy),
        problem: `${spec.name} is a production environment: policy ${manifest.metadata.name} must fail closed, or fail open with a recorded reason`,
        fix: `leave it to the lifecycle (Fail), or add { policy: '${manifest.metadata.name}', reason: '...' } to kyverno.failOpen in the spec`,
      }),
    ];
  },
};
