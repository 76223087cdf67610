import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORK_FILES } from '../../constructs/compliance-report/report-layout';
import { COLLECT_SCRIPT, NOTIFY_SCRIPT, REPORT_EXIT_CODES, UPLOAD_SCRIPT } from '../../constructs/compliance-report/report-scripts';
import { listOf, perResourceReport, renderIn, STORE } from './report-fixtures';

/**
 * The shell steps run for real (POSIX `sh`) with fakes in PATH that record their arguments:
 * `date` and `kubectl` for collect.sh, `aws`, `az` and `gcloud` for upload.sh, `curl` for notify.sh.
 */

let root: string;
let bin: string;

/** A fake command: logs `name arg…` (one argument per line, a blank line after) and exits as told. */
function fake(name: string, body: string[] = []): void {
  writeFileSync(join(bin, name), ['#!/bin/sh', `{ echo ${name}; for a in "$@"; do echo "$a"; done; echo; } >> "$FAKE_LOG"`, ...body, ''].join('\n'));
  chmodSync(join(bin, name), 0o755);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'compliance-scripts-'));
  bin = join(root, 'bin');
  mkdirSync(bin);
  for (const [name, script] of Object.entries({ 'collect.sh': COLLECT_SCRIPT, 'upload.sh': UPLOAD_SCRIPT, 'notify.sh': NOTIFY_SCRIPT })) {
    writeFileSync(join(root, name), script);
  }
  fake('date', ['echo "$FAKE_NOW"']);
  fake('kubectl', ['[ "${FAKE_KUBECTL_EXIT:-0}" = 0 ] || exit "$FAKE_KUBECTL_EXIT"', 'cat "$FAKE_LISTING"']);
  // Each cloud CLI fails when its arguments contain FAKE_FAIL_ON.
  const failOn = ['case "$*" in *"${FAKE_FAIL_ON:-\\$none}"*) exit 1 ;; esac', 'exit 0'];
  fake('aws', failOn);
  fake('gcloud', failOn);
  fake('az', failOn);
  // Keeps the config file curl was given (it holds the URL) and the posted body.
  fake('curl', [
    'while [ $# -gt 0 ]; do',
    '  case "$1" in',
    '    --config) cp "$2" "$FAKE_DIR/curlrc"; shift 2 ;;',
    '    --data-binary) cp "${2#@}" "$FAKE_DIR/body"; shift 2 ;;',
    '    *) shift ;;',
    '  esac',
    'done',
    'exit "${FAKE_CURL_EXIT:-0}"',
  ]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly dir: string;
  /** Each fake call as [command, ...arguments]. */
  readonly calls: string[][];
}

let runs = 0;

/** 1, 2, 3 ...: a fresh name for each folder a test makes. */
function nextRun(): number {
  runs += 1;
  return runs;
}

/** A fresh folder per run: run-1, run-2, ... */
function nextRunDir(): string {
  return join(root, `run-${nextRun()}`);
}

function run(script: string, env: Record<string, string>, dir = nextRunDir()): Run {
  mkdirSync(join(dir, 'report'), { recursive: true });
  const log = join(dir, 'calls.log');
  const result = spawnSync('sh', [join(root, script)], {
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      REPORT_DIR: join(dir, 'report'),
      TMPDIR: dir,
      FAKE_LOG: log,
      FAKE_DIR: dir,
      ...env,
    },
  });
  const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
  const calls = text
    .split('\n\n')
    .filter((call) => call !== '')
    .map((call) => call.split('\n'));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, dir, calls };
}

const PREFIX = 'prod/prod-eks-euw1';
const RUN_FOLDER = `${PREFIX}/2025-01-02T0600Z`;

/** A REPORT_DIR as the render step leaves it. */
function renderedDir(): string {
  const dir = join(root, `rendered-${nextRun()}`);
  mkdirSync(join(dir, 'report'), { recursive: true });
  writeFileSync(join(dir, 'report', WORK_FILES.folder), `${RUN_FOLDER}\n`);
  writeFileSync(join(dir, 'report', 'report.json'), '{}\n');
  writeFileSync(join(dir, 'report', 'report.html'), '<!DOCTYPE html>\n');
  writeFileSync(join(dir, 'report', WORK_FILES.slackMessage), '{"text":"summary"}\n');
  return dir;
}

