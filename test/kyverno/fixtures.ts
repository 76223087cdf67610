import { App, Chart } from 'cdk8s';
import { ClusterPolicy, type WebhookBehaviour } from '../../constructs/kyverno/cluster-policy';
import { FailureAction } from '../../constructs/kyverno/failure-action';
import type { PolicyDefinition } from '../../constructs/kyverno/policy-definition';
import { pod } from '../../policies/support/resources';

/** A one-rule validate policy of the given release, with a pass and a fail case. */
export function definition(overrides: Partial<PolicyDefinition> = {}): PolicyDefinition {
  return {
    name: 'require-team-label',
    title: 'Require Team Label',
    category: 'Best Practices',
    severity: 'medium',
    description: 'Pods name their team.',
    release: '1.0.0',
    controls: { soc2: ['CC6.1'], pciDss: [], iso27001: ['A.5.9'], cisKubernetes: [] },
    rules: [
      {
        type: 'validate',
        name: 'check-team',
        match: { any: [{ resources: { kinds: ['Pod'] } }] },
        message: 'set metadata.labels.team',
        check: { pattern: { metadata: { labels: { team: '?*' } } } },
      },
    ],
    cases: [
      { description: 'labelled', rule: 'check-team', expect: 'pass', resource: pod('labelled', {}, { team: 'a' }) },
      { description: 'unlabelled', rule: 'check-team', expect: 'fail', resource: pod('unlabelled', {}, {}) },
    ],
    ...overrides,
  };
}

/** Renders a ClusterPolicy construct in a throwaway chart. */
export function clusterPolicy(
  policy: PolicyDefinition = definition(),
  failureAction: FailureAction = FailureAction.enforce(),
  webhook: WebhookBehaviour = { failurePolicy: 'Fail' },
): ClusterPolicy {
  return new ClusterPolicy(new Chart(new App(), 'test'), policy.name, { definition: policy, failureAction, webhook });
}

/** The manifest the construct synthesizes. */
export function manifestOfPolicy(policy: ClusterPolicy): Record<string, unknown> {
  const chart = Chart.of(policy);
  return chart.toJson()[0] as Record<string, unknown>;
}
