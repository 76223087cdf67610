import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How the stand-in tools behave in one sandbox. */
export interface SandboxBehaviour {
  /** The CI's checkout: GitHub's merge commit (first parent: the base) or Bitbucket's temporary merge (first parent: the source). */
  readonly host: 'github' | 'bitbucket';
  /** Whether the base revision has apps/diff.ts (false: the pull request that adopts the diff). */
  readonly baseHasTools?: boolean;
  readonly diffExit?: number;
  /** Whether the stand-in diff writes diff-comment.md (a diff that could not be made writes nothing). */
  readonly writesComment?: boolean;
  readonly postExit?: number;
  readonly npmCiExit?: number;
  /** The pull request's issue events, one array a page, for the stand-in curl. */
  readonly eventPages?: readonly (readonly unknown[])[];
}

/** One call of the stand-in node: where it ran, the bundle and the rest of the command line. */
export interface NodeCall {
  readonly cwd: string;
  readonly bundle: string;
  readonly args: string;
}

const STAND_IN_NPM = `#!/bin/sh
echo "$PWD|$*" >> "$SANDBOX/npm.log"
case "$*" in
  ci) mkdir -p node_modules; exit "\${NPM_CI_EXIT:-0}" ;;
  # npm run builds the bundle, which needs the packages npm ci installed.
  "run --silent diff -- --help") [ -d node_modules ] || exit 1; mkdir -p node_modules/.cache/gitops-cdk; echo diff > node_modules/.cache/gitops-cdk/diff.cjs ;;
  "run --silent diff:comment -- --help") [ -d node_modules ] || exit 1; mkdir -p node_modules/.cache/gitops-cdk; echo post > node_modules/.cache/gitops-cdk/diff-comment.cjs ;;
  *) echo "stand-in npm: unexpected npm $*" >&2; exit 1 ;;
esac
`;

const STAND_IN_NODE = `#!/bin/sh
[ "$1" = --liftoff-only ] && shift
bundle=$1
shift
echo "$PWD|$bundle|$*" >> "$SANDBOX/node.log"
[ -f "$bundle" ] || { echo "Error: Cannot find module '$bundle'" >&2; exit 1; }
case "$bundle" in
  */diff.cjs) if [ "$WRITES_COMMENT" = 1 ]; then printf 'MARKER\\n### gitops-cdk diff\\nargs: %s\\n' "$*" > diff-comment.md; fi; exit "$DIFF_EXIT" ;;
  */diff-comment.cjs) cat diff-comment.md >> "$SANDBOX/posted.md"; exit "$POST_EXIT" ;;
esac
`;

/** Page N of the issue events (the last argument is the address, with page=N), or an empty page. */
const STAND_IN_CURL = `#!/bin/sh
for last; do :; done
echo "$*" >> "$SANDBOX/curl.log"
page=$(printf '%s' "$last" | sed -n 's/.*[?&]page=\\([0-9]*\\).*/\\1/p')
if [ -f "$SANDBOX/events-$page.json" ]; then cat "$SANDBOX/events-$page.json"; else echo '[]'; fi
`;

/**
 * A CI script's world: a Git checkout shaped as the host leaves it, and stand-ins for npm, node and
 * curl first on the PATH that log every call. `npm run X -- --help` builds a stand-in bundle under the
 * node_modules of the folder it runs in (only after `npm ci` there), and node runs a bundle only when
 * it exists: a script that runs the tools from anywhere else fails.
 */
