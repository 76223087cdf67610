import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

// The CI files our users copy: a GitHub Actions workflow and a Bitbucket Pipelines step. Read as
// YAML, and their scripts run with a stand-in `npm` to check the order: post the comment, then fail.
const ROOT = join(__dirname, '..', '..', '..');
const GITHUB_FILE = join(ROOT, '.github', 'workflows', 'gitops-cdk-diff.yml');
const BITBUCKET_FILE = join(ROOT, 'bitbucket-pipelines.yml');

interface WorkflowStep {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, unknown>>;
}
interface Workflow {
  readonly on: Readonly<Record<string, unknown>>;
  readonly permissions: Readonly<Record<string, string>>;
  readonly concurrency: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly jobs: Readonly<Record<string, { readonly steps: readonly WorkflowStep[] }>>;
}
interface BitbucketStep {
  readonly image?: string;
  readonly clone: { readonly depth: string | number };
  readonly caches: readonly string[];
  readonly script: readonly string[];
  readonly artifacts: readonly string[];
}
interface Pipelines {
  readonly image: string;
  readonly definitions: { readonly caches: Readonly<Record<string, string>> };
  readonly pipelines: { readonly 'pull-requests': Readonly<Record<string, readonly { readonly step: BitbucketStep }[]>> };
}

