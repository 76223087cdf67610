import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_SCRIPT, CLONE_SCRIPT, PUSH_FAILED_EXIT_CODE } from '../../constructs/drift/drift-check-scripts';

/**
 * The scripts run for real (POSIX `sh`) with a fake `terraform` that exits as told and a fake
 * `wget` that records what would be pushed; `clone.sh` fetches from a local Git repository.
 */

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'drift-check-'));
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(root, 'check.sh'), CHECK_SCRIPT);
  writeFileSync(join(root, 'clone.sh'), CLONE_SCRIPT);
  // Records its working directory and arguments; exits with FAKE_INIT_EXIT / FAKE_PLAN_EXIT.
  writeFileSync(
    join(bin, 'terraform'),
    ['#!/bin/sh', 'echo "$(pwd) $*" >> "$FAKE_LOG"', 'case "$1" in', '  init) exit "${FAKE_INIT_EXIT:-0}" ;;', '  plan) exit "${FAKE_PLAN_EXIT:-0}" ;;', 'esac', ''].join('\n'),
  );
  // Records the URL and the --post-data body the way busybox wget would send them.
  writeFileSync(
    join(bin, 'wget'),
    [
      '#!/bin/sh',
      'while [ $# -gt 0 ]; do',
      '  case "$1" in',
      '    --post-data) printf %s "$2" > "$FAKE_PUSH/body"; shift 2 ;;',
      '    -O|-T) echo "$1 $2" >> "$FAKE_PUSH/options"; shift 2 ;;',
      '    -q) shift ;;',
      '    *) printf %s "$1" > "$FAKE_PUSH/url"; shift ;;',
      '  esac',
      'done',
      'exit "${FAKE_WGET_EXIT:-0}"',
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'terraform'), 0o755);
  chmodSync(join(bin, 'wget'), 0o755);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface CheckRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly terraformCalls: string[];
  readonly url: string | undefined;
  /** The pushed samples, `name{labels}` to value (comments left out). */
  readonly pushed: Record<string, string>;
  readonly pushedText: string;
}

let runs = 0;

/** 1, 2, 3 ...: a fresh name for each folder a test makes. */
function nextRun(): number {
  runs += 1;
  return runs;
}

