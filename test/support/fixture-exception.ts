import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';

/**
 * A granted policy exception for the fixture environments named, so that tests which need a
 * PolicyException do not depend on the example estate's exceptions (policies/exceptions/), which
 * name the estate's environments. Waives the non-root rule for one batch namespace.
 */
export function fixtureException(environments: readonly string[], overrides: Partial<PolicyExceptionDefinition> = {}): PolicyExceptionDefinition {
  return {
    name: 'fixture-batch-root',
    environments,
    owner: 'team-batch',
    reason: 'the fixture batch image runs as root until its non-root build ships; the namespace is isolated by default-deny',
    ticket: 'FIX-1',
    waives: [{ policy: 'require-run-as-non-root', rules: ['run-as-non-root'] }],
    match: { any: [{ resources: { kinds: ['Pod', 'Job', 'CronJob'], namespaces: ['team-batch'] } }] },
    ...overrides,
  };
}
