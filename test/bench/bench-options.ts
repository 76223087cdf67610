import { type Command, type CommandOption, commandLineError, readCommandLine } from '../../apps/command-line';
import { DISTINCT_EDITS } from './fleet-edit';

/** The kinds of scenario, as `--only` names them. */
export const SCENARIO_KINDS = ['reference', 'reference-cached', 'fleet', 'fleet-edit', 'diff', 'standard-clis'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** Command line of `npm run bench`. */
export interface BenchOptions {
  /** Interleaved rounds: each runs every scenario once. */
  readonly runs: number;
  /** The fleet sizes of the fleet scenarios. */
  readonly clusters: readonly number[];
  /** The fleet size of the repository `npm run diff` compares. */
  readonly diffClusters: number;
  /** The scenarios to run, in the order of SCENARIO_KINDS. */
  readonly only: readonly ScenarioKind[];
}

export const BENCH_COMMAND = {
  invocation: 'npm run bench --',
  summary:
    'Time synth of the reference estate (clean, and again with a warm cache), of the fleet fixture (clean, and after a one-cluster edit with a warm cache), `npm run diff` on a fleet, and the standard CLIs (cdk8s synth + cdktf synth --hcl) on the reference estate. Each run is a fresh process running the bundles with node (the start-up of npm and the bundling are not timed); round i runs every scenario once. Prints medians, ranges, peak memory, ratios and the targets of issue 14 as Markdown.',
  forms: ['[--runs N] [--clusters N,N] [--diff-clusters N] [--only KIND]...'],
  options: {
    runs: { type: 'string', placeholder: 'N', default: '3', description: `interleaved rounds, 1 to ${DISTINCT_EDITS}` },
    clusters: { type: 'string', placeholder: 'N,N', default: '100,500', description: 'fleet sizes of the fleet scenarios (at least 6 clusters each)' },
    'diff-clusters': { type: 'string', placeholder: 'N', default: '100', description: 'fleet size of the repository `npm run diff` compares' },
    only: {
      type: 'string',
      placeholder: 'KIND',
      multiple: true,
      defaultText: 'every scenario',
      description: `only these scenarios, comma-separated: ${SCENARIO_KINDS.join(', ')}`,
    },
  },
  examples: [
    { command: 'npm run bench', does: 'every scenario, three rounds, fleets of 100 and 500 clusters (several minutes)' },
    { command: 'npm run bench -- --runs 1 --clusters 30', does: 'a quick run while developing' },
    { command: 'npm run bench -- --only reference,standard-clis --runs 5', does: 'the reference estate against the standard CLIs' },
  ],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

/** A whole number from `min` to `max` given as `text`, or a CommandLineError naming the option. */
function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max)
    throw commandLineError(BENCH_COMMAND, `--${option} takes a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  return value;
}

/**
 * `--help`, or the options of a benchmark. Throws a CommandLineError for a command line it cannot
 * run. At least 6 clusters: the one-cluster edit needs a production workload cluster (the sixth).
 * At most DISTINCT_EDITS rounds: each round's edit must be one the cache has not seen.
 */
export function readBenchCommandLine(argv: readonly string[]): { readonly help: true } | { readonly help: false; readonly options: BenchOptions } {
  const commandLine = readCommandLine(BENCH_COMMAND, argv);
  if (commandLine.help) return commandLine;
  const values = commandLine.values;
  const clusters = (values.clusters ?? BENCH_COMMAND.options.clusters.default).split(',').map((n) => wholeNumber('clusters', n, 6, 3840));
  const named = (values.only ?? []).flatMap((list) => list.split(',')).map((name) => name.trim());
  for (const name of named)
    if (!SCENARIO_KINDS.some((kind) => kind === name)) throw commandLineError(BENCH_COMMAND, `--only takes ${SCENARIO_KINDS.join(', ')}, not ${JSON.stringify(name)}`);
  return {
    help: false,
    options: {
      runs: wholeNumber('runs', values.runs ?? BENCH_COMMAND.options.runs.default, 1, DISTINCT_EDITS),
      clusters: [...new Set(clusters)].sort((a, b) => a - b),
      diffClusters: wholeNumber('diff-clusters', values['diff-clusters'] ?? BENCH_COMMAND.options['diff-clusters'].default, 3, 3840),
      only: SCENARIO_KINDS.filter((kind) => named.length === 0 || named.includes(kind)),
    },
  };
}
