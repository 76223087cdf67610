import { Kubectl } from '../../../apps/verify/kubectl';
import type { AccessExpectation } from '../../../apps/verify/tenant-expectations';
import { PROBE_USER, reviewAccess } from '../../../apps/verify/tenant-isolation';

/** A kubectl that answers `create -f -` with the objects it is given, in the pretty JSON kubectl prints. */
class AnsweringKubectl extends Kubectl {
  readonly calls: string[][] = [];
  constructor(
    private readonly answer: (item: { spec: unknown }, index: number) => boolean,
    private readonly reorder = false,
  ) {
    super('kubectl', '/dev/null');
  }
  override must(args: readonly string[], input?: string): string {
    this.calls.push([...args]);
    const items = (JSON.parse(input ?? '{}') as { items: { spec: unknown }[] }).items.map((item, i) => ({
      ...item,
      metadata: {},
      status: { allowed: this.answer(item, i), reason: 'RBAC: allowed by test' },
    }));
    return `${(this.reorder ? items.reverse() : items).map((item) => JSON.stringify(item, null, 4)).join('\n')}\n`;
  }
}

const cells: AccessExpectation[] = [
  { tenant: 'alpha', group: 'alpha-owners', check: { verb: 'create', apiGroup: 'apps', resource: 'deployments', namespace: 'alpha-api' }, allowed: true, scope: 'own (admin)' },
  { tenant: 'alpha', group: 'alpha-owners', check: { verb: 'get', apiGroup: '', resource: 'pods', namespace: 'beta-api' }, allowed: false, scope: 'tenant beta' },
  { tenant: 'alpha', group: 'alpha-owners', check: { verb: 'create', apiGroup: '', resource: 'namespaces' }, allowed: false, scope: 'cluster' },
];

describe('reviewAccess', () => {
  it('asks every cell of a group in one kubectl process, impersonating the group, and reads the answers in order', () => {
    const kubectl = new AnsweringKubectl((_, i) => i === 0);
    expect(reviewAccess(kubectl, 'alpha-owners', cells).map((a) => a.allowed)).toEqual([true, false, false]);
    expect(kubectl.calls).toEqual([['create', '-f', '-', '-o', 'json', `--as=${PROBE_USER}`, '--as-group=alpha-owners']]);
  });

  it('refuses answers that do not line up with the questions', () => {
    expect(() => reviewAccess(new AnsweringKubectl(() => true, true), 'alpha-owners', cells)).toThrow(
      'kubectl answered the access reviews for group alpha-owners out of order at 0',
    );
  });
});
