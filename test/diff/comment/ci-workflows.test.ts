import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMENT_HOSTS } from '../../../apps/diff/render/markdown';
import { CiSandbox, type SandboxBehaviour, toolsOf } from './ci-sandbox';

// The GitHub Actions workflow our users copy: read as YAML, and its job played step by step in a
// sandbox (stand-in npm, node and curl) to check where the tools come from, what is posted, and when
// the job fails. The Bitbucket step is in bitbucket-pipeline.test.ts.
const ROOT = join(__dirname, '..', '..', '..');
const GITHUB_FILE = join(ROOT, '.github', 'workflows', 'gitops-cdk-diff.yml');
const ACCEPT_LABEL = 'gitops-cdk-diff: accept high';

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
  readonly on: { readonly pull_request: { readonly types: readonly string[] } };
  readonly permissions: Readonly<Record<string, string>>;
  readonly concurrency: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly jobs: Readonly<Record<string, { readonly steps: readonly WorkflowStep[] }>>;
}

const workflow = parse(readFileSync(GITHUB_FILE, 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepWith = (id: string): WorkflowStep => {
  const step = steps.find((s) => s.id === id);
  if (step === undefined) throw new Error(`no step with id ${id}`);
  return step;
};
const failStep = steps.find((step) => step.env?.DIFF_EXIT !== undefined);
const SEE_EXPRESSION = "steps.post.outcome == 'success' && 'the pull-request comment' || 'the job summary'";

/** The pull request as the job sees it. */
interface PullRequest {
  readonly labels?: readonly string[];
  readonly fork?: boolean;
}

/**
 * Plays the job as Actions would: each step's `env` resolved (step outputs, and the `github.*`
 * expressions the workflow uses), the diff step only when the tools step gave a folder, the post step
 * only when there is a comment and not from a fork (the conditions are checked as text below).
 */
function runJob(sandbox: CiSandbox, pullRequest: PullRequest = {}) {
  const outputs: Record<string, Record<string, string>> = {};
  const context: Record<string, string> = {
    'toJSON(github.event.pull_request.labels.*.name)': JSON.stringify(pullRequest.labels ?? [], null, 2),
    'github.event.pull_request.number': '12',
    'github.event.pull_request.head.sha': sandbox.source,
    'secrets.GITHUB_TOKEN': 'ghs_test-token',
  };
  const resolve = (value: string) =>
    value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return outputs[output[1] ?? '']?.[output[2] ?? ''] ?? '';
      const known = context[expression];
      if (known === undefined) throw new Error(`the test does not know the expression ${expression}`);
      return known;
    });
  const run = (step: WorkflowStep) => {
    const outputFile = join(sandbox.dir, `output-${step.id ?? 'step'}`);
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, resolve(value)]));
    const result = sandbox.run(step.run ?? '', {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: join(sandbox.dir, 'summary.md'),
      RUNNER_TEMP: sandbox.temp,
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/estate',
      GITHUB_RUN_ID: '4242',
      ...env,
    });
    if (step.id !== undefined) outputs[step.id] = readOutputs(outputFile);
    return result;
  };
  const tools = run(stepWith('tools'));
  const accept = run(stepWith('accept'));
  const diffRan = (outputs.tools?.dir ?? '') !== '';
  const diff = diffRan ? run(stepWith('diff')) : undefined;
  const posting = existsSync(join(sandbox.checkout, 'diff-comment.md')) && pullRequest.fork !== true;
  const summary = steps.find((step) => step.run?.includes('GITHUB_STEP_SUMMARY'));
  if (existsSync(join(sandbox.checkout, 'diff-comment.md')) && summary !== undefined) run(summary);
  const post = posting ? run(stepWith('post')) : undefined;
  context[SEE_EXPRESSION] = post?.status === 0 ? 'the pull-request comment' : 'the job summary';
  const fail = diff?.status === 0 && failStep !== undefined ? run(failStep) : undefined;
  return { tools, accept, diff, post, fail, outputs };
}

/** The `name=value` lines a step wrote to GITHUB_OUTPUT. */
function readOutputs(file: string): Record<string, string> {
  const pairs = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const match = /^([\w-]+)=(.*)$/.exec(line);
      return match?.[1] === undefined || match[2] === undefined ? [] : [[match[1], match[2]] as const];
    });
  return Object.fromEntries(pairs);
}

