import { type Command, type CommandOption, commandLineError, readCommandLine } from '../command-line';

/** Command line of `npm run promote`. */
export type PromoteOptions = { readonly kind: 'promote'; readonly from: string; readonly to: string } | { readonly kind: 'complete-canary'; readonly env: string };

export const PROMOTE_COMMAND = {
  invocation: 'npm run promote --',
  summary:
    "Move pinned versions one stage along the promotion chain: edits environments/pins.json after the source's policy tests pass, then re-runs synth so the pins and dist/ change in one commit (a failed synth, Ctrl-C or SIGTERM restores both).",
  forms: ['--from SOURCE --to TARGET', '--complete-canary ENV'],
  options: {
    from: { type: 'string', placeholder: 'SOURCE', description: 'environment whose pins are promoted; its policy tests must pass' },
    to: { type: 'string', placeholder: 'TARGET', description: 'environment that receives them: the next stage after SOURCE' },
    'complete-canary': {
      type: 'string',
      placeholder: 'ENV',
      description: "record that ENV's policy canary passed (its canary namespaces are clean): its pinned catalog release then enforces everywhere",
    },
  },
  examples: [
    { command: 'npm run promote -- --from dev --to staging', does: "promote dev's pins to staging" },
    { command: 'npm run promote -- --complete-canary staging', does: "end staging's policy canary, before promoting staging to prod" },
  ],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

/** `--help`, or what to promote. Throws a CommandLineError (with the usage) for a command line it cannot run. */
export function readPromoteCommandLine(argv: readonly string[]): { readonly help: true } | { readonly help: false; readonly options: PromoteOptions } {
  const commandLine = readCommandLine(PROMOTE_COMMAND, argv);
  if (commandLine.help) return commandLine;
  const { from, to, 'complete-canary': canary } = commandLine.values;
  if (canary !== undefined && from === undefined && to === undefined) return { help: false, options: { kind: 'complete-canary', env: canary } };
  if (canary === undefined && from !== undefined && to !== undefined) return { help: false, options: { kind: 'promote', from, to } };
  throw commandLineError(PROMOTE_COMMAND, 'give --from and --to, or --complete-canary alone');
}
