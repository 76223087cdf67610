import { type Command, type CommandLine, type CommandOption, commandLineError, readCommandLine } from '../command-line';
import { COMMENT_HOSTS, type CommentHost } from './render/markdown';
import { RISK_LEVELS, type RiskLevel } from './risks/risk-rule';

export type DiffFormat = 'markdown' | 'json' | 'text';
const FORMATS: readonly DiffFormat[] = ['markdown', 'json', 'text'];

/** Command line of `npm run diff`. */
export interface DiffOptions {
  /** Git revision of the base; absent: the merge base of HEAD with `main`. */
  readonly base?: string;
  /** Git revision of the head; absent: the working tree. */
  readonly head?: string;
  readonly env?: string;
  readonly format: DiffFormat;
  /** Exit FLAGS_EXIT_CODE when a flag at this level or above is present; `none`: never. */
  readonly failOn: RiskLevel | 'none';
  /** Write the output here (atomically) instead of standard output. */
  readonly out?: string;
  /** Where the Markdown details go when they do not fit in a comment. */
  readonly detailsFile: string;
  /** The host the Markdown comment is for: its size limit and whether it renders HTML. */
  readonly commentFor: CommentHost;
  /** Lines CI adds to the report (why high flags are accepted, where the tools came from). */
  readonly notes: readonly string[];
}

export const DIFF_COMMAND = {
  invocation: 'npm run diff --',
  summary:
    'Explain the synthesized change between two revisions of dist/: Kubernetes objects, Terraform blocks and compliance results compared field by field, moves detected, risky changes flagged, affected applications and stacks listed.',
  forms: [
    '[--base REF] [--head REF] [--env NAME] [--format markdown|json|text] [--fail-on high|medium|low|none] [--out FILE] [--details-file FILE] [--comment-for github|bitbucket] [--note TEXT]...',
  ],
  options: {
    base: { type: 'string', placeholder: 'REF', defaultText: 'the merge base of HEAD with main (or origin/main)', description: 'Git revision to compare from' },
    head: { type: 'string', placeholder: 'REF', defaultText: 'the working tree', description: 'Git revision to compare to' },
    env: { type: 'string', placeholder: 'NAME', defaultText: 'every environment', description: 'only this environment' },
    format: {
      type: 'string',
      placeholder: 'FORMAT',
      default: 'text',
      description: 'markdown (a pull-request comment), json (for CI: flags, changes, affected units) or text (a terminal)',
    },
    'fail-on': {
      type: 'string',
      placeholder: 'LEVEL',
      default: 'none',
      description: 'exit 3 when a risk flag at this level or above is present (high, medium or low); none: never',
    },
    out: { type: 'string', placeholder: 'FILE', defaultText: 'standard output', description: 'write the output to this file' },
    'details-file': {
      type: 'string',
      placeholder: 'FILE',
      default: 'gitops-cdk-diff-details.md',
      description: 'markdown: where the details go when they do not fit in the comment (CI uploads it)',
    },
    'comment-for': {
      type: 'string',
      placeholder: 'HOST',
      default: 'github',
      description: 'markdown: the host of the comment: github (60,000 characters, folded details) or bitbucket (32,000 characters, no HTML)',
    },
    note: { type: 'string', placeholder: 'TEXT', multiple: true, description: 'a note for the report, shown first among its notes (CI: why high flags are accepted)' },
  },
  examples: [
    { command: 'npm run diff', does: 'what the working tree changes in dist/ since the branch left main, for a terminal' },
    { command: 'npm run diff -- --base origin/main --head HEAD --format markdown --out diff.md --fail-on high', does: 'CI: the pull-request comment, exit 3 on a high flag' },
    { command: 'npm run diff -- --format json | jq .affected', does: 'the environments, Argo CD applications and Terraform stacks to plan and sync' },
  ],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

/** `--help`, or the options of a diff. Throws a CommandLineError (with the usage) for a command line it cannot run. */
export function readDiffCommandLine(argv: readonly string[]): { readonly help: true } | { readonly help: false; readonly options: DiffOptions } {
  const commandLine: CommandLine<typeof DIFF_COMMAND.options> = readCommandLine(DIFF_COMMAND, argv);
  if (commandLine.help) return commandLine;
  const values = commandLine.values;
  const format = FORMATS.find((f) => f === values.format);
  if (format === undefined) throw commandLineError(DIFF_COMMAND, `--format ${values.format}: not a format; use one of ${FORMATS.join(', ')}`);
  const failOn = [...RISK_LEVELS, 'none' as const].find((l) => l === values['fail-on']);
  if (failOn === undefined) throw commandLineError(DIFF_COMMAND, `--fail-on ${values['fail-on']}: not a level; use one of ${[...RISK_LEVELS, 'none'].join(', ')}`);
  const commentFor = (Object.keys(COMMENT_HOSTS) as CommentHost[]).find((h) => h === values['comment-for']);
  if (commentFor === undefined) throw commandLineError(DIFF_COMMAND, `--comment-for ${values['comment-for']}: not a host; use one of ${Object.keys(COMMENT_HOSTS).join(', ')}`);
  return {
    help: false,
    options: {
      ...(values.base !== undefined ? { base: values.base } : {}),
      ...(values.head !== undefined ? { head: values.head } : {}),
      ...(values.env !== undefined ? { env: values.env } : {}),
      format,
      failOn,
      ...(values.out !== undefined ? { out: values.out } : {}),
      detailsFile: values['details-file'] ?? DIFF_COMMAND.options['details-file'].default,
      commentFor,
      notes: values.note ?? [],
    },
  };
}
