import { readFileSync } from 'node:fs';
import { type Command, type CommandLine, type CommandOption, commandLineError, readCommandLine } from '../../command-line';
import type { BitbucketPullRequest } from './bitbucket-thread';
import type { GitHubPullRequest } from './github-thread';

export type Provider = 'github' | 'bitbucket';
const PROVIDERS: readonly Provider[] = ['github', 'bitbucket'];

export const DIFF_COMMENT_COMMAND = {
  invocation: 'npm run diff:comment --',
  summary:
    "Post the `npm run diff -- --format markdown` comment on the pull request CI runs for, or update the one posted before (one comment per pull request). Reads the CI provider's standard environment variables.",
  forms: ['--provider github|bitbucket --body FILE'],
  options: {
    provider: { type: 'string', placeholder: 'PROVIDER', description: 'github (GitHub Actions) or bitbucket (Bitbucket Pipelines, Bitbucket Cloud)' },
    body: { type: 'string', placeholder: 'FILE', description: 'the comment: the file `npm run diff -- --format markdown --out FILE` wrote' },
  },
  examples: [
    { command: 'npm run diff:comment -- --provider github --body diff-comment.md', does: 'GitHub Actions, on pull_request, with GITHUB_TOKEN in the environment' },
    { command: 'npm run diff:comment -- --provider bitbucket --body diff-comment.md', does: 'Bitbucket Pipelines, in a pull-requests pipeline, with BITBUCKET_ACCESS_TOKEN set' },
  ],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

export interface DiffCommentOptions {
  readonly provider: Provider;
  readonly bodyFile: string;
}

/** `--help`, or the options. Throws a CommandLineError (with the usage) for a command line it cannot run. */
export function readDiffCommentCommandLine(argv: readonly string[]): { readonly help: true } | { readonly help: false; readonly options: DiffCommentOptions } {
  const commandLine: CommandLine<typeof DIFF_COMMENT_COMMAND.options> = readCommandLine(DIFF_COMMENT_COMMAND, argv);
  if (commandLine.help) return commandLine;
  const { provider: given, body } = commandLine.values;
  if (given === undefined) throw commandLineError(DIFF_COMMENT_COMMAND, `--provider is required: ${PROVIDERS.join(' or ')}`);
  const provider = PROVIDERS.find((p) => p === given);
  if (provider === undefined) throw commandLineError(DIFF_COMMENT_COMMAND, `--provider ${given}: not a provider; use ${PROVIDERS.join(' or ')}`);
  if (body === undefined) throw commandLineError(DIFF_COMMENT_COMMAND, '--body is required: the Markdown file `npm run diff -- --format markdown --out FILE` wrote');
  return { help: false, options: { provider, bodyFile: body } };
}

/** The CI environment cannot say which pull request to comment on, or with what token: every problem is in the message. */
export class CiEnvironmentError extends Error {
  override readonly name = 'CiEnvironmentError';
}

type Environment = Readonly<Record<string, string | undefined>>;

/** Each variable read, and where it comes from when it is missing. */
const GITHUB_VARIABLES = {
  GITHUB_REPOSITORY: 'set by GitHub Actions on every run (owner/name)',
  GITHUB_EVENT_PATH: 'set by GitHub Actions on every run: the event payload, whose pull_request.number is the pull request',
  GITHUB_TOKEN: 'not set by default: pass it to the step (`env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`) with `permissions: pull-requests: write`',
} as const;
const BITBUCKET_VARIABLES = {
  BITBUCKET_WORKSPACE: 'set by Bitbucket Pipelines on every run',
  BITBUCKET_REPO_SLUG: 'set by Bitbucket Pipelines on every run',
  BITBUCKET_PR_ID: 'set by Bitbucket Pipelines only in a `pull-requests:` pipeline',
  BITBUCKET_ACCESS_TOKEN:
    'not set by Bitbucket: add a secured repository variable holding a repository access token with the pullrequest:write scope (Repository settings > Access tokens)',
} as const;

/** GitHub's API address when GITHUB_API_URL is unset (a run outside Actions): github.com's. */
export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** The GitHub pull request of this run, from the variables GitHub Actions sets (GITHUB_API_URL defaults to github.com's). */
export function gitHubPullRequestFromEnvironment(env: Environment, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): GitHubPullRequest {
  const values = required('github', GITHUB_VARIABLES, env);
  let event: unknown;
  try {
    event = JSON.parse(readFile(values.GITHUB_EVENT_PATH));
  } catch (error) {
    throw new CiEnvironmentError(`GITHUB_EVENT_PATH ${values.GITHUB_EVENT_PATH}: not a readable JSON event payload (${messageOf(error)})`);
  }
  const pullRequest = typeof event === 'object' && event !== null && 'pull_request' in event ? event.pull_request : undefined;
  const number = typeof pullRequest === 'object' && pullRequest !== null && 'number' in pullRequest ? pullRequest.number : undefined;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0)
    throw new CiEnvironmentError(
      `the event in GITHUB_EVENT_PATH has no pull_request.number: run this in a job triggered by pull_request (GITHUB_EVENT_NAME=${env.GITHUB_EVENT_NAME ?? 'unset'})`,
    );
  return { apiUrl: nonEmpty(env.GITHUB_API_URL) ?? DEFAULT_GITHUB_API_URL, repository: values.GITHUB_REPOSITORY, number, token: values.GITHUB_TOKEN };
}

/** The Bitbucket Cloud pull request of this run, from the variables Bitbucket Pipelines sets and the access token. */
export function bitbucketPullRequestFromEnvironment(env: Environment): BitbucketPullRequest {
  const values = required('bitbucket', BITBUCKET_VARIABLES, env);
  const id = Number(values.BITBUCKET_PR_ID);
  if (!Number.isInteger(id) || id <= 0) throw new CiEnvironmentError(`BITBUCKET_PR_ID ${JSON.stringify(values.BITBUCKET_PR_ID)} is not a pull request number`);
  return { workspace: values.BITBUCKET_WORKSPACE, repoSlug: values.BITBUCKET_REPO_SLUG, id, token: values.BITBUCKET_ACCESS_TOKEN };
}

/** Every variable of `variables`, or one error naming all the missing ones (an empty value is missing) and where each comes from. */
function required<Name extends string>(provider: Provider, variables: Readonly<Record<Name, string>>, env: Environment): Record<Name, string> {
  const names = Object.keys(variables) as Name[];
  const missing = names.filter((name) => nonEmpty(env[name]) === undefined);
  if (missing.length > 0)
    throw new CiEnvironmentError(
      [
        `--provider ${provider}: ${missing.length === 1 ? 'an environment variable is' : `${missing.length} environment variables are`} missing:`,
        ...missing.map((name) => `  ${name}: ${variables[name]}`),
      ].join('\n'),
    );
  return Object.fromEntries(names.map((name) => [name, env[name]])) as Record<Name, string>;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : String(error);
}