describe('the GitHub Actions workflow', () => {
  it('runs on pull requests (and on their labels and a retargeted base), may write pull-request comments and reads the rest', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.on.pull_request.types).toEqual(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled', 'edited']);
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'read', 'pull-requests': 'write' });
    expect(workflow.concurrency.group).toContain('${{ github.event.pull_request.number }}');
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
  });

  it('never puts an expression inside a script (script injection): labels and outputs come through env', () => {
    const runs = steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs.length).toBeGreaterThan(4);
    for (const run of runs) expect(run).not.toContain('${{');
    expect(stepWith('accept').env?.LABELS).toBe('${{ toJSON(github.event.pull_request.labels.*.name) }}');
    expect(stepWith('accept').env?.ACCEPT_LABEL).toBe(ACCEPT_LABEL);
    expect(stepWith('accept').run).toContain('"$LABELS"');
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

  it('checks out the merge commit and its parents, on Node 20 with the npm cache, and installs nothing in the checkout itself', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toEqual({ 'fetch-depth': 2, 'persist-credentials': false });
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toEqual({ 'node-version': 20, cache: 'npm' });
    expect(steps.some((step) => step.run?.trim() === 'npm ci')).toBe(false);
  });

  it('posts with the GITHUB_TOKEN secret, not from a fork, when there is a comment, and fails last', () => {
    const post = stepWith('post');
    expect(post.env).toEqual({ GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}', TOOLS: '${{ steps.tools.outputs.dir }}' });
    expect(post.if).toContain("hashFiles('diff-comment.md') != ''");
    expect(post.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(stepWith('diff').if).toContain("steps.tools.outputs.dir != ''");
    expect(failStep?.if).toContain("steps.diff.outcome == 'success'");
    expect(failStep?.env?.SEE).toBe(`\${{ ${SEE_EXPRESSION} }}`);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('diff-details.md');
    const order = (step: WorkflowStep | undefined) => (step === undefined ? -1 : steps.indexOf(step));
    expect(order(stepWith('tools'))).toBeLessThan(order(stepWith('diff')));
    expect(order(post)).toBeGreaterThan(order(stepWith('diff')));
    expect(order(failStep)).toBeGreaterThan(Math.max(order(post), order(upload)));
  });

  it("builds the tools in a worktree of the merge's first parent and runs them on the pull request's checkout", () => {
    const sandbox = new CiSandbox({ host: 'github' });
    const job = runJob(sandbox);
    expect([job.tools.status, job.accept.status, job.diff?.status, job.post?.status]).toEqual([0, 0, 0, 0]);
    const [diff, post] = sandbox.nodeCalls();
    expect(toolsOf(diff?.bundle ?? '')).toBe(join(sandbox.temp, 'gitops-cdk-base'));
    expect(sandbox.revisionOf(join(sandbox.temp, 'gitops-cdk-base'))).toBe(sandbox.base);
    expect(diff?.cwd).toBe(sandbox.checkout);
    expect(diff?.args).toBe(`--base ${sandbox.base} --head HEAD --format markdown --out diff-comment.md --details-file diff-details.md --fail-on high`);
    expect(post).toEqual({
      cwd: sandbox.checkout,
      bundle: join(sandbox.temp, 'gitops-cdk-base', 'node_modules/.cache/gitops-cdk/diff-comment.cjs'),
      args: '--provider github --body diff-comment.md',
    });
    expect(sandbox.npmCalls().every((call) => call.startsWith(`${join(sandbox.temp, 'gitops-cdk-base')}|`))).toBe(true);
    expect(existsSync(join(sandbox.checkout, 'node_modules'))).toBe(false);
    expect(job.fail?.status).toBe(0);
  });

  it("falls back to the pull request's own tools when the base has none, and says so in the comment", () => {
    const sandbox = new CiSandbox({ host: 'github', baseHasTools: false });
    runJob(sandbox);
    expect(sandbox.npmCalls()).toEqual([`${sandbox.checkout}|ci`, `${sandbox.checkout}|run --silent diff -- --help`, `${sandbox.checkout}|run --silent diff:comment -- --help`]);
    const [diff] = sandbox.nodeCalls();
    expect(toolsOf(diff?.bundle ?? '')).toBe(sandbox.checkout);
    expect(diff?.args).toContain(`--fail-on high --note the diff tools come from this pull request (the base branch has none): its verdict is the pull request's own`);
  });

  it('exit 3 (a flag at or above --fail-on): posts the comment, then fails pointing to it', () => {
    const sandbox = new CiSandbox({ host: 'github', diffExit: 3 });
    const job = runJob(sandbox);
    expect(sandbox.posted()).toContain('### gitops-cdk diff\n');
    expect(job.fail?.status).toBe(1);
    expect(job.fail?.stdout).toContain('a risk flag at or above --fail-on: see the pull-request comment');
  });

  it('from a fork (nothing posted), points to the job summary instead', () => {
    const sandbox = new CiSandbox({ host: 'github', diffExit: 3 });
    const job = runJob(sandbox, { fork: true });
    expect(sandbox.posted()).toBeUndefined();
    expect(job.fail?.stdout).toContain('see the job summary');
    expect(readFileSync(join(sandbox.dir, 'summary.md'), 'utf8')).toContain('### gitops-cdk diff');
  });

  it.each([1, 2])('a diff that could not be made (exit %i): posts a comment saying so, with the commit and the run, then fails', (diffExit) => {
    const sandbox = new CiSandbox({ host: 'github', diffExit, writesComment: false });
    const job = runJob(sandbox);
    const posted = sandbox.posted() ?? '';
    expect(posted.split('\n')[0]).toBe(COMMENT_HOSTS.github.marker);
    expect(posted).toContain('### gitops-cdk diff could not be made');
    expect(posted).toContain(`\`${sandbox.source}\``);
    expect(posted).toContain('https://github.com/acme/estate/actions/runs/4242');
    expect(job.fail?.status).toBe(1);
    expect(job.fail?.stdout).toContain(`the diff could not be made (exit ${diffExit})`);
  });

  it('does not post the could-not-be-made comment when the diff succeeds', () => {
    const sandbox = new CiSandbox({ host: 'github' });
    runJob(sandbox);
    expect(sandbox.posted()).not.toContain('could not be made');
  });

  it('with the accept-high label: --fail-on none, and a note naming who added it last (from the issue events, page after page)', () => {
    const labeled = (login: string, name = ACCEPT_LABEL) => ({ event: 'labeled', label: { name }, actor: { login } });
    const eventPages = [
      [labeled('first-admin'), labeled('someone', 'other')],
      [{ event: 'unlabeled', label: { name: ACCEPT_LABEL }, actor: { login: 'x' } }, labeled('release-lead')],
    ];
    const sandbox = new CiSandbox({ host: 'github', eventPages } satisfies SandboxBehaviour);
    const job = runJob(sandbox, { labels: ['infra', ACCEPT_LABEL] });
    expect(job.accept.status).toBe(0);
    expect(job.outputs.accept).toEqual({ 'fail-on': 'none', note: `high risk flags accepted by the label \`${ACCEPT_LABEL}\` (added by release-lead)` });
    expect(sandbox.nodeCalls()[0]?.args).toContain(`--fail-on none --note high risk flags accepted by the label \`${ACCEPT_LABEL}\` (added by release-lead)`);
    expect(sandbox.curlCalls()).toHaveLength(3);
    expect(sandbox.curlCalls()[0]).toContain('Authorization: Bearer ghs_test-token');
    expect(sandbox.curlCalls()[0]).toContain('https://api.github.com/repos/acme/estate/issues/12/events?per_page=100&page=1');
  });

  it('with the label but no labeled event found (the API refused, or too new): the note says to look at the timeline', () => {
    const sandbox = new CiSandbox({ host: 'github' });
    const job = runJob(sandbox, { labels: [ACCEPT_LABEL] });
    expect(job.outputs.accept?.note).toBe(`high risk flags accepted by the label \`${ACCEPT_LABEL}\` (added by someone: see the pull request's timeline)`);
  });

  it('without the label (or with a label that only looks like it): --fail-on high, no note, no API call', () => {
    const sandbox = new CiSandbox({ host: 'github' });
    const job = runJob(sandbox, { labels: ['gitops-cdk-diff: accept high "; exit 0; "'] });
    expect(job.outputs.accept).toEqual({ 'fail-on': 'high' });
    expect(sandbox.nodeCalls()[0]?.args).not.toContain('--note');
    expect(sandbox.curlCalls()).toEqual([]);
  });
});
