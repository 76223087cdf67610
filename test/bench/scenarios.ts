import { join } from 'node:path';
import type { BenchOptions, ScenarioKind } from './bench-options';
import type { Bundles } from './bundles';
import type { ChildCommand } from './measured-run';

/** One thing the benchmark times, run once per round. */
export interface Scenario {
  /** Short and unique: `fleet-500-edit`. */
  readonly id: string;
  readonly kind: ScenarioKind;
  /** What the table calls it. */
  readonly title: string;
  /** The fleet size, for the fleet scenarios. */
  readonly clusters?: number;
  /** Run once before the rounds, untimed: warms the cache. */
  readonly warmUp: readonly ChildCommand[];
  /** Removed before each timed run, untimed: a clean synth writes into an empty folder. */
  readonly emptyBeforeEachRun: readonly string[];
  /** The timed commands of round `round` (from 0). */
  commands(round: number): readonly ChildCommand[];
}

/** Where the scenarios run: the checkout, the bundles built there, the temporary folder, the diff's repository. */
export interface ScenarioPlaces {
  readonly checkout: string;
  readonly bundles: Bundles;
  readonly temp: string;
  /** The fleet repository `npm run diff` compares (test/bench/diff-fleet-repository.ts), when the diff scenario runs. */
  readonly diffRepository?: string;
}

/**
 * The scenarios `options` select, in the order of the table. Every synth writes into the temporary
 * folder and keeps its cache there (`--cache-dir` also with `--no-cache`), never in the checkout.
 */
export function planScenarios(options: BenchOptions, places: ScenarioPlaces): Scenario[] {
  const { checkout, bundles, temp } = places;
  const out = (id: string): string => join(temp, 'out', id);
  const cache = (id: string): string => join(temp, 'cache', id);
  const node = (bundle: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): ChildCommand => ({
    command: process.execPath,
    args: [bundle, ...args],
    cwd: checkout,
    env,
  });
  const scenarios: Scenario[] = [];
  const selected = (kind: ScenarioKind): boolean => options.only.includes(kind);

  if (selected('reference')) {
    const args = ['--no-cache', '--cache-dir', cache('reference'), '--out', out('reference')];
    scenarios.push({
      id: 'reference',
      kind: 'reference',
      title: 'Reference estate, clean (`--no-cache`)',
      warmUp: [],
      emptyBeforeEachRun: [out('reference')],
      commands: () => [node(bundles.synth, args)],
    });
  }
  if (selected('reference-cached')) {
    const args = ['--cache-dir', cache('reference-cached'), '--out', out('reference-cached')];
    scenarios.push({
      id: 'reference-cached',
      kind: 'reference-cached',
      title: 'Reference estate, nothing changed, warm cache',
      warmUp: [node(bundles.synth, args)],
      emptyBeforeEachRun: [],
      commands: () => [node(bundles.synth, args)],
    });
  }
  for (const clusters of options.clusters) {
    const fleet = { FLEET_CLUSTERS: String(clusters) };
    if (selected('fleet')) {
      const id = `fleet-${clusters}`;
      const args = ['--no-cache', '--cache-dir', cache(id), '--out', out(id)];
      scenarios.push({
        id,
        kind: 'fleet',
        clusters,
        title: `Fleet of ${clusters} clusters, clean (\`--no-cache\`)`,
        warmUp: [],
        emptyBeforeEachRun: [out(id)],
        commands: () => [node(bundles.fleetSynth, args, fleet)],
      });
    }
    if (selected('fleet-edit')) {
      const id = `fleet-${clusters}-edit`;
      const args = ['--cache-dir', cache(id), '--out', out(id)];
      scenarios.push({
        id,
        kind: 'fleet-edit',
        clusters,
        title: `Fleet of ${clusters} clusters, one cluster edited, warm cache`,
        // Warmed with the unedited fleet; round i edits to the i-th value, one no earlier run synthesized.
        warmUp: [node(bundles.fleetSynth, args, fleet)],
        emptyBeforeEachRun: [],
        commands: (round) => [node(bundles.fleetSynth, args, { ...fleet, FLEET_EDIT: String(round + 1) })],
      });
    }
  }
  if (selected('diff') && places.diffRepository !== undefined) {
    const diff: ChildCommand = {
      command: process.execPath,
      args: ['--liftoff-only', join(checkout, bundles.diff), '--base', 'main', '--head', 'change'],
      cwd: places.diffRepository,
    };
    scenarios.push({
      id: 'diff',
      kind: 'diff',
      clusters: options.diffClusters,
      title: `\`npm run diff\`, fleet of ${options.diffClusters} clusters`,
      warmUp: [],
      emptyBeforeEachRun: [],
      commands: () => [diff],
    });
  }
  if (selected('standard-clis')) {
    const cli = (name: string, args: readonly string[]): ChildCommand => ({
      command: join(checkout, 'node_modules/.bin', name),
      args,
      cwd: checkout,
      env: { CHECKPOINT_DISABLE: '1' },
    });
    scenarios.push({
      id: 'standard-clis',
      kind: 'standard-clis',
      title: 'Standard CLIs on the reference estate (`cdk8s synth` + `cdktf synth --hcl`)',
      warmUp: [],
      emptyBeforeEachRun: [out('cdk8s'), out('cdktf')],
      commands: () => [cli('cdk8s', ['synth', '--no-check-upgrade', '--output', out('cdk8s')]), cli('cdktf', ['synth', '--hcl', '--output', out('cdktf')])],
    });
  }
  return scenarios;
}
