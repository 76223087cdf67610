import { Duration } from 'cdk8s';
import { notCacheableAt, specText } from '../../../apps/synth/cache/spec-data';

describe('notCacheableAt', () => {
  it('accepts plain data and Durations', () => {
    expect(notCacheableAt({ name: 'live', clusters: [{ nodes: 3, tags: { a: 'b' } }], interval: Duration.minutes(5), none: undefined, nothing: null })).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['a function', { clusters: [{ pick: () => 1 }] }, 'clusters.0.pick is a function'],
    ['another class', { when: new Date(0) }, 'when is an instance of Date'],
    ['a frozen object', { tags: Object.freeze({ a: 'b' }) }, 'tags is frozen'],
    [
      'a getter',
      {
        get tier() {
          return 'production';
        },
      },
      'tier is a getter',
    ],
    ['a symbol key', { [Symbol('x')]: 1 }, '(spec) has a symbol key'],
  ])('names %s', (_case, spec, found) => {
    expect(notCacheableAt(spec)).toBe(found);
  });
});

describe('specText', () => {
  it('keeps property order and tells undefined from absent', () => {
    expect(specText({ a: 1, b: 2 })).not.toBe(specText({ b: 2, a: 1 }));
    expect(specText({ a: undefined })).not.toBe(specText({}));
  });
});
