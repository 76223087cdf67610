/** A ClusterPolicy literal with the given rules and webhook failure policy. */
export function clusterPolicyManifest(rules: readonly Record<string, unknown>[], failurePolicy = 'Fail', annotations: Record<string, string> = {}): Record<string, unknown> {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'require-team-label', annotations },
    spec: { background: true, webhookConfiguration: { failurePolicy }, rules },
  };
}

export const POD_MATCH = { any: [{ resources: { kinds: ['Pod'] } }] };

export function validateRule(failureAction: string, overrides?: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    name: 'check-team',
    match: POD_MATCH,
    validate: { message: 'm', failureAction, ...(overrides ? { failureActionOverrides: overrides } : {}), pattern: { metadata: { labels: { team: '?*' } } } },
  };
}