/** The Secret's `webhook` key as the volume mounts it; undefined: the Secret is missing. */
function webhookFile(content: string | undefined): string {
  const file = join(root, `webhook-${nextRun()}`);
  if (content !== undefined) writeFileSync(file, content);
  return file;
}

describe('collect.sh', () => {
  const listing = () => {
    const file = join(root, 'listing.json');
    writeFileSync(file, JSON.stringify(listOf([perResourceReport({ kind: 'Pod', name: 'api-0', namespace: 'payments' }, [])])));
    return file;
  };

  it('notes the run start and its folder from one `date -u`, and saves every (Cluster)PolicyReport', () => {
    const result = run('collect.sh', { REPORT_PREFIX: PREFIX, FAKE_NOW: '2025-01-02T06:00:07Z', FAKE_LISTING: listing() });
    expect(result.status).toBe(0);
    expect(result.calls).toEqual([
      ['date', '-u', '+%Y-%m-%dT%H:%M:%SZ'],
      ['kubectl', 'get', 'policyreports.wgpolicyk8s.io,clusterpolicyreports.wgpolicyk8s.io', '--all-namespaces', '--output', 'json'],
    ]);
    const read = (name: string) => readFileSync(join(result.dir, 'report', name), 'utf8');
    expect(read(WORK_FILES.startedAt)).toBe('2025-01-02T06:00:07Z\n');
    expect(read(WORK_FILES.folder)).toBe(`${RUN_FOLDER}\n`);
    expect(JSON.parse(read(WORK_FILES.policyReports))).toMatchObject({ kind: 'List', items: [{ kind: 'PolicyReport' }] });
  });

  it('fails, leaving no listing for the render step, when kubectl cannot read the reports', () => {
    const result = run('collect.sh', { REPORT_PREFIX: PREFIX, FAKE_NOW: '2025-01-02T06:00:07Z', FAKE_LISTING: listing(), FAKE_KUBECTL_EXIT: '1' });
    expect(result.status).not.toBe(0);
    expect(existsSync(join(result.dir, 'report', WORK_FILES.policyReports))).toBe(false);
  });
});

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';

