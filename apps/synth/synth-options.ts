import { type Command, type CommandLine, type CommandOption, commandLineError, readCommandLine } from '../command-line';
import { STACKS_PER_WORKER } from './stack-workers';

/** Command line of `npm run synth`. */
export interface SynthOptions {
  /** Only this environment; the other environments' output is left as it is. */
  readonly env?: string;
  /** Compare a fresh synth with the output folder and write nothing. */
  readonly check: boolean;
  /** Output folder. */
  readonly out: string;
  /** Reuse and keep synthesized units in `cacheDir`; `--no-cache` synthesizes everything afresh. */
  readonly cache: boolean;
  /** Where synthesized units are kept between runs. */
  readonly cacheDir: string;
  /** Threads to render Terraform stacks in (1: this one only). */
  readonly jobs: number;
}

export const SYNTH_COMMAND = {
  invocation: 'npm run synth --',
  summary: 'Synthesize the estate into the output folder: Kubernetes manifests, Terraform, policies, alerts and their tests, for every environment or one.',
  forms: ['[--env NAME] [--check] [--out DIR] [--no-cache] [--cache-dir DIR] [--jobs N]'],
  options: {
    env: { type: 'string', placeholder: 'NAME', defaultText: 'every environment', description: "only this environment; the others' output is left as it is" },
    check: { type: 'boolean', description: 'compare a fresh synth with the output folder, write nothing, exit 1 naming every file that differs' },
    out: { type: 'string', placeholder: 'DIR', default: 'dist', description: 'output folder' },
    'no-cache': {
      type: 'boolean',
      description: 'synthesize every unit afresh, neither reading nor writing the cache (the output is byte-identical either way)',
    },
    'cache-dir': {
      type: 'string',
      placeholder: 'DIR',
      default: 'node_modules/.cache/gitops-cdk/synth-cache',
      description: 'where synthesized units are kept between runs, keyed by what produced them',
    },
    jobs: {
      type: 'string',
      placeholder: 'N',
      default: '1',
      description: `render Terraform stacks in N worker threads (1: in this thread), when at least ${STACKS_PER_WORKER} stacks per worker are to be rendered`,
    },
  },
  examples: [
    { command: 'npm run synth', does: 'regenerate dist/ for every environment' },
    { command: 'npm run synth -- --check', does: 'CI: fail if the committed dist/ is not what the code synthesizes' },
    { command: 'npm run synth -- --env staging --out /tmp/out', does: 'synthesize staging alone into another folder' },
  ],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

/** `--help`, or the options of a synth. Throws a CommandLineError (with the usage) for a command line it cannot run. */
export function readSynthCommandLine(argv: readonly string[]): { readonly help: true } | { readonly help: false; readonly options: SynthOptions } {
  const commandLine: CommandLine<typeof SYNTH_COMMAND.options> = readCommandLine(SYNTH_COMMAND, argv);
  if (commandLine.help) return commandLine;
  const { env, check, out } = commandLine.values;
  return {
    help: false,
    options: {
      ...(env !== undefined ? { env } : {}),
      check: check ?? false,
      out: out ?? SYNTH_COMMAND.options.out.default,
      cache: commandLine.values['no-cache'] !== true,
      cacheDir: commandLine.values['cache-dir'] ?? SYNTH_COMMAND.options['cache-dir'].default,
      jobs: jobsOf(commandLine.values.jobs),
    },
  };
}

/**
 * `--jobs`: a whole number from 1, by default 1. Measured on 2 cores with 500 clusters, worker
 * threads saved 5 % of the wall time for twice the memory (over 1 GiB) and half again the CPU time
 * (each loads cdktf and the providers; three heaps collect garbage): worth it only on more cores.
 */
function jobsOf(value: string | undefined): number {
  const jobs = Number(value ?? '1');
  if (!Number.isInteger(jobs) || jobs < 1) throw commandLineError(SYNTH_COMMAND, `--jobs must be a whole number from 1, not ${JSON.stringify(value)}`);
  return jobs;
}

/** The environments a synth builds: all of them, or the one `--env` names. */
export function selectEnvironments<E extends { readonly name: string }>(all: readonly E[], env: string | undefined): readonly E[] {
  if (env === undefined) return all;
  const selected = all.filter((e) => e.name === env);
  if (selected.length === 0) throw new Error(`unknown environment ${JSON.stringify(env)}; known: ${all.map((e) => e.name).join(', ')}`);
  return selected;
}