const workflow = parse(readFileSync(GITHUB_FILE, 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const pipelines = parse(readFileSync(BITBUCKET_FILE, 'utf8')) as Pipelines;
const pullRequestSteps = pipelines.pipelines['pull-requests']['**']?.map((entry) => entry.step) ?? [];
const bitbucketScript = pullRequestSteps.flatMap((step) => step.script).join('\n');

describe('the GitHub Actions workflow', () => {
  it('runs on pull requests, may write pull-request comments and reads the repository only', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('runs once per pull request, a new push cancelling the run in progress', () => {
    expect(workflow.concurrency.group).toContain('${{ github.event.pull_request.number }}');
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
  });

  it('never puts an expression inside a script (script injection): the base branch comes through env', () => {
    const runs = steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs.length).toBeGreaterThan(3);
    for (const run of runs) expect(run).not.toContain('${{');
    const diff = steps.find((step) => step.run?.includes('npm run diff --'));
    expect(diff?.env?.BASE_REF).toBe('${{ github.base_ref }}');
    expect(diff?.run).toContain('--base "origin/$BASE_REF" --head HEAD --format markdown --out diff-comment.md --details-file diff-details.md --fail-on high');
  });

  it('pins every action by a full commit, with the release in a comment', () => {
    const uses = steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses]));
    expect(uses.map((u) => u.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node', 'actions/upload-artifact']);
    for (const use of uses) expect(use).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    const lines = readFileSync(GITHUB_FILE, 'utf8')
      .split('\n')
      .filter((line) => /^\s*(- )?uses: /.test(line));
    for (const line of lines) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('checks out the whole history and installs with npm ci on Node 20 with the npm cache', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toEqual({ 'node-version': 20, cache: 'npm' });
    expect(steps.some((step) => step.run === 'npm ci')).toBe(true);
  });

  it('posts with the GITHUB_TOKEN secret, not from a fork, and uploads the details when they exist', () => {
    const post = steps.find((step) => step.run?.includes('npm run diff:comment'));
    expect(post?.run).toBe('npm run diff:comment -- --provider github --body diff-comment.md');
    expect(post?.env).toEqual({ GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
    expect(post?.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toContain("hashFiles('diff-details.md') != ''");
    expect(upload?.with?.path).toBe('diff-details.md');
    const order = (step: WorkflowStep | undefined) => (step === undefined ? -1 : steps.indexOf(step));
    const fail = steps.find((step) => step.env?.DIFF_EXIT !== undefined);
    expect(order(post)).toBeGreaterThan(order(steps.find((step) => step.id === 'diff')));
    expect(order(fail)).toBeGreaterThan(order(post));
    expect(order(fail)).toBeGreaterThan(order(upload));
  });

  it.each([
    [0, 0, 'no risk flag'],
    [1, 1, 'a high risk flag'],
    [2, 1, 'could not be made (exit 2)'],
  ])('the diff exiting %i: the last step exits %i (%s)', (diffExit, jobExit, says) => {
    const diff = steps.find((step) => step.id === 'diff');
    const fail = steps.find((step) => step.env?.DIFF_EXIT !== undefined);
    const sandbox = new ScriptSandbox({ diffExit, writesComment: diffExit !== 2 });
    const outputs = join(sandbox.dir, 'github-output');
    expect(sandbox.run(diff?.run ?? '', { BASE_REF: 'main', GITHUB_OUTPUT: outputs }).status).toBe(0);
    const exitCode = /^exit-code=(\d+)$/m.exec(readFileSync(outputs, 'utf8'))?.[1];
    expect(exitCode).toBe(String(diffExit));
    const result = sandbox.run(fail?.run ?? '', { DIFF_EXIT: exitCode ?? '' });
    expect(result.status).toBe(jobExit);
    expect(result.stdout).toContain(says);
  });
});

describe('the Bitbucket Pipelines step', () => {
  it('runs on every pull request on Node 20 with the full history and the npm cache', () => {
    expect(pullRequestSteps).toHaveLength(1);
    const [step] = pullRequestSteps;
    expect(step?.image ?? pipelines.image).toBe('node:20');
    expect(step?.clone.depth).toBe('full');
    expect(step?.caches).toEqual(['npm']);
    expect(pipelines.definitions.caches.npm).toBe('~/.npm');
    expect(step?.artifacts).toEqual(['diff-details.md']);
  });

  it('fetches the destination branch, diffs against it with --fail-on high and posts with --provider bitbucket', () => {
    expect(bitbucketScript).toContain('git fetch origin "+refs/heads/$BITBUCKET_PR_DESTINATION_BRANCH:refs/remotes/origin/$BITBUCKET_PR_DESTINATION_BRANCH"');
    expect(bitbucketScript).toContain('npm ci');
    expect(bitbucketScript).toContain('base=$(git merge-base HEAD "origin/$BITBUCKET_PR_DESTINATION_BRANCH")');
    expect(bitbucketScript).toContain(
      'npm run diff -- --base "$base" --head HEAD --format markdown --comment-for bitbucket --out diff-comment.md --details-file diff-details.md --fail-on high',
    );
    expect(bitbucketScript).toContain('npm run diff:comment -- --provider bitbucket --body diff-comment.md');
  });

  it.each([
    { diffExit: 0, postExit: 0, stepExit: 0, posted: true },
    { diffExit: 1, postExit: 0, stepExit: 1, posted: true },
    { diffExit: 2, postExit: 0, stepExit: 2, posted: false },
    { diffExit: 0, postExit: 2, stepExit: 2, posted: true },
  ])('the diff exiting $diffExit and the post $postExit: the step exits $stepExit, having posted: $posted', ({ diffExit, postExit, stepExit, posted }) => {
    const block = pullRequestSteps[0]?.script.find((line) => line.includes('npm run diff --')) ?? '';
    const sandbox = new ScriptSandbox({ diffExit, postExit, writesComment: diffExit !== 2 });
    const result = sandbox.run(block, { BITBUCKET_PR_DESTINATION_BRANCH: 'main' });
    expect(result.status).toBe(stepExit);
    expect(sandbox.npmCalls().some((call) => call.startsWith('run diff:comment -- --provider bitbucket'))).toBe(posted);
    // The base is where the source branch left the destination (HEAD is not merged on Bitbucket).
    expect(sandbox.npmCalls()[0]).toMatch(new RegExp(`^run diff -- --base ${sandbox.mergeBase} `));
  });
});

/**
 * A folder to run a CI script in, with a stand-in `npm` first on the PATH: `npm run diff` writes the
 * comment (or not) and exits as told, `npm run diff:comment` exits as told; each call is logged.
 */
class ScriptSandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'gitops-cdk-ci-script-'));
  private readonly log = join(this.dir, 'npm-calls.log');

  constructor(private readonly behaviour: { readonly diffExit: number; readonly postExit?: number; readonly writesComment: boolean }) {
    const bin = join(this.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'npm'),
      [
        '#!/bin/sh',
        'echo "$*" >> "$NPM_LOG"',
        'case "$2" in',
        '  diff) if [ "$WRITES_COMMENT" = 1 ]; then echo "<!-- gitops-cdk diff -->" > diff-comment.md; fi; exit "$DIFF_EXIT" ;;',
        '  diff:comment) exit "$POST_EXIT" ;;',
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'npm'), 0o755);
    // A clone as Bitbucket leaves it: the source branch checked out, the destination fetched to origin/main.
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', this.dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
        .toString('utf8')
        .trim();
    git('init', '-q', '-b', 'feature');
    git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'destination');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    this.mergeBase = git('rev-parse', 'HEAD');
    git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'source');
  }

  readonly mergeBase: string;

  run(script: string, env: Readonly<Record<string, string>>): { status: number | null; stdout: string } {
    const result = spawnSync('bash', ['-c', script], {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        HOME: this.dir,
        PATH: `${join(this.dir, 'bin')}:${process.env.PATH ?? ''}`,
        NPM_LOG: this.log,
        DIFF_EXIT: String(this.behaviour.diffExit),
        POST_EXIT: String(this.behaviour.postExit ?? 0),
        WRITES_COMMENT: this.behaviour.writesComment ? '1' : '0',
        ...env,
      },
    });
    return { status: result.status, stdout: result.stdout };
  }

  npmCalls(): string[] {
    return existsSync(this.log) ? readFileSync(this.log, 'utf8').trim().split('\n') : [];
  }
}
