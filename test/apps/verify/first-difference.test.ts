import { firstDifference } from '../../../apps/verify/first-difference';

describe('firstDifference', () => {
  it('accepts an object that has everything expected, whatever the server added', () => {
    const expected = { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }] };
    const actual = { securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsNonRoot: true }, containers: [{ name: 'app', image: 'x' }], dnsPolicy: 'ClusterFirst' };
    expect(firstDifference(expected, actual, 'spec')).toBeUndefined();
  });

  it('names the first field that is missing or different', () => {
    expect(firstDifference({ a: { b: 1 } }, { a: { b: 2 } }, 'spec')).toBe('spec.a.b is 2, expected 1');
    expect(firstDifference({ list: [{ x: 1 }, { x: 2 }] }, { list: [{ x: 1 }] }, 'spec')).toBe('spec.list is [{"x":1}], expected [{"x":1},{"x":2}]');
    expect(firstDifference({ a: { b: 1 } }, {}, 'data')).toBe('data.a is undefined, expected {"b":1}');
  });
});
