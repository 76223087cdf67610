import { describeBlock, narrowings, widenings } from '../../../../apps/diff/risks/kyverno/match-coverage';

const pods = { resources: { kinds: ['Pod'] } };
const inNamespace = (namespace: string) => ({ resources: { namespaces: [namespace] } });

describe('match-coverage', () => {
  it('reads `any` as one of its filters, so a filter added widens', () => {
    expect(widenings({ any: [inNamespace('a')] }, { any: [inNamespace('a'), inNamespace('b')] })).toEqual(['namespaces +b']);
    expect(widenings({ any: [inNamespace('a'), inNamespace('b')] }, { any: [inNamespace('a')] })).toEqual([]);
  });

  it('reads `all` as every filter, so a filter added narrows and one removed widens', () => {
    expect(widenings({ all: [pods, inNamespace('a')] }, { all: [pods, inNamespace('a'), { resources: { names: ['x-*'] } }] })).toEqual([]);
    expect(widenings({ all: [pods, inNamespace('a')] }, { all: [pods] })).toEqual(['no longer limited by namespaces']);
    expect(narrowings({ all: [pods] }, { all: [pods, inNamespace('a')] })).toEqual(['now limited by namespaces']);
  });

  it('lets a wildcard cover the names it matches, and reads an absent block as nothing', () => {
    expect(widenings({ any: [inNamespace('team-*')] }, { any: [inNamespace('team-a')] })).toEqual([]);
    expect(widenings({ any: [inNamespace('team-a')] }, { any: [inNamespace('team-*')] })).toEqual(['namespaces +team-*']);
    expect(widenings(undefined, { any: [inNamespace('a')] })).toEqual(['namespaces a']);
    expect(describeBlock(undefined)).toBe('nothing');
  });

  it('compares selectors whole: a changed selector may admit other objects', () => {
    const selected = (value: string) => ({ any: [{ resources: { kinds: ['Pod'], selector: { matchLabels: { tier: value } } } }] });
    expect(widenings(selected('a'), selected('a'))).toEqual([]);
    expect(widenings(selected('a'), selected('b'))).toHaveLength(1);
  });
});
