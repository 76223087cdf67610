import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMENT_HOSTS } from '../../../apps/diff/render/markdown';
import { CiSandbox, type SandboxBehaviour, toolsOf } from './ci-sandbox';

// The Bitbucket Pipelines step our users copy: read as YAML, and its script block run with `bash -ec`
// (Bitbucket runs a step's script with `set -e`) in a sandbox shaped as Bitbucket leaves a
// pull-request pipeline's clone: HEAD a temporary merge of the source and the destination.
const ROOT = join(__dirname, '..', '..', '..');
const BITBUCKET_FILE = join(ROOT, 'bitbucket-pipelines.yml');

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

const text = readFileSync(BITBUCKET_FILE, 'utf8');
const pipelines = parse(text) as Pipelines;
const pullRequestSteps = pipelines.pipelines['pull-requests']['**']?.map((entry) => entry.step) ?? [];
const script = pullRequestSteps[0]?.script ?? [];
/** The block that builds the tools, diffs and posts (the fetch before it needs a real remote). */
const block = script.find((line) => line.includes('diff.cjs')) ?? '';

const BITBUCKET_ENV = {
  BITBUCKET_PR_DESTINATION_BRANCH: 'main',
  BITBUCKET_WORKSPACE: 'acme',
  BITBUCKET_REPO_SLUG: 'estate',
  BITBUCKET_BUILD_NUMBER: '77',
  BITBUCKET_COMMIT: 'abc1234def',
};

function runStep(behaviour: Omit<SandboxBehaviour, 'host'>) {
  const sandbox = new CiSandbox({ host: 'bitbucket', ...behaviour });
  const result = sandbox.run(block, BITBUCKET_ENV);
  return { sandbox, result };
}

describe('the Bitbucket Pipelines step', () => {
  it('runs on every pull request on Node 20 with the full history and the npm cache, keeping the details file', () => {
    expect(pullRequestSteps).toHaveLength(1);
    const [step] = pullRequestSteps;
    expect(step?.image ?? pipelines.image).toBe('node:20');
    expect(step?.clone.depth).toBe('full');
    expect(step?.caches).toEqual(['npm']);
    expect(pipelines.definitions.caches.npm).toBe('~/.npm');
    expect(step?.artifacts).toEqual(['diff-details.md']);
  });

  it('fetches the destination branch first, and describes the checkout as the temporary merge it is', () => {
    expect(script[0]).toBe('git fetch origin "+refs/heads/$BITBUCKET_PR_DESTINATION_BRANCH:refs/remotes/origin/$BITBUCKET_PR_DESTINATION_BRANCH"');
    expect(script).toHaveLength(2);
    expect(block).toContain('HEAD is a temporary merge of the source branch and the destination');
    expect(text).not.toMatch(/not merged/);
    expect(block).toContain('base=$(git merge-base HEAD "origin/$BITBUCKET_PR_DESTINATION_BRANCH")');
  });

  it("builds the tools from the merge base, in a worktree of its own, and runs them on the pull request's checkout", () => {
    const { sandbox, result } = runStep({});
    expect(result.status).toBe(0);
    // The destination moved on after the merge was built: the merge base is still what it was built from.
    expect(sandbox.git('rev-parse', 'HEAD^2')).toBe(sandbox.base);
    const [diff, post] = sandbox.nodeCalls();
    const tools = toolsOf(diff?.bundle ?? '');
    expect(tools.startsWith(`${sandbox.temp}/`)).toBe(true);
    expect(sandbox.revisionOf(tools)).toBe(sandbox.base);
    expect(diff?.cwd).toBe(sandbox.checkout);
    expect(diff?.args).toBe(`--base ${sandbox.base} --head HEAD --format markdown --comment-for bitbucket --out diff-comment.md --details-file diff-details.md --fail-on high`);
    expect(post).toEqual({ cwd: sandbox.checkout, bundle: join(tools, 'node_modules/.cache/gitops-cdk/diff-comment.cjs'), args: '--provider bitbucket --body diff-comment.md' });
    expect(sandbox.npmCalls()).toEqual([`${tools}|ci`, `${tools}|run --silent diff -- --help`, `${tools}|run --silent diff:comment -- --help`]);
    expect(existsSync(join(sandbox.checkout, 'node_modules'))).toBe(false);
    expect(sandbox.posted()).toContain('### gitops-cdk diff\n');
    expect(sandbox.posted()).not.toContain('could not be made');
  });

  it("falls back to the pull request's own tools when the base has none, and says so in the comment", () => {
    const { sandbox, result } = runStep({ baseHasTools: false });
    expect(result.status).toBe(0);
    expect(sandbox.npmCalls()[0]).toBe(`${sandbox.checkout}|ci`);
    const [diff] = sandbox.nodeCalls();
    expect(toolsOf(diff?.bundle ?? '')).toBe(sandbox.checkout);
    expect(diff?.args).toMatch(/--fail-on high --note the diff tools come from this pull request \(the base branch has none\): its verdict is the pull request's own$/);
  });

  it.each([
    { diffExit: 0, postExit: 0, stepExit: 0, says: undefined },
    { diffExit: 3, postExit: 0, stepExit: 1, says: 'a high risk flag: see the pull-request comment' },
    { diffExit: 0, postExit: 2, stepExit: 1, says: 'the comment could not be posted' },
    { diffExit: 3, postExit: 2, stepExit: 1, says: 'the comment could not be posted' },
  ])('the diff exiting $diffExit and the post $postExit: the step exits $stepExit, after posting', ({ diffExit, postExit, stepExit, says }) => {
    const { sandbox, result } = runStep({ diffExit, postExit });
    expect(result.status).toBe(stepExit);
    expect(sandbox.posted()).toContain('### gitops-cdk diff\n');
    if (says !== undefined) expect(result.stdout).toContain(says);
  });

  it.each([1, 2])('a diff that could not be made (exit %i): posts a comment saying so, with the commit and the pipeline, then fails', (diffExit) => {
    const { sandbox, result } = runStep({ diffExit, writesComment: false });
    const posted = sandbox.posted() ?? '';
    expect(posted.split('\n')[0]).toBe(COMMENT_HOSTS.bitbucket.marker);
    expect(posted).toContain('### gitops-cdk diff could not be made');
    expect(posted).toContain('`abc1234def`');
    expect(posted).toContain('https://bitbucket.org/acme/estate/pipelines/results/77');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`the diff could not be made (exit ${diffExit})`);
  });

  it('tools that could not be built (npm ci failed): nothing can post, the step fails saying so', () => {
    const { sandbox, result } = runStep({ npmCiExit: 1 });
    expect(sandbox.nodeCalls()).toEqual([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('the comment could not be posted: the tools were not built');
    expect(result.stdout).toContain('the diff could not be made (exit 2)');
  });
});
