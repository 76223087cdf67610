import { placeExceptions } from '../../apps/assembly/kubernetes-estate';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';

function exception(name: string, ...policies: string[]): PolicyExceptionDefinition {
  return {
    name,
    environments: ['fixture'],
    owner: 'team-a',
    reason: 'a reason long enough to be accepted by the checks',
    waives: policies.map((policy) => ({ policy, rules: ['r'] })),
    match: { any: [{ resources: { kinds: ['Pod'], namespaces: ['team-a'] } }] },
  };
}

describe('placeExceptions', () => {
  const managementOnly = new Set(['argocd-applications-no-default-project']);

  it('puts each exception in the folder of the policies it waives; an unknown policy goes where its validation refuses it', () => {
    const placed = placeExceptions(
      'fixture',
      [exception('a', 'disallow-latest-tag'), exception('b', 'argocd-applications-no-default-project'), exception('c', 'typo')],
      managementOnly,
    );
    expect(placed.everywhere.map((e) => e.name)).toEqual(['a', 'c']);
    expect(placed.management.map((e) => e.name)).toEqual(['b']);
  });

  it('refuses an exception that waives policies of both folders, naming it', () => {
    expect(() => placeExceptions('fixture', [exception('mixed', 'disallow-latest-tag', 'argocd-applications-no-default-project')], managementOnly)).toThrow(
      'fixture: exception mixed waives argocd-applications-no-default-project, synced to the management cluster only, together with policies synced to every cluster: split it into one exception per folder',
    );
  });
});
