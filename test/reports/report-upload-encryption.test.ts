// The AWS compliance-report upload checked against the bucket policy it lands on (issue 11, item 14):
// both sides are built from the same spec, the request the script makes is evaluated against the
// policy's Deny statements with IAM's rules for a key absent from the request.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, Testing as Cdk8sTesting, Chart } from 'cdk8s';
import { Testing } from 'cdktf';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ComplianceReportChart } from '../../constructs/compliance-report/compliance-report-chart';
import { ComplianceReportJob } from '../../constructs/compliance-report/compliance-report-job';
import { WORK_FILES } from '../../constructs/compliance-report/report-layout';
import { UPLOAD_SCRIPT } from '../../constructs/compliance-report/report-scripts';
import { complianceReportStore } from '../../constructs/core/observability-contract';
import { AwsComplianceReportStore } from '../../constructs/terraform/aws/compliance-report-store';
import { AwsFoundationStack } from '../../constructs/terraform/aws/foundation-stack';
import { foundationStackName } from '../../constructs/terraform/stack-names';
import type { EnvironmentSpec } from '../../environments/types';
import { eksClusters, type Statement, statements } from '../terraform/aws/aws-test-helpers';
import { TF_STAGING } from '../terraform/terraform-fixtures';
import { block, synthJson } from '../terraform/terraform-json';

/** A fixture environment of its own: another name, account and region than any of the estate. */
function fixtureSpec(): EnvironmentSpec {
  const base = TF_STAGING;
  const account = { ...base.clouds.aws!, accountId: '444455556666', region: 'eu-north-1' };
  return {
    ...base,
    name: 'fixture',
    clouds: { ...base.clouds, aws: account },
    clusters: eksClusters(base).map((c) => ({
      ...c,
      name: 'fixture-eks',
      accountId: account.accountId,
      argocdRoleArn: `arn:aws:iam::${account.accountId}:role/argocd-fixture-eks`,
    })),
  };
}

/** The request context S3 builds for a PutObject from `aws s3 cp` arguments (the S3 condition keys). */
function putObjectContext(args: readonly string[]): Record<string, string> {
  const context: Record<string, string> = { 'aws:SecureTransport': 'true' };
  const headers: Record<string, string> = { '--sse': 's3:x-amz-server-side-encryption', '--sse-kms-key-id': 's3:x-amz-server-side-encryption-aws-kms-key-id' };
  args.forEach((arg, i) => {
    const key = headers[arg];
    if (key !== undefined) context[key] = args[i + 1];
  });
  return context;
}

/**
 * IAM's evaluation of one condition (IAM User Guide, "Condition operators"): a key absent from the
 * request makes a negated operator true and a positive one false; `...IfExists` is true when absent.
 */
function conditionHolds(test: string, value: string | undefined, values: readonly string[]): boolean {
  // `Null`: true when the key's absence is as the value says ("true": absent, "false": present).
  if (test === 'Null') return values.includes(String(value === undefined));
  const ifExists = test.endsWith('IfExists');
  const operator = ifExists ? test.slice(0, -'IfExists'.length) : test;
  if (value === undefined) return ifExists || operator.includes('Not');
  switch (operator) {
    case 'StringEquals':
    case 'Bool':
      return values.includes(value);
    case 'StringNotEquals':
      return !values.includes(value);
    default:
      throw new Error(`the test evaluates no ${test}; extend conditionHolds`);
  }
}

/** The Deny statements of `policy` that refuse a PutObject with `context`. */
function denying(policy: readonly Statement[], context: Record<string, string>): string[] {
  return policy
    .filter((s) => s.effect === 'Deny' && (s.actions ?? []).some((a) => a === 's3:PutObject' || a === 's3:*'))
    .filter((s) => (s.condition ?? []).every((c) => conditionHolds(c.test, context[c.variable], c.values)))
    .map((s) => s.sid ?? '(no sid)');
}