export class CiSandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'gitops-cdk-ci-script-'));
  /** The pull request's checkout: the scripts' working directory. */
  readonly checkout = join(this.dir, 'checkout');
  /** RUNNER_TEMP and TMPDIR. */
  readonly temp = join(this.dir, 'temp');
  /** The base revision the diff must compare against and build its tools from. */
  readonly base: string;
  /** The pull request's own commit (the source branch). */
  readonly source: string;

  constructor(readonly behaviour: SandboxBehaviour) {
    const bin = join(this.dir, 'bin');
    mkdirSync(bin);
    mkdirSync(this.temp);
    for (const [name, text] of Object.entries({ npm: STAND_IN_NPM, node: STAND_IN_NODE, curl: STAND_IN_CURL })) {
      writeFileSync(join(bin, name), text);
      chmodSync(join(bin, name), 0o755);
    }
    for (const [index, page] of (behaviour.eventPages ?? []).entries()) writeFileSync(join(this.dir, `events-${index + 1}.json`), JSON.stringify(page));

    const template = checkoutTemplate(behaviour);
    cpSync(template.dir, this.checkout, { recursive: true });
    this.base = template.base;
    this.source = template.source;
  }

  git(...args: string[]): string {
    return gitIn(this.checkout, ...args);
  }

  /** Runs `script` in the checkout (`bash -ec`, as GitHub's `bash -e` and Bitbucket's `set -e` do). */
  run(script: string, env: Readonly<Record<string, string>> = {}): { readonly status: number | null; readonly stdout: string; readonly stderr: string } {
    const result = spawnSync('bash', ['-ec', script], {
      cwd: this.checkout,
      encoding: 'utf8',
      env: {
        HOME: this.dir,
        PATH: `${join(this.dir, 'bin')}:${process.env.PATH ?? ''}`,
        TMPDIR: this.temp,
        SANDBOX: this.dir,
        DIFF_EXIT: String(this.behaviour.diffExit ?? 0),
        POST_EXIT: String(this.behaviour.postExit ?? 0),
        NPM_CI_EXIT: String(this.behaviour.npmCiExit ?? 0),
        WRITES_COMMENT: this.behaviour.writesComment === false ? '0' : '1',
        ...env,
      },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  npmCalls(): string[] {
    return this.lines('npm.log');
  }

  nodeCalls(): NodeCall[] {
    return this.lines('node.log').map((line) => {
      const [cwd = '', bundle = '', ...args] = line.split('|');
      return { cwd, bundle, args: args.join('|') };
    });
  }

  curlCalls(): string[] {
    return this.lines('curl.log');
  }

  /** Every body the stand-in poster was given, concatenated. */
  posted(): string | undefined {
    const file = join(this.dir, 'posted.md');
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  /** The commit a checkout of the tools (a folder holding node_modules) is at. */
  revisionOf(folder: string): string {
    return execFileSync('git', ['-C', folder, 'rev-parse', 'HEAD']).toString('utf8').trim();
  }

  private lines(file: string): string[] {
    const path = join(this.dir, file);
    return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [];
  }
}

/** The folder of the tools a bundle was built in: `<tools>/node_modules/.cache/gitops-cdk/<bundle>.cjs`. */
export function toolsOf(bundle: string): string {
  const match = /^(.*)\/node_modules\/\.cache\/gitops-cdk\/[\w-]+\.cjs$/.exec(bundle);
  if (match?.[1] === undefined) throw new Error(`${bundle}: not a bundle under node_modules/.cache/gitops-cdk`);
  return match[1];
}

/** A checkout as the host leaves it, built once per test process and shape: each sandbox runs in a copy. */
interface CheckoutTemplate {
  readonly dir: string;
  readonly base: string;
  readonly source: string;
}

const templates = new Map<string, CheckoutTemplate>();

/**
 * The Git history of a sandbox's checkout, built once per host and base (a dozen git commands) and
 * copied for each sandbox: the scripts change the checkout (a worktree, a merge), so none shares one.
 */
function checkoutTemplate(behaviour: SandboxBehaviour): CheckoutTemplate {
  const baseHasTools = behaviour.baseHasTools !== false;
  const key = `${behaviour.host} ${baseHasTools}`;
  const kept = templates.get(key);
  if (kept !== undefined) return kept;
  const dir = mkdtempSync(join(tmpdir(), 'gitops-cdk-ci-checkout-'));
  const git = (...args: string[]) => gitIn(dir, ...args);
  const commit = (file: string, text: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), `${text}\n`);
    git('add', file);
    git('commit', '-q', '-m', text);
  };
  git('init', '-q', '-b', 'main');
  commit('apps/README', 'the estate');
  if (baseHasTools) commit('apps/diff.ts', "// the base's risk rules");
  const root = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'feature');
  // The pull request changes the rules: they must not judge it.
  commit('apps/diff.ts', "// the pull request's risk rules");
  const source = git('rev-parse', 'HEAD');
  git('checkout', '-q', 'main');
  git('reset', '-q', '--hard', root);
  commit('dist/destination.txt', 'the destination moved on');
  const base = git('rev-parse', 'HEAD');
  if (behaviour.host === 'github') {
    // pull_request checks out refs/pull/N/merge: the base merged with the source, the base first.
    git('checkout', '-q', '--detach', base);
    git('merge', '-q', '--no-ff', '-m', 'merge', source);
  } else {
    // Bitbucket merges the destination into the source; the destination then moves on, and the
    // script's fetch brings that newer commit to origin/main.
    commit('dist/later.txt', 'the destination moved on again');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('checkout', '-q', '--detach', source);
    git('merge', '-q', '--no-ff', '-m', 'temporary merge', base);
  }
  const template = { dir, base, source };
  templates.set(key, template);
  return template;
}

function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' },
  })
    .toString('utf8')
    .trim();
}