describe('upload.sh', () => {
  const aws = {
    CLOUD: 'aws',
    BUCKET: 'prod-compliance-reports-123456789012',
    STORE_URL: 's3://prod-compliance-reports-123456789012',
    SSE_KMS_KEY_ID: 'arn:aws:kms:eu-west-1:123456789012:alias/prod-compliance-reports',
  };
  const gcp = { CLOUD: 'gcp', BUCKET: 'acme-platform-dev-compliance-reports', STORE_URL: 'gs://acme-platform-dev-compliance-reports' };
  const azure = {
    CLOUD: 'azure',
    BUCKET: 'devreports9a1c5e7b',
    CONTAINER: 'compliance-reports',
    STORE_URL: 'https://devreports9a1c5e7b.blob.core.windows.net/compliance-reports',
    AZURE_CLIENT_ID: 'client-id',
    AZURE_TENANT_ID: 'tenant-id',
  };
  /** The Azure workload identity webhook's projected token. */
  const tokenFile = () => {
    const file = join(root, 'azure-token');
    writeFileSync(file, 'federated-jwt');
    return file;
  };

  it('creates both reports in the run folder on S3, with the IRSA credentials, SSE-KMS and the bucket key', () => {
    const dir = renderedDir();
    const result = run('upload.sh', aws, dir);
    expect(result.status).toBe(0);
    const report = (name: string) => join(dir, 'report', name);
    // The bucket policy refuses a PutObject without the SSE-KMS header; the key id keeps S3 off aws/s3
    // (test/reports/report-upload-encryption.test.ts checks this request against the policy itself).
    const sse = ['--sse', 'aws:kms', '--sse-kms-key-id', aws.SSE_KMS_KEY_ID];
    expect(result.calls).toEqual([
      ['aws', 's3', 'cp', '--only-show-errors', ...sse, '--content-type', JSON_TYPE, report('report.json'), `s3://${aws.BUCKET}/${RUN_FOLDER}/report.json`],
      ['aws', 's3', 'cp', '--only-show-errors', ...sse, '--content-type', HTML_TYPE, report('report.html'), `s3://${aws.BUCKET}/${RUN_FOLDER}/report.html`],
    ]);
    expect(result.stdout).toContain(`uploaded to s3://${aws.BUCKET}/${RUN_FOLDER}/`);
  });

  it('fails on AWS without uploading when no KMS key id is set', () => {
    const { SSE_KMS_KEY_ID: _unset, ...withoutKey } = aws;
    const result = run('upload.sh', withoutKey, renderedDir());
    expect(result.status).not.toBe(0);
    expect(result.calls).toEqual([]);
    expect(result.stderr).toContain('SSE_KMS_KEY_ID');
  });

  it('uploads to GCS with gcloud and the GKE workload identity (no key, no login)', () => {
    const dir = renderedDir();
    const result = run('upload.sh', gcp, dir);
    expect(result.status).toBe(0);
    expect(result.calls.map((call) => call.slice(0, 4).concat(call.slice(-1)))).toEqual([
      ['gcloud', 'storage', 'cp', '--quiet', `gs://${gcp.BUCKET}/${RUN_FOLDER}/report.json`],
      ['gcloud', 'storage', 'cp', '--quiet', `gs://${gcp.BUCKET}/${RUN_FOLDER}/report.html`],
    ]);
    expect(result.calls[1]).toContain(`--content-type=${HTML_TYPE}`);
  });

  it('logs in to Azure with the federated token of the workload identity, then creates the blobs with Entra ID auth, never overwriting', () => {
    const dir = renderedDir();
    const result = run('upload.sh', { ...azure, AZURE_FEDERATED_TOKEN_FILE: tokenFile() }, dir);
    expect(result.status).toBe(0);
    expect(result.calls[0]).toEqual([
      'az',
      'login',
      '--service-principal',
      '-u',
      'client-id',
      '-t',
      'tenant-id',
      '--federated-token',
      'federated-jwt',
      '--allow-no-subscriptions',
      '--output',
      'none',
    ]);
    const blob = (name: string, file: string, type: string) => [
      'az',
      'storage',
      'blob',
      'upload',
      '--auth-mode',
      'login',
      '--account-name',
      azure.BUCKET,
      '--container-name',
      azure.CONTAINER,
      '--name',
      name,
      '--file',
      join(dir, 'report', file),
      '--content-type',
      type,
      '--only-show-errors',
      '--output',
      'none',
    ];
    expect(result.calls.slice(1)).toEqual([blob(`${RUN_FOLDER}/report.json`, 'report.json', JSON_TYPE), blob(`${RUN_FOLDER}/report.html`, 'report.html', HTML_TYPE)]);
  });

  it('fails the step with its exit code when an upload fails; the retried step creates only the missing report', () => {
    const dir = renderedDir();
    const failed = run('upload.sh', { ...aws, FAKE_FAIL_ON: `${RUN_FOLDER}/report.html` }, dir);
    expect(failed.status).toBe(REPORT_EXIT_CODES.uploadFailed);
    expect(failed.stderr).toContain(`could not upload report.html to s3://${aws.BUCKET}/${RUN_FOLDER}/`);
    // The in-place restart keeps REPORT_DIR: report.json is not uploaded again (the identity may not replace it).
    const retried = run('upload.sh', aws, dir);
    expect(retried.status).toBe(0);
    // The calls of both attempts (one log per REPORT_DIR): report.json once, report.html twice.
    const objects = retried.calls.map((call) => call[call.length - 1]);
    expect(objects).toEqual([`s3://${aws.BUCKET}/${RUN_FOLDER}/report.json`, `s3://${aws.BUCKET}/${RUN_FOLDER}/report.html`, `s3://${aws.BUCKET}/${RUN_FOLDER}/report.html`]);
    expect(retried.stdout).toContain('report.json was uploaded by an earlier attempt');
    expect(
      readdirSync(join(dir, 'report'))
        .filter((name) => name.endsWith(WORK_FILES.uploadedSuffix))
        .sort(),
    ).toEqual([`report.html${WORK_FILES.uploadedSuffix}`, `report.json${WORK_FILES.uploadedSuffix}`]);
  });

  it('fails without uploading when the Azure login fails', () => {
    const result = run('upload.sh', { ...azure, AZURE_FEDERATED_TOKEN_FILE: tokenFile(), FAKE_FAIL_ON: 'login' }, renderedDir());
    expect(result.status).toBe(REPORT_EXIT_CODES.uploadFailed);
    expect(result.calls.map((call) => call[2])).toEqual(['--service-principal']);
  });

  it('fails, naming the missing pod label, when the Azure webhook injected no token', () => {
    const result = run('upload.sh', azure, renderedDir());
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('azure.workload.identity/use=true');
    expect(result.calls).toEqual([]);
  });
});