describe('the AWS compliance-report upload and the report bucket policy', () => {
  const spec = fixtureSpec();
  const cluster = spec.clusters[0];
  const store = complianceReportStore(spec, 'aws')!;
  const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));
  const policy = statements(json, 'reports-policy-document');
  let root: string;
  let awsArgs: string[];

  beforeAll(() => {
    const chart = new ComplianceReportChart(Cdk8sTesting.app(), 'report', { spec, cluster });
    const cronJob = Chart.of(chart.job)
      .toJson()
      .find((o: { kind: string }) => o.kind === 'CronJob') as ICronJob;
    const upload = cronJob.spec!.jobTemplate.spec!.template.spec!.initContainers!.find((c) => c.name === 'upload')!;
    const env = Object.fromEntries((upload.env ?? []).map((e) => [e.name, e.value ?? '']));

    // upload.sh runs for real with a fake `aws` that records its arguments.
    root = mkdtempSync(join(tmpdir(), 'report-upload-'));
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'report'));
    writeFileSync(join(root, 'bin', 'aws'), '#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "$FAKE_LOG.$$"\ncat "$FAKE_LOG.$$" >> "$FAKE_LOG"; echo >> "$FAKE_LOG"\n');
    chmodSync(join(root, 'bin', 'aws'), 0o755);
    writeFileSync(join(root, 'upload.sh'), UPLOAD_SCRIPT);
    writeFileSync(join(root, 'report', WORK_FILES.folder), 'fixture/fixture-eks/2025-01-02T0600Z\n');
    writeFileSync(join(root, 'report', 'report.json'), '{}\n');
    writeFileSync(join(root, 'report', 'report.html'), '<!DOCTYPE html>\n');
    const log = join(root, 'calls.log');
    const result = spawnSync('sh', [join(root, 'upload.sh')], {
      encoding: 'utf8',
      env: { ...env, PATH: `${join(root, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`, REPORT_DIR: join(root, 'report'), HOME: root, TMPDIR: root, FAKE_LOG: log },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const calls = readFileSync(log, 'utf8')
      .split('\n\n')
      .filter((c) => c.trim() !== '');
    expect(calls).toHaveLength(2);
    awsArgs = calls[0].split('\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('makes a PutObject that no Deny statement of the report bucket policy refuses', () => {
    expect(awsArgs.slice(0, 2)).toEqual(['s3', 'cp']);
    expect(denying(policy, putObjectContext(awsArgs))).toEqual([]);
  });

  it('would be refused by the policy with another encryption (the check means something)', () => {
    expect(denying(policy, putObjectContext(['s3', 'cp', '--sse', 'AES256']))).toEqual(['DenyNonKmsObjectUploads']);
  });

  it('admits a request without the header, as every part of a multipart upload is (UploadPart carries none; the bucket default encrypts it)', () => {
    expect(denying(policy, putObjectContext(['s3', 'cp']))).toEqual([]);
  });

  it('names the bucket default key, by the ARN of the alias the foundation creates for it', () => {
    const keyId = putObjectContext(awsArgs)['s3:x-amz-server-side-encryption-aws-kms-key-id'];
    const alias = block(json, 'aws_kms_alias', 'reports-key-alias');
    expect(keyId).toBe(`arn:aws:kms:eu-north-1:444455556666:${String(alias.name)}`);
    expect(keyId).toBe(store.kmsKeyId);
    expect(alias.target_key_id).toBe('${aws_kms_key.reports-key.key_id}');
    expect(block(json, 'aws_s3_bucket_server_side_encryption_configuration', 'reports-encryption').rule).toEqual([
      expect.objectContaining({ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.reports-key.arn}' } }),
    ]);
  });

  it('rejects an S3 store that names no KMS key for the uploads', () => {
    const chart = new Chart(Cdk8sTesting.app(), 'bare');
    const { kmsKeyId: _unset, ...withoutKey } = store;
    expect(
      () =>
        new ComplianceReportJob(chart, 'job', {
          environment: spec.name,
          cluster,
          store: withoutKey,
          prefix: 'fixture/fixture-eks',
          scripts: new ApiObject(chart, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap' }),
          podLabels: {},
        }),
    ).toThrow(/fixture: .*S3 report store fixture-compliance-reports-444455556666 names no kmsKeyId.*fix: build the store with complianceReportStore/);
  });

  it('rejects a store whose uploads name another key than the one the foundation creates', () => {
    const stack = new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec });
    const other = { ...store, kmsKeyId: 'arn:aws:kms:eu-north-1:444455556666:alias/elsewhere' };
    expect(() => new AwsComplianceReportStore(stack, 'other', { environment: spec.name, account: spec.clouds.aws!, store: other, versionRetentionDays: 30 })).toThrow(
      /uploads name the KMS key arn:aws:kms:eu-north-1:444455556666:alias\/elsewhere, this foundation creates arn:aws:kms:eu-north-1:444455556666:alias\/fixture-compliance-reports/,
    );
  });
});
