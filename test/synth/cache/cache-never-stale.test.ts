import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SynthCache } from '../../../apps/synth/cache/synth-cache';
import { type SynthOutput, synthesize } from '../../../apps/synth/synthesize';
import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { eksCluster } from '../../support/fixture-clusters';
import { fixtureEnvironment } from '../../support/fixture-environment';
import { fixtureException } from '../../support/fixture-exception';
import { FIXTURE_CATALOG } from '../../support/fixture-organisation';

/**
 * The cache can never serve stale output: for each kind of input a unit is built from (a field of
 * one cluster, of the management cluster that others stand on, the clusters themselves, the
 * environment's tags, the chart pins, the policy catalog and exceptions, the date, the code), a
 * synth from a cache warmed on the unchanged estate gives byte-for-byte what a synth without cache
 * gives on the changed one, and it did rebuild something.
 */
const TODAY = '2026-12-03';
const CODE = 'code-fingerprint-a';
// The first stage of its own fleet (no promotesFrom), with an exception that expires in production.
const live: EnvironmentSpec = { ...fixtureEnvironment({ tier: 'production' }), promotesFrom: undefined };
const exceptions = [fixtureException([live.name], { expires: '2027-01-31' })];

let cacheDir: string;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'gitops-cdk-cache-'));
  const cache = new SynthCache(cacheDir, CODE);
  await synthesize([live], [live], { today: TODAY, exceptions, cache });
  expect(cache.save()).toBeUndefined();
}, 60_000);

afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Files, warnings and notes of a synth: everything it would write or say. */
function shown(output: SynthOutput): unknown {
  return { files: [...output.files].sort(([a], [b]) => a.localeCompare(b)), warnings: output.warnings, notes: output.notes };
}

async function cachedAndClean(spec: EnvironmentSpec, options: { today?: string; code?: string; exceptions?: typeof exceptions } = {}) {
  const settings = { today: options.today ?? TODAY, exceptions: options.exceptions ?? exceptions };
  // Never saved: every case starts from the cache of the unchanged estate.
  const cache = new SynthCache(cacheDir, options.code ?? CODE);
  const cached = await synthesize([spec], [spec], { ...settings, cache });
  const clean = await synthesize([spec], [spec], settings);
  return { cached: shown(cached), clean: shown(clean), stats: cache.stats };
}

const withClusters = (clusters: ClusterSpec[]): EnvironmentSpec => ({ ...fixtureEnvironment({ tier: 'production', clusters }), promotesFrom: undefined });
const [management, workload] = live.clusters as [ClusterSpec, ClusterSpec];
const UNITS = 1 + 5; // the Kubernetes side and five stacks (foundation, two networks, two clusters)