function runCheck(fake: { init?: number; plan?: number; wget?: number; lockFile?: boolean } = {}): CheckRun {
  const dir = join(root, `run-${nextRun()}`);
  const stackDir = join(dir, 'repo', 'dist', 'terraform', 'prod', 'aws-foundation');
  const push = join(dir, 'push');
  mkdirSync(stackDir, { recursive: true });
  mkdirSync(push);
  if (fake.lockFile === true) writeFileSync(join(stackDir, '.terraform.lock.hcl'), '');
  const log = join(dir, 'terraform.log');
  const result = spawnSync('sh', [join(root, 'check.sh')], {
    encoding: 'utf8',
    env: {
      PATH: `${join(root, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      STACK: 'aws-foundation',
      CLOUD: 'aws',
      STACK_DIR: stackDir,
      PUSHGATEWAY_URL: 'http://prometheus-pushgateway.monitoring.svc:9091',
      FAKE_LOG: log,
      FAKE_PUSH: push,
      FAKE_INIT_EXIT: String(fake.init ?? 0),
      FAKE_PLAN_EXIT: String(fake.plan ?? 0),
      FAKE_WGET_EXIT: String(fake.wget ?? 0),
    },
  });
  const read = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  const pushedText = read(join(push, 'body')) ?? '';
  const samples = pushedText.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  return {
    status: result.status,
    stdout: result.stdout,
    terraformCalls: (read(log) ?? '').split('\n').filter((line) => line !== ''),
    url: read(join(push, 'url')),
    pushed: Object.fromEntries(samples.map((line) => line.split(' ') as [string, string])),
    pushedText,
  };
}

const SUCCESS = 'gitops_terraform_drift_check_success{cloud="aws"}';
const DETECTED = 'gitops_terraform_drift_detected{cloud="aws"}';
const LAST_RUN = 'gitops_terraform_drift_check_last_run_timestamp_seconds{cloud="aws"}';

describe('check.sh', () => {
  it('reports no drift when the plan has no changes (exit 0), and succeeds', () => {
    const run = runCheck({ plan: 0 });
    expect(run.status).toBe(0);
    expect(run.pushed).toEqual({ [SUCCESS]: '1', [DETECTED]: '0', [LAST_RUN]: expect.stringMatching(/^\d{10,}$/) });
    expect(run.stdout).toContain('terraform-drift: aws-foundation (aws): in-sync (plan exit code 0)');
  });

  it('reports drift when the plan has changes (exit 2), and succeeds: drift is a verdict, not a failure', () => {
    const run = runCheck({ plan: 2 });
    expect(run.status).toBe(0);
    expect(run.pushed).toEqual({ [SUCCESS]: '1', [DETECTED]: '1', [LAST_RUN]: expect.stringMatching(/^\d+$/) });
  });

  it.each([1, 3, 127])('fails when the plan exits %i, pushing success 0 and no drift value (the last verdict stays)', (code) => {
    const run = runCheck({ plan: code });
    expect(run.status).toBe(1);
    expect(run.pushed).toEqual({ [SUCCESS]: '0', [LAST_RUN]: expect.stringMatching(/^\d+$/) });
  });

  it('fails without planning when init fails', () => {
    const run = runCheck({ init: 1 });
    expect(run.status).toBe(1);
    expect(run.terraformCalls).toHaveLength(1);
    expect(run.terraformCalls[0]).toMatch(/ init /);
    expect(run.pushed[SUCCESS]).toBe('0');
  });

  it("plans read-only in the stack's folder: no state lock, no input, exit code per outcome", () => {
    const run = runCheck();
    expect(run.terraformCalls).toEqual([
      expect.stringMatching(/\/repo\/dist\/terraform\/prod\/aws-foundation init -input=false -no-color$/),
      expect.stringMatching(/\/repo\/dist\/terraform\/prod\/aws-foundation plan -detailed-exitcode -lock=false -input=false -no-color$/),
    ]);
  });

  it('holds providers to a committed lock file when the stack has one', () => {
    expect(runCheck({ lockFile: true }).terraformCalls[0]).toMatch(/ init -input=false -no-color -lockfile=readonly$/);
  });

  it("pushes to the stack's group of the terraform-drift job, in the text format with types", () => {
    const run = runCheck({ plan: 2 });
    expect(run.url).toBe('http://prometheus-pushgateway.monitoring.svc:9091/metrics/job/terraform-drift/stack/aws-foundation');
    for (const metric of ['gitops_terraform_drift_check_success', 'gitops_terraform_drift_check_last_run_timestamp_seconds', 'gitops_terraform_drift_detected']) {
      expect(run.pushedText).toContain(`# TYPE ${metric} gauge\n`);
    }
    expect(run.pushedText.endsWith('\n')).toBe(true);
  });

  it('stamps the run with the current time', () => {
    const before = Math.floor(Date.now() / 1000);
    const stamped = Number(runCheck().pushed[LAST_RUN]);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });

  it('fails with its own exit code when the result cannot be pushed', () => {
    const run = runCheck({ wget: 1 });
    expect(run.status).toBe(PUSH_FAILED_EXIT_CODE);
  });
});

describe('clone.sh', () => {
  let source: string;
  let firstCommit: string;
  const gitEnv = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };

  function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv, HOME: root } }).trim();
  }

  beforeAll(() => {
    source = join(root, 'source');
    mkdirSync(source);
    git(source, 'init', '-q', '-b', 'main');
    writeFileSync(join(source, 'main.tf'), 'release one\n');
    git(source, 'add', 'main.tf');
    git(source, 'commit', '-qm', 'one');
    git(source, 'tag', 'v1.0.0');
    firstCommit = git(source, 'rev-parse', 'HEAD');
    writeFileSync(join(source, 'main.tf'), 'release two\n');
    git(source, 'commit', '-qam', 'two');
  });

  function clone(revision: string): { status: number | null; content: string | undefined; depth: string | undefined } {
    const target = join(root, `clone-${nextRun()}`);
    const result = spawnSync('sh', [join(root, 'clone.sh')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root, REPO_URL: `file://${source}`, REVISION: revision, REPO_DIR: target },
    });
    const file = join(target, 'main.tf');
    return {
      status: result.status,
      content: existsSync(file) ? readFileSync(file, 'utf8') : undefined,
      depth: result.status === 0 ? git(target, 'rev-list', '--count', 'HEAD') : undefined,
    };
  }

  it.each([
    ['a branch (dev and staging track main)', 'main', 'release two\n'],
    ['a release tag (production pins one)', 'v1.0.0', 'release one\n'],
  ])('checks out %s, with one commit of history', (_, revision, content) => {
    expect(clone(revision)).toEqual({ status: 0, content, depth: '1' });
  });

  it('checks out a commit', () => {
    expect(clone(firstCommit)).toEqual({ status: 0, content: 'release one\n', depth: '1' });
  });

  it('fails on a revision that does not exist', () => {
    expect(clone('v9.9.9').status).not.toBe(0);
  });
});
