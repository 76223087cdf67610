import { ReadRecorder, readsStillHold, recordingReads, trackedSpec } from '../../../apps/synth/cache/spec-reads';

interface Spec {
  name: string;
  clusters: { name: string; region?: string; nodes: number }[];
  labels: Record<string, string>;
}

const spec = (): Spec => ({
  name: 'live',
  clusters: [
    { name: 'a', nodes: 3 },
    { name: 'b', region: 'eu-west-1', nodes: 3 },
  ],
  labels: { team: 'platform' },
});

function readsOf(value: Spec, read: (tracked: Spec) => unknown) {
  const recorder = new ReadRecorder();
  const tracked = trackedSpec(value);
  recordingReads(recorder, () => read(tracked));
  return recorder.all();
}

describe('trackedSpec', () => {
  it('records the values read, and a change to one of them breaks the reads', () => {
    const reads = readsOf(spec(), (s) => s.clusters[1]?.region);
    expect(readsStillHold(spec(), reads)).toBe(true);
    const moved = spec();
    moved.clusters[1]!.region = 'eu-west-2';
    expect(readsStillHold(moved, reads)).toBe(false);
  });

  it('ignores changes to values that were not read', () => {
    const reads = readsOf(spec(), (s) => s.clusters[1]?.region);
    const other = spec();
    other.clusters[0]!.nodes = 5;
    other.labels.team = 'payments';
    expect(readsStillHold(other, reads)).toBe(true);
  });

  it('records iteration, so an added or removed element breaks the reads', () => {
    const reads = readsOf(spec(), (s) => s.clusters.map((c) => c.name));
    const grown = spec();
    grown.clusters.push({ name: 'c', nodes: 3 });
    expect(readsStillHold(grown, reads)).toBe(false);
    const shrunk = spec();
    shrunk.clusters.pop();
    expect(readsStillHold(shrunk, reads)).toBe(false);
  });

  it('records the keys of an object in order (spreads, Object.keys), and presence (in)', () => {
    const keys = readsOf(spec(), (s) => ({ ...s.labels }));
    const added = spec();
    added.labels.tier = 'production';
    expect(readsStillHold(added, keys)).toBe(false);
    const presence = readsOf(spec(), (s) => 'region' in (s.clusters[0] ?? {}));
    const withRegion = spec();
    withRegion.clusters[0]!.region = 'eu-west-1';
    expect(readsStillHold(withRegion, presence)).toBe(false);
  });

  it('records an absent value, so setting it breaks the reads', () => {
    const reads = readsOf(spec(), (s) => s.clusters[0]?.region ?? 'default');
    const set = spec();
    set.clusters[0]!.region = 'eu-west-3';
    expect(readsStillHold(set, reads)).toBe(false);
  });

  it('sends the reads of a unit built inside another to that unit only', () => {
    const outer = new ReadRecorder();
    const inner = new ReadRecorder();
    const tracked = trackedSpec(spec());
    recordingReads(outer, () => {
      void tracked.name;
      recordingReads(inner, () => tracked.clusters[0]?.nodes);
    });
    expect(outer.all().map((r) => r.path.join('.'))).toEqual(['name']);
    expect(inner.all().map((r) => r.path.join('.'))).toEqual(['clusters', 'clusters.0', 'clusters.0.nodes']);
  });

  it('records nothing outside a unit, keeps identity, and refuses writes', () => {
    const value = spec();
    const tracked = trackedSpec(value);
    expect(tracked.clusters[0]).toBe(tracked.clusters[0]);
    expect(tracked.clusters.find((c) => c.name === 'b')).toBe(tracked.clusters[1]);
    expect(() => {
      tracked.labels.team = 'x';
    }).toThrow(/read-only during synth \(a write to labels.team\)/);
    expect(value.labels.team).toBe('platform');
  });
});