describe('the synth cache', () => {
  it('reuses every unit when nothing changed, with the same output', async () => {
    const { cached, clean, stats } = await cachedAndClean(live);
    expect(cached).toEqual(clean);
    expect(stats).toEqual({ reused: UNITS, synthesized: 0 });
  }, 30_000);

  it.each<[string, () => EnvironmentSpec, number]>([
    // Kubernetes (the node pool is in the cluster's labels) and the cluster's stack, not its network.
    ['a workload cluster node pool', () => withClusters([management, { ...workload, nodePool: { ...workload.nodePool, maxNodes: 9 } }]), 2],
    // Its network and cluster, and the workload cluster that was built with its stacks.
    ['the management cluster network, which a workload cluster stands on', () => withClusters([{ ...management, networkCidr: '10.90.0.0/16' }, workload]), 4],
    ['a cluster added', () => withClusters([management, workload, eksCluster('live-eks-euw3', { region: 'eu-west-3', networkCidr: '10.91.0.0/16' })]), 0],
    ['a cluster removed', () => withClusters([management]), 0],
    ['the clusters in another order', () => withClusters([workload, management]), 0],
    ['the owner (a tag of every resource)', () => ({ ...live, owner: 'team-payments' }), 0],
    ['a chart pin', () => ({ ...live, charts: { ...live.charts, fluentBit: '0.48.6' } }), 1],
    ['the policy catalog', () => ({ ...live, kyverno: { ...live.kyverno, catalog: FIXTURE_CATALOG } }), 1],
  ])(
    'rebuilds what %s changes, and gives what a clean synth gives',
    async (_change, changed, rebuilt) => {
      const { cached, clean, stats } = await cachedAndClean(changed());
      expect(cached).toEqual(clean);
      expect(stats.synthesized).toBeGreaterThan(0);
      if (rebuilt > 0) expect(stats.synthesized).toBe(rebuilt);
    },
    30_000,
  );

  it('rebuilds the Kubernetes side for another date or other policy exceptions', async () => {
    const later = await cachedAndClean(live, { today: '2027-01-15' });
    expect(later.cached).toEqual(later.clean);
    expect(later.stats.synthesized).toBe(1);
    const none = await cachedAndClean(live, { exceptions: [] });
    expect(none.cached).toEqual(none.clean);
    expect(none.stats.synthesized).toBe(1);
  }, 30_000);

  it('reuses nothing written by other code', async () => {
    const { cached, clean, stats } = await cachedAndClean(live, { code: 'code-fingerprint-b' });
    expect(cached).toEqual(clean);
    expect(stats).toEqual({ reused: 0, synthesized: UNITS });
  }, 30_000);

  it('treats an unreadable entry as missing', async () => {
    const folder = join(cacheDir, 'terraform', live.name);
    const [first] = readdirSync(folder);
    const spoiled = mkdtempSync(join(tmpdir(), 'gitops-cdk-cache-spoiled-'));
    try {
      const cache = new SynthCache(spoiled, CODE);
      await synthesize([live], [live], { today: TODAY, exceptions, cache });
      cache.save();
      writeFileSync(join(spoiled, 'terraform', live.name, first ?? ''), '{ not json');
      const again = new SynthCache(spoiled, CODE);
      const output = await synthesize([live], [live], { today: TODAY, exceptions, cache: again });
      expect(again.stats).toEqual({ reused: UNITS - 1, synthesized: 1 });
      expect(shown(output)).toEqual(shown(await synthesize([live], [live], { today: TODAY, exceptions })));
    } finally {
      rmSync(spoiled, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the synth cache folder', () => {
  it("keeps the units of the last synth only: a removed stack's entry and a removed environment's folder go", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gitops-cdk-cache-prune-'));
    try {
      const first = new SynthCache(folder, CODE);
      await synthesize([live], [live], { today: TODAY, exceptions, cache: first });
      first.save([live.name, 'gone']);
      mkdirSync(join(folder, 'terraform', 'gone'));
      writeFileSync(join(folder, 'terraform', 'gone', 'aws-foundation.json'), '{}');
      const smaller = withClusters([management]);
      const second = new SynthCache(folder, CODE);
      await synthesize([smaller], [smaller], { today: TODAY, exceptions, cache: second });
      second.save([live.name]);
      expect(readdirSync(join(folder, 'terraform'))).toEqual([live.name]);
      expect(readdirSync(join(folder, 'terraform', live.name)).sort()).toEqual(['aws-cluster-live-eks-euw2.json', 'aws-foundation.json', 'aws-network-live-eks-euw2.json']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it("rebuilds a stack whose producer's entry is from a later build than the one it was built with (an interrupted save)", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gitops-cdk-cache-producers-'));
    const synthWith = async (spec: EnvironmentSpec): Promise<SynthCache> => {
      const cache = new SynthCache(folder, CODE);
      await synthesize([spec], [spec], { today: TODAY, exceptions, cache });
      cache.save();
      return cache;
    };
    try {
      await synthWith(live);
      const consumer = join(folder, 'terraform', live.name, 'aws-cluster-live-eks-eun1.json');
      const builtWithOldProducer = readFileSync(consumer, 'utf8');
      // The management cluster's stack and the workload cluster's built with it (and Kubernetes).
      const grown = withClusters([{ ...management, nodePool: { ...management.nodePool, maxNodes: 9 } }, workload]);
      expect((await synthWith(grown)).stats.synthesized).toBe(3);
      // A save that stopped half way: the producer's new build beside the consumer's old one. The
      // consumer's own reads still hold, and so do the producer's: only the build ids tell.
      writeFileSync(consumer, builtWithOldProducer);
      expect((await synthWith(grown)).stats).toEqual({ reused: UNITS - 1, synthesized: 1 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