describe('notify.sh', () => {
  const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXX';

  it('posts the summary JSON to the webhook read from the Secret, never putting the URL on a command line', () => {
    const dir = renderedDir();
    const result = run('notify.sh', { SLACK_WEBHOOK_FILE: webhookFile(`${WEBHOOK}\n`) }, dir);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'curlrc'), 'utf8')).toBe(`url = "${WEBHOOK}"\n`);
    expect(readFileSync(join(dir, 'body'), 'utf8')).toBe('{"text":"summary"}\n');
    const [curl] = result.calls;
    expect(curl).toEqual(expect.arrayContaining(['--fail', '--header', 'Content-Type: application/json']));
    expect(curl!.join(' ')).not.toContain('hooks.slack.com');
    // The config file is removed once posted.
    expect(existsSync(join(dir, 'slack.curlrc'))).toBe(false);
  });

  it('fails with its own exit code, without calling Slack, when the webhook Secret is missing', () => {
    const result = run('notify.sh', { SLACK_WEBHOOK_FILE: webhookFile(undefined) }, renderedDir());
    expect(result.status).toBe(REPORT_EXIT_CODES.noSlackWebhook);
    expect(result.stderr).toContain('Secret policy-reporter-slack, key webhook');
    expect(result.calls).toEqual([]);
  });

  it('fails with its own exit code when Slack refuses the summary', () => {
    const result = run('notify.sh', { SLACK_WEBHOOK_FILE: webhookFile(WEBHOOK), FAKE_CURL_EXIT: '22' }, renderedDir());
    expect(result.status).toBe(REPORT_EXIT_CODES.slackFailed);
  });
});

describe('the four steps together', () => {
  it('collects, renders, uploads and announces one run under one folder name', () => {
    const dir = join(root, `pipeline-${nextRun()}`);
    const listing = join(root, 'pipeline-listing.json');
    writeFileSync(
      listing,
      JSON.stringify(listOf([perResourceReport({ kind: 'Pod', name: 'api-0', namespace: 'payments' }, [{ policy: 'disallow-latest-tag', severity: 'medium', result: 'fail' }])])),
    );
    // render.py of the fixtures names the S3 store of prod-eks-euw1: the upload step gets the same.
    const store = { CLOUD: 'aws', BUCKET: STORE.replace('s3://', ''), STORE_URL: STORE, SSE_KMS_KEY_ID: 'arn:aws:kms:eu-west-1:123456789012:alias/prod-compliance-reports' };
    expect(run('collect.sh', { REPORT_PREFIX: PREFIX, FAKE_NOW: '2025-01-02T18:00:59Z', FAKE_LISTING: listing }, dir).status).toBe(0);
    const rendered = renderIn(join(dir, 'report'));
    expect(rendered.report.generatedAt).toBe('2025-01-02T18:00:59Z');
    const uploaded = run('upload.sh', store, dir);
    expect(uploaded.status).toBe(0);
    expect(uploaded.calls.filter((call) => call[0] === 'aws').map((call) => call[call.length - 1])).toEqual([
      `${STORE}/${PREFIX}/2025-01-02T1800Z/report.json`,
      `${STORE}/${PREFIX}/2025-01-02T1800Z/report.html`,
    ]);
    const notified = run('notify.sh', { SLACK_WEBHOOK_FILE: webhookFile('https://hooks.slack.com/services/T/B/x') }, dir);
    expect(notified.status).toBe(0);
    const body = JSON.parse(readFileSync(join(dir, 'body'), 'utf8')) as { text: string };
    expect(body.text).toContain(`Report: ${STORE}/${PREFIX}/2025-01-02T1800Z/report.html`);
    expect(body.text).toContain('score *0.0 %*');
  });
});
