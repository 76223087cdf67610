import { fieldDiff } from '../../apps/diff/field-diff';

describe('fieldDiff', () => {
  it('ignores the order of keys and of list items', () => {
    expect(fieldDiff({ a: 1, b: { c: [1, 2, 3] } }, { b: { c: [3, 1, 2] }, a: 1 })).toEqual([]);
    expect(
      fieldDiff(
        {
          rules: [
            { name: 'x', v: 1 },
            { name: 'y', v: 2 },
          ],
        },
        {
          rules: [
            { v: 2, name: 'y' },
            { name: 'x', v: 1 },
          ],
        },
      ),
    ).toEqual([]);
  });

  it('names a changed scalar by its dotted path', () => {
    expect(fieldDiff({ spec: { syncPolicy: { automated: { prune: false } } } }, { spec: { syncPolicy: { automated: { prune: true } } } })).toEqual([
      { path: 'spec.syncPolicy.automated.prune', before: false, after: true },
    ]);
  });

  it('reports added and removed keys with only the side that has them', () => {
    expect(fieldDiff({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', before: 1 },
      { path: 'b', after: 2 },
    ]);
  });

  it('matches list items by name, so inserting one shows one addition and not every later item as changed', () => {
    const before = {
      rules: [
        { name: 'a', action: 'Enforce' },
        { name: 'b', action: 'Enforce' },
      ],
    };
    const after = {
      rules: [
        { name: 'new', action: 'Audit' },
        { name: 'a', action: 'Enforce' },
        { name: 'b', action: 'Audit' },
      ],
    };
    expect(fieldDiff(before, after)).toEqual([
      { path: 'rules[name=b].action', before: 'Enforce', after: 'Audit' },
      { path: 'rules[name=new]', after: { name: 'new', action: 'Audit' } },
    ]);
  });

  it('matches Prometheus rules by alert name', () => {
    const before = { rules: [{ alert: 'Down', for: '5m' }] };
    const after = { rules: [{ alert: 'Down', for: '15m' }] };
    expect(fieldDiff(before, after)).toEqual([{ path: 'rules[alert=Down].for', before: '5m', after: '15m' }]);
  });

  it('lists a scalar added to or removed from a list as one item, whatever its position', () => {
    expect(fieldDiff({ sourceRepos: ['a', 'b'] }, { sourceRepos: ['c', 'a', 'b'] })).toEqual([{ path: 'sourceRepos[0]', after: 'c' }]);
    expect(fieldDiff({ sourceRepos: ['a', 'b'] }, { sourceRepos: ['b'] })).toEqual([{ path: 'sourceRepos[0]', before: 'a' }]);
  });

  it('compares an item of a list without names field by field when it is the only one that differs', () => {
    const before = {
      destinations: [
        { namespace: 'a', server: 's' },
        { namespace: 'b', server: 's' },
      ],
    };
    const after = {
      destinations: [
        { namespace: 'a', server: 's' },
        { namespace: '*', server: 's' },
      ],
    };
    expect(fieldDiff(before, after)).toEqual([{ path: 'destinations[1].namespace', before: 'b', after: '*' }]);
  });

  it('does not key a list by a name that repeats', () => {
    const before = {
      items: [
        { name: 'x', v: 1 },
        { name: 'x', v: 2 },
      ],
    };
    const after = {
      items: [
        { name: 'x', v: 1 },
        { name: 'x', v: 3 },
      ],
    };
    expect(fieldDiff(before, after)).toEqual([{ path: 'items[1].v', before: 2, after: 3 }]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(fieldDiff({ data: { 'policy.csv': 'a' } }, { data: { 'policy.csv': 'b' } })).toEqual([{ path: 'data."policy.csv"', before: 'a', after: 'b' }]);
  });
});

describe('fieldDiff on lists whose order is meaning', () => {
  it("compares a container's args and command in order, as one field", () => {
    const pod = (args: string[]) => ({ containers: [{ name: 'app', args, command: ['run'] }] });
    expect(fieldDiff(pod(['--a', '1', '--b', '2']), pod(['--a', '2', '--b', '1']))).toEqual([
      { path: 'containers[name=app].args', before: ['--a', '1', '--b', '2'], after: ['--a', '2', '--b', '1'] },
    ]);
    expect(fieldDiff(pod(['--a', '1']), pod(['--a', '1']))).toEqual([]);
  });

  it('names IAM statements by their sid', () => {
    const doc = (actions: string[]) => ({
      statement: [
        { sid: 'Read', actions },
        { sid: 'Write', actions: ['s3:PutObject'] },
      ],
    });
    expect(fieldDiff(doc(['s3:GetObject']), doc(['s3:GetObject', 's3:*']))).toEqual([{ path: 'statement[sid=Read].actions[1]', after: 's3:*' }]);
  });
});
