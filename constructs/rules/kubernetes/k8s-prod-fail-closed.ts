import { unless } from '../../core/finding';
import { POLICY_ANNOTATIONS } from '../../kubernetes/gitops-cdk-labels';
import { clusterPolicyRules } from '../inspect/kyverno-objects';
import type { KubernetesRule } from '../types';

/**
 * In production a Kyverno outage must not admit unchecked objects: a policy fails open (webhook
 * failurePolicy Ignore) only with a recorded reason, which comes from the spec's `kyverno.failOpen`.
 */
export const k8sProdFailClosed: KubernetesRule = {
  id: 'k8s-prod-fail-closed',
  engine: 'kubernetes',
  level: 'error',
  title: 'Production Kyverno policies fail closed unless a reason to fail open is recorded',
  rationale:
    'A webhook that fails open admits every object while Kyverno is down or slow, so an outage silently turns every ' +
    'policy off. Failing open is a reviewed decision with a reason, never a default.',
  controls: {
    soc2: ['CC6.8', 'A1.2'],
    pciDss: ['6.4.1'],
    iso27001: ['A.8.9'],
    gdpr: ['Art. 32'],
  },
  objectTypes: ['kyverno.io/v1/ClusterPolicy'],
  check(manifest, context) {
    if (clusterPolicyRules(manifest).length === 0) return [];
    const failurePolicy = (manifest.spec as { webhookConfiguration?: { failurePolicy?: string } }).webhookConfiguration?.failurePolicy;
    const reason = manifest.metadata.annotations?.[POLICY_ANNOTATIONS.failOpenReason];
    return unless(
      failurePolicy === 'Fail' || (failurePolicy === 'Ignore' && reason !== undefined && reason.trim() !== ''),
      'spec.webhookConfiguration.failurePolicy',
      failurePolicy,
      `${context.environment.name} is a production environment: policy ${manifest.metadata.name} must fail closed, or fail open with a recorded reason`,
      `leave it to the lifecycle (Fail), or add { policy: '${manifest.metadata.name}', reason: '...' } to kyverno.failOpen in the spec`,
    );
  },
};
