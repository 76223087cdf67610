// The foundation-stack construct tests share this file on purpose: every jest test file loads cdktf and the @cdktf/provider-* modules afresh (~1-1.5 s), which costs more than a small file's tests.
import { Testing, TerraformStack } from 'cdktf';
import { AwsFoundationStack, FOUNDATION_OUTPUTS } from '../../../constructs/terraform/aws/foundation-stack';
import { stateBucketName } from '../../../constructs/terraform/aws/s3-state-backend';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { AwsComplianceReportStore } from '../../../constructs/terraform/aws/compliance-report-store';
import { complianceReportStore } from '../../../constructs/core/observability-contract';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { AWS_ENVIRONMENTS, at, block, blocksOf, buildAws, envNamed, statements, synthJson, type Statement } from './aws-test-helpers';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { APPLY_SERVICES, CiIdentities } from '../../../constructs/terraform/aws/ci-identities';
import { BucketEncryption, HardenedBucket, type HardenedBucketProps } from '../../../constructs/terraform/aws/hardened-bucket';
import type { CiIdentitySpec, BudgetSpec, EnvironmentSpec } from '../../../environments/types';
import { renderStack } from '../../../constructs/terraform/render-stack';
import { hclAndJson } from '../hcl-json';
import { MonthlyBudget } from '../../../constructs/terraform/aws/monthly-budget';
import { BOUNDARY_SERVICES, WorkloadBoundary } from '../../../constructs/terraform/aws/permissions-boundary';
import { iamServiceOf } from './resource-services';

describe.each(AWS_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('AwsFoundationStack in %s', (env, spec) => {
  const account = spec.clouds.aws!;
  const retentionDays = spec.infrastructure.stateVersionRetentionDays;
  /** The lifecycle of every versioned bucket: abort stale uploads, expire replaced versions and the delete markers left. */
  const versionedBucketRules = [
    { id: 'abort-incomplete-uploads', status: 'Enabled', filter: [{}], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] },
    {
      id: 'expire-noncurrent-versions',
      status: 'Enabled',
      filter: [{}],
      noncurrent_version_expiration: [{ noncurrent_days: retentionDays }],
      expiration: [{ expired_object_delete_marker: true }],
    },
  ];
  const stack = new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec });
  const json = synthJson(stack);
  let violations: unknown[];

  beforeAll(() => {
    violations = stackViolations(stack, env);
  });

  it('renders without violations', () => {
    expect(violations).toEqual([]);
  });

  it('enables versioning on the state bucket', () => {
    expect(block(json, 'aws_s3_bucket_versioning', 'versioning')).toMatchObject({
      bucket: '${aws_s3_bucket.bucket.id}',
      versioning_configuration: { status: 'Enabled' },
    });
  });

  it('encrypts the state bucket by default with the customer-managed key and a bucket key', () => {
    expect(block(json, 'aws_s3_bucket_server_side_encryption_configuration', 'encryption').rule).toEqual([
      {
        bucket_key_enabled: true,
        apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.key.arn}' },
      },
    ]);
  });

  it('rotates the state key and protects it from destroy', () => {
    expect(block(json, 'aws_kms_key', 'key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
    expect(block(json, 'aws_kms_alias', 'key-alias').name).toBe(`alias/${env}-tfstate`);
  });

  it('names the state bucket from the environment and the account and protects it from destroy', () => {
    expect(block(json, 'aws_s3_bucket', 'bucket')).toMatchObject({
      bucket: `acme-tfstate-${env}-${account.accountId}`,
      lifecycle: { prevent_destroy: true },
    });
  });

  it('blocks every kind of public access and disables ACLs on every bucket', () => {
    const buckets = Object.keys(blocksOf(json, 'aws_s3_bucket'));
    const blocks = Object.values(blocksOf(json, 'aws_s3_bucket_public_access_block'));
    const ownership = Object.values(blocksOf(json, 'aws_s3_bucket_ownership_controls'));
    expect(blocks).toHaveLength(buckets.length);
    expect(ownership).toHaveLength(buckets.length);
    for (const publicAccess of blocks) {
      expect(publicAccess).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    }
    for (const controls of ownership) expect(controls.rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    expect(new Set(blocks.map((b) => b.bucket))).toEqual(new Set(buckets.map((name) => `\${aws_s3_bucket.${name}.id}`)));
  });

  it('denies every request without TLS and every upload with an encryption other than KMS on the state bucket', () => {
    expect(statements(json, 'policy-document')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          effect: 'Deny',
          actions: ['s3:*'],
          principals: [{ type: '*', identifiers: ['*'] }],
          resources: ['${aws_s3_bucket.bucket.arn}', '${aws_s3_bucket.bucket.arn}/*'],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        }),
        expect.objectContaining({
          effect: 'Deny',
          actions: ['s3:PutObject'],
          condition: [{ test: 'StringNotEqualsIfExists', variable: 's3:x-amz-server-side-encryption', values: ['aws:kms'] }],
        }),
      ]),
    );
    expect(block(json, 'aws_s3_bucket_policy', 'policy').policy).toBe('${data.aws_iam_policy_document.policy-document.json}');
  });

  it(`expires non-current state versions after ${retentionDays} days and aborts incomplete uploads`, () => {
    const lifecycle = block(json, 'aws_s3_bucket_lifecycle_configuration', 'lifecycle');
    expect(lifecycle.bucket).toBe('${aws_s3_bucket.bucket.id}');
    expect(lifecycle.rule).toEqual(versionedBucketRules);
    // Never the current version: the live state is kept however old it is.
    expect(JSON.stringify(lifecycle.rule)).not.toMatch(/"days":/);
  });

  it('logs access to the state bucket into a separate private bucket whose logs expire', () => {
    expect(block(json, 'aws_s3_bucket_logging', 'logging')).toMatchObject({
      bucket: '${aws_s3_bucket.bucket.id}',
      target_bucket: '${aws_s3_bucket.log-bucket.id}',
      target_prefix: 'state-bucket/',
    });
    expect(block(json, 'aws_s3_bucket', 'log-bucket').bucket).toBe(`acme-tfstate-logs-${env}-${account.accountId}`);
    // S3 log delivery cannot write to SSE-KMS buckets: SSE-S3.
    expect(block(json, 'aws_s3_bucket_server_side_encryption_configuration', 'log-encryption').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
    ]);
    expect(block(json, 'aws_s3_bucket_lifecycle_configuration', 'log-lifecycle').rule).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'expire-objects', expiration: [{ days: retentionDays }] })]),
    );
    expect(statements(json, 'log-policy-document')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sid: 'DenyInsecureTransport', effect: 'Deny' }),
        {
          sid: 'S3ServerAccessLogs',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['logging.s3.amazonaws.com'] }],
          actions: ['s3:PutObject'],
          resources: ['${aws_s3_bucket.log-bucket.arn}/state-bucket/*'],
          condition: [
            { test: 'ArnLike', variable: 'aws:SourceArn', values: ['${aws_s3_bucket.bucket.arn}'] },
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
          ],
        },
      ]),
    );
  });

  it('keeps the addresses the state bucket resources had before, so that nothing is replaced or moved', () => {
    for (const [type, name] of [
      ['aws_s3_bucket', 'bucket'],
      ['aws_s3_bucket_versioning', 'versioning'],
      ['aws_s3_bucket_server_side_encryption_configuration', 'encryption'],
      ['aws_s3_bucket_public_access_block', 'public-access'],
      ['aws_s3_bucket_ownership_controls', 'ownership'],
      ['aws_s3_bucket_policy', 'policy'],
      ['aws_kms_key', 'key'],
      ['aws_kms_alias', 'key-alias'],
    ] as const) {
      expect(block(json, type, name)).toBeDefined();
    }
    expect(json.moved).toBeUndefined();
  });

  it('keeps its own state in its bucket, encrypted with the state key and locked by a lock file', () => {
    const backends = at(json, 'terraform', 'backend');
    expect(backends).toEqual({
      s3: {
        bucket: stateBucketName(env, account),
        key: 'aws-foundation/terraform.tfstate',
        region: account.region,
        encrypt: true,
        kms_key_id: `arn:aws:kms:${account.region}:${account.accountId}:alias/${env}-tfstate`,
        use_lockfile: true,
      },
    });
    expect(JSON.stringify(json)).not.toMatch(/"local"|dynamodb/);
  });

  it('tags every resource through the provider default tags and pins the account', () => {
    expect(Testing.toHaveProviderWithProperties(JSON.stringify(json), 'aws', {
      region: account.region,
      allowed_account_ids: [account.accountId],
      default_tags: [{ tags: { env, owner: spec.owner, 'cost-centre': spec.costCentre, 'managed-by': 'gitops-cdk' } }],
    })).toBe(true);
  });

  describe('the compliance report store', () => {
    const store = complianceReportStore(spec, 'aws')!;

    it(`is the bucket the observability contract names (${store.bucket}), protected from destroy`, () => {
      expect(block(json, 'aws_s3_bucket', 'reports-bucket')).toMatchObject({ bucket: store.bucket, lifecycle: { prevent_destroy: true } });
      expect(store.region).toBe(account.region);
    });

    it('encrypts reports with a rotated key of their own, not the state key', () => {
      expect(block(json, 'aws_kms_key', 'reports-key')).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
      expect(block(json, 'aws_kms_alias', 'reports-key-alias')).toMatchObject({ name: `alias/${env}-compliance-reports`, target_key_id: '${aws_kms_key.reports-key.key_id}' });
      expect(block(json, 'aws_s3_bucket_server_side_encryption_configuration', 'reports-encryption').rule).toEqual([
        { bucket_key_enabled: true, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.reports-key.arn}' } },
      ]);
    });

    it('keeps every version, denies plain HTTP and non-KMS uploads, and grants nobody anything in its policy', () => {
      expect(block(json, 'aws_s3_bucket_versioning', 'reports-versioning').versioning_configuration).toEqual({ status: 'Enabled' });
      const policy = statements(json, 'reports-policy-document');
      expect(policy.map((s) => [s.sid, s.effect])).toEqual([
        ['DenyInsecureTransport', 'Deny'],
        ['DenyNonKmsObjectUploads', 'Deny'],
      ]);
    });

    it(`expires reports after ${REPORT_RETENTION_DAYS} days and replaced versions after ${retentionDays}, removing the delete markers left`, () => {
      expect(block(json, 'aws_s3_bucket_lifecycle_configuration', 'reports-lifecycle').rule).toEqual([
        ...versionedBucketRules,
        { id: 'expire-objects', status: 'Enabled', filter: [{}], expiration: [{ days: REPORT_RETENTION_DAYS }] },
      ]);
    });

    it('logs access to the reports into a log bucket of its own', () => {
      expect(block(json, 'aws_s3_bucket_logging', 'reports-logging')).toMatchObject({
        bucket: '${aws_s3_bucket.reports-bucket.id}',
        target_bucket: '${aws_s3_bucket.reports-log-bucket.id}',
        target_prefix: 'compliance-reports/',
      });
      expect(block(json, 'aws_s3_bucket', 'reports-log-bucket').bucket).toBe(`${store.bucket}-logs`);
      expect(statements(json, 'reports-log-policy-document')).toContainEqual(
        expect.objectContaining({
          sid: 'S3ServerAccessLogs',
          resources: ['${aws_s3_bucket.reports-log-bucket.arn}/compliance-reports/*'],
          condition: expect.arrayContaining([{ test: 'ArnLike', variable: 'aws:SourceArn', values: ['${aws_s3_bucket.reports-bucket.arn}'] }]),
        }),
      );
    });
  });

  it('publishes the outputs of its shape, each a reference to a resource', () => {
    const outputs = at(json, 'output');
    expect(Object.keys(outputs as object).sort()).toEqual(Object.keys(FOUNDATION_OUTPUTS).sort());
    expect(outputs).toMatchObject({
      state_bucket_name: { value: '${aws_s3_bucket.bucket.bucket}' },
      state_key_arn: { value: '${aws_kms_key.key.arn}' },
      ci_oidc_provider_arn: { value: '${aws_iam_openid_connect_provider.ci-github-oidc.arn}' },
      ci_plan_role_arn: { value: '${aws_iam_role.ci-plan-role.arn}' },
      ci_apply_role_arn: { value: '${aws_iam_role.ci-apply-role.arn}' },
      state_bucket_arn: { value: '${aws_s3_bucket.bucket.arn}' },
      report_bucket_name: { value: '${aws_s3_bucket.reports-bucket.bucket}' },
      report_bucket_arn: { value: '${aws_s3_bucket.reports-bucket.arn}' },
      report_key_arn: { value: '${aws_kms_key.reports-key.arn}' },
    });
  });
});

describe('state replication', () => {
  it('is absent where the spec sets no AWS state replica (staging)', () => {
    const spec = envNamed('staging');
    expect(spec.infrastructure.stateReplica?.aws).toBeUndefined();
    const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec }));
    expect(blocksOf(json, 'aws_s3_bucket_replication_configuration')).toEqual({});
    expect(at(json, 'provider', 'aws')).toHaveLength(1);
  });

  describe('in prod, to the spec region', () => {
    const spec = envNamed('prod');
    const account = spec.clouds.aws!;
    const replicaRegion = spec.infrastructure.stateReplica!.aws!;
    const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec }));

    it('declares a second, aliased provider in the replica region of the same account', () => {
      expect(at(json, 'provider', 'aws')).toEqual([
        expect.objectContaining({ region: account.region }),
        expect.objectContaining({ alias: 'replica', region: replicaRegion, allowed_account_ids: [account.accountId] }),
      ]);
      expect(replicaRegion).not.toBe(account.region);
    });

    it('encrypts the replica with a rotated key of the replica region, on a versioned, protected bucket', () => {
      expect(block(json, 'aws_kms_key', 'replica-key')).toMatchObject({
        provider: 'aws.replica',
        enable_key_rotation: true,
        lifecycle: { prevent_destroy: true },
      });
      expect(block(json, 'aws_s3_bucket', 'replica-state-bucket')).toMatchObject({
        provider: 'aws.replica',
        bucket: `acme-tfstate-${spec.name}-${account.accountId}-${replicaRegion}`,
        lifecycle: { prevent_destroy: true },
      });
      expect(block(json, 'aws_s3_bucket_versioning', 'replica-state-versioning')).toMatchObject({
        provider: 'aws.replica',
        versioning_configuration: { status: 'Enabled' },
      });
      expect(block(json, 'aws_s3_bucket_server_side_encryption_configuration', 'replica-state-encryption').rule).toEqual([
        { bucket_key_enabled: true, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.replica-key.arn}' } },
      ]);
      for (const [name, resource] of Object.entries(blocksOf(json, 'aws_s3_bucket_public_access_block')).filter(([n]) => n.startsWith('replica-'))) {
        expect([name, resource.provider]).toEqual([name, 'aws.replica']);
      }
    });

    it('replicates every KMS-encrypted state object, re-encrypted with the replica key, after both buckets are versioned', () => {
      const replication = block(json, 'aws_s3_bucket_replication_configuration', 'replica-replication');
      expect(replication).toMatchObject({
        bucket: '${aws_s3_bucket.bucket.id}',
        role: '${aws_iam_role.replica-role.arn}',
        depends_on: ['aws_s3_bucket_versioning.versioning', 'aws_s3_bucket_versioning.replica-state-versioning'],
      });
      expect(replication.rule).toEqual([
        {
          id: 'state-replica',
          status: 'Enabled',
          filter: {},
          delete_marker_replication: { status: 'Enabled' },
          source_selection_criteria: { sse_kms_encrypted_objects: { status: 'Enabled' } },
          destination: {
            bucket: '${aws_s3_bucket.replica-state-bucket.arn}',
            storage_class: 'STANDARD',
            encryption_configuration: { replica_kms_key_id: '${aws_kms_key.replica-key.arn}' },
          },
        },
      ]);
    });

    it('copies the delete markers of released lock files, so that a failover to the copy finds no stale lock', () => {
      // Terraform deletes `<key>.tflock` without a version id: a delete marker, copied only when enabled.
      const [rule] = block(json, 'aws_s3_bucket_replication_configuration', 'replica-replication').rule as Record<string, unknown>[];
      expect(rule.delete_marker_replication).toEqual({ status: 'Enabled' });
      // S3 accepts delete marker replication only in a V2 rule (with a filter) whose filter has no tag.
      expect(rule.filter).toEqual({});
      expect(statements(json, 'replica-permissions').find((s) => s.sid === 'WriteReplicas')?.actions).toContain('s3:ReplicateDelete');
    });

    it('keeps the delete markers of the compliance reports out of their copy (audit evidence; the default)', () => {
      const [rule] = block(json, 'aws_s3_bucket_replication_configuration', 'reports-replica-replication').rule as Record<string, unknown>[];
      expect(rule.delete_marker_replication).toEqual({ status: 'Disabled' });
    });

    it('gives the replication role only S3 of this account, reads of the source, replica writes and key use through S3', () => {
      expect(statements(json, 'replica-trust')).toEqual([
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['s3.amazonaws.com'] }],
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: ['${aws_s3_bucket.bucket.arn}'] },
          ],
        },
      ]);
      const permissions = statements(json, 'replica-permissions');
      const actions = permissions.flatMap((s) => s.actions ?? []);
      expect(actions.every((a) => !a.endsWith('*'))).toBe(true);
      expect(permissions.flatMap((s) => s.resources ?? []).every((r) => r !== '*')).toBe(true);
      expect(permissions.find((s) => s.sid === 'WriteReplicas')).toMatchObject({
        actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
        resources: ['${aws_s3_bucket.replica-state-bucket.arn}/*'],
      });
      expect(permissions.find((s) => s.sid === 'DecryptSourceThroughS3')).toMatchObject({
        actions: ['kms:Decrypt'],
        resources: ['${aws_kms_key.key.arn}'],
        condition: expect.arrayContaining([{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${account.region}.amazonaws.com`] }]),
      });
      expect(permissions.find((s) => s.sid === 'EncryptReplicasThroughS3')).toMatchObject({
        resources: ['${aws_kms_key.replica-key.arn}'],
        condition: expect.arrayContaining([{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${replicaRegion}.amazonaws.com`] }]),
      });
    });

    it('logs access to the replica into a private bucket of the replica region', () => {
      expect(block(json, 'aws_s3_bucket_logging', 'replica-state-logging')).toMatchObject({
        provider: 'aws.replica',
        bucket: '${aws_s3_bucket.replica-state-bucket.id}',
        target_bucket: '${aws_s3_bucket.replica-log-bucket.id}',
      });
      expect(block(json, 'aws_s3_bucket', 'replica-log-bucket')).toMatchObject({
        provider: 'aws.replica',
        bucket: `acme-tfstate-logs-${spec.name}-${account.accountId}-${replicaRegion}`,
      });
      expect(block(json, 'aws_s3_bucket_public_access_block', 'replica-log-public-access')).toMatchObject({ provider: 'aws.replica', block_public_policy: true });
    });

    it('copies the compliance reports too, into a bucket of their own in the replica region that expires them as the source does', () => {
      const store = complianceReportStore(spec, 'aws')!;
      expect(block(json, 'aws_s3_bucket', 'reports-replica-reports-bucket')).toMatchObject({ provider: 'aws.replica', bucket: `${store.bucket}-${replicaRegion}` });
      expect(block(json, 'aws_s3_bucket_replication_configuration', 'reports-replica-replication')).toMatchObject({
        bucket: '${aws_s3_bucket.reports-bucket.id}',
        role: '${aws_iam_role.reports-replica-role.arn}',
        rule: [expect.objectContaining({ id: 'reports-replica', destination: expect.objectContaining({ bucket: '${aws_s3_bucket.reports-replica-reports-bucket.arn}' }) })],
      });
      expect(block(json, 'aws_iam_role', 'reports-replica-role').name).toBe(`${spec.name}-compliance-reports-replication`);
      expect(block(json, 'aws_s3_bucket_lifecycle_configuration', 'reports-replica-reports-lifecycle').rule).toContainEqual(
        expect.objectContaining({ id: 'expire-objects', expiration: [{ days: REPORT_RETENTION_DAYS }] }),
      );
      expect(block(json, 'aws_s3_bucket', 'reports-replica-log-bucket')).toMatchObject({ provider: 'aws.replica', bucket: `${store.bucket}-logs-${replicaRegion}` });
    });

    it('expires non-current replica versions after the same retention, and keeps current state versions however old', () => {
      const rules = block(json, 'aws_s3_bucket_lifecycle_configuration', 'replica-state-lifecycle').rule;
      expect(rules).toEqual(
        expect.arrayContaining([expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: spec.infrastructure.stateVersionRetentionDays }] })]),
      );
      expect(rules).not.toContainEqual(expect.objectContaining({ id: 'expire-objects' }));
    });
  });

  it('rejects a report store outside the region of the foundation', () => {
    const spec = envNamed('staging');
    const stack = new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec });
    const store = { ...complianceReportStore(spec, 'aws')!, region: 'us-east-1' };
    expect(() => new AwsComplianceReportStore(stack, 'elsewhere', { environment: spec.name, account: spec.clouds.aws!, store, versionRetentionDays: 30 })).toThrow(
      /report store is in us-east-1, the environment's AWS region is eu-west-1/,
    );
  });

  it('rejects a replica in the region of the state itself', () => {
    const prod = envNamed('prod');
    const spec = { ...prod, infrastructure: { ...prod.infrastructure, stateReplica: { aws: prod.clouds.aws!.region } } };
    expect(() => new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec })).toThrow(/replica region eu-west-1 is the source region/);
  });
});

const AUDIENCE = { test: 'StringEquals', variable: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] };

function subjectCondition(trust: Statement[]): { test: string; values: string[] } {
  expect(trust).toHaveLength(1);
  const condition = trust[0]!.condition?.find((c) => c.variable === 'token.actions.githubusercontent.com:sub');
  if (condition === undefined) throw new Error('no sub condition');
  return condition;
}

describe.each(AWS_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('CI identities of %s', (env, spec) => {
  const { repository, applyFrom } = spec.infrastructure.ci;
  const account = spec.clouds.aws!;
  const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec }));

  it('trusts the GitHub Actions OIDC issuer for the STS audience', () => {
    expect(block(json, 'aws_iam_openid_connect_provider', 'ci-github-oidc')).toMatchObject({
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com'],
    });
  });

  it('lets the plan role be assumed from pull requests and branches of the one repository, with the STS audience', () => {
    const trust = statements(json, 'ci-plan-trust');
    expect(trust[0]).toMatchObject({
      effect: 'Allow',
      actions: ['sts:AssumeRoleWithWebIdentity'],
      principals: [{ type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.ci-github-oidc.arn}'] }],
    });
    expect(trust[0]!.condition).toContainEqual(AUDIENCE);
    expect(subjectCondition(trust)).toEqual({
      test: 'StringLike',
      variable: 'token.actions.githubusercontent.com:sub',
      values: [`repo:${repository}:pull_request`, `repo:${repository}:ref:refs/heads/*`],
    });
  });

  it('never trusts a bare wildcard subject or another repository', () => {
    for (const document of ['ci-plan-trust', 'ci-apply-trust']) {
      for (const subject of subjectCondition(statements(json, document)).values) {
        expect(subject.startsWith(`repo:${repository}:`)).toBe(true);
        expect(subject).not.toMatch(/^repo:[^:]*\*/);
        expect(subject).not.toBe('*');
      }
    }
  });

  it(`lets the apply role be assumed only by ${applyFrom.kind} ${applyFrom.name}, matched exactly`, () => {
    const expected = applyFrom.kind === 'branch' ? `repo:${repository}:ref:refs/heads/${applyFrom.name}` : `repo:${repository}:environment:${applyFrom.name}`;
    const trust = statements(json, 'ci-apply-trust');
    expect(trust[0]!.condition).toContainEqual(AUDIENCE);
    expect(subjectCondition(trust)).toEqual({ test: 'StringEquals', variable: 'token.actions.githubusercontent.com:sub', values: [expected] });
  });

  it('limits both roles to one-hour sessions', () => {
    expect(block(json, 'aws_iam_role', 'ci-plan-role').max_session_duration).toBe(3600);
    expect(block(json, 'aws_iam_role', 'ci-apply-role').max_session_duration).toBe(3600);
  });

  it('gives the plan role read-only access, state reads, lock file writes and use of the state key', () => {
    expect(block(json, 'aws_iam_role_policy_attachment', 'ci-plan-read-only')).toMatchObject({
      role: '${aws_iam_role.ci-plan-role.name}',
      policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    const rights = statements(json, 'ci-plan-state-document');
    expect(rights.find((s) => s.sid === 'ReadState')).toMatchObject({ actions: ['s3:GetObject'], resources: ['${aws_s3_bucket.bucket.arn}/*'] });
    // Writes only to lock files: a plan never writes a state.
    const writes = rights.filter((s) => s.actions?.some((a) => a === 's3:PutObject' || a === 's3:DeleteObject'));
    expect(writes).toEqual([expect.objectContaining({ resources: ['${aws_s3_bucket.bucket.arn}/*.tflock'] })]);
    expect(rights.find((s) => s.sid === 'UseStateKey')).toMatchObject({ resources: ['${aws_kms_key.key.arn}'] });
  });

  it('gives the apply role the services the stacks manage on the environment\'s resources only, never a service on *', () => {
    const rights = statements(json, 'ci-apply-document');
    const allows = rights.filter((s) => s.effect === 'Allow');
    expect(allows.flatMap((s) => s.actions ?? [])).not.toContain('*');
    // A whole service is granted only on resources of the environment (tf-prod-no-wildcard-iam-action).
    for (const statement of allows.filter((s) => s.actions?.some((a) => a.endsWith(':*')))) {
      expect([statement.sid, statement.resources]).toEqual([statement.sid, expect.not.arrayContaining(['*'])]);
    }
    expect(allows.flatMap((s) => s.actions ?? []).filter((a) => a.endsWith(':*')).sort()).toEqual(APPLY_SERVICES.map((service) => `${service}:*`).sort());
    expect(JSON.stringify(json)).not.toContain('AdministratorAccess');
    expect(block(json, 'aws_iam_role_policy_attachment', 'ci-apply-read-only').policy_arn).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    const iam = allows.find((s) => s.sid === 'ManageIam')!;
    const clusterPrefixes = spec.clusters.filter((c) => c.cloud === 'aws').map((c) => `arn:aws:iam::${account.accountId}:role/${c.name}-*`);
    expect(iam.resources).toEqual(expect.arrayContaining([`arn:aws:iam::${account.accountId}:role/${env}-*`, `arn:aws:iam::${account.accountId}:policy/${env}-*`, ...clusterPrefixes]));
    expect(allows.find((s) => s.sid === 'ManageS3')!.resources).toContain(`arn:aws:s3:::${stateBucketName(env, account)}*`);
  });

  it('lets the apply role manage every IAM role and policy that a stack of the environment creates', () => {
    // An IAM name outside the apply role's patterns fails at apply with AccessDenied (issue 11:
    // Argo CD's roles are named from the spec's argocdRoleArn, not after the environment).
    const iam = statements(json, 'ci-apply-document').find((s) => s.sid === 'ManageIam')!;
    const allowed = (kind: string, name: string) =>
      (iam.resources ?? []).some((pattern) => {
        const arn = `arn:aws:iam::${account.accountId}:${kind}/${name}`;
        return pattern.endsWith('*') ? arn.startsWith(pattern.slice(0, -1)) : arn === pattern;
      });
    const created = buildAws(spec).flatMap((entry) => {
      const stackJson = synthJson(entry.stack);
      return [
        ...Object.values(blocksOf(stackJson, 'aws_iam_role')).map((role) => ['role', `${String(role.path ?? '/').slice(1)}${String(role.name)}`]),
        ...Object.values(blocksOf(stackJson, 'aws_iam_policy')).map((policy) => ['policy', `${String(policy.path ?? '/').slice(1)}${String(policy.name)}`]),
      ];
    });
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter(([kind, name]) => !allowed(kind!, name!))).toEqual([]);
  });

  it('lets the apply role write, and the drift check read within the boundary, every kind of resource the stacks create', () => {
    // A resource of a service the apply role lacks fails at apply with AccessDenied; one outside
    // the boundary fails every drift check's refresh (the euc1 network path's Route 53 Resolver).
    const types = new Set(buildAws(spec).flatMap((entry) => Object.keys((synthJson(entry.stack).resource ?? {}) as Record<string, unknown>)));
    const services = [...types].map((type) => [type, iamServiceOf(type) ?? 'unknown: add it to test/terraform/aws/resource-services.ts']);
    const applied = new Set<string>(APPLY_SERVICES);
    const readable = new Set<string>([...BOUNDARY_SERVICES, 'iam']);
    expect(services.filter(([, service]) => !applied.has(service!))).toEqual([]);
    expect(services.filter(([, service]) => !readable.has(service!))).toEqual([]);
  });

  it('lets the apply role create or change only roles that carry the boundary, and never remove it', () => {
    const rights = statements(json, 'ci-apply-document');
    expect(rights.find((s) => s.sid === 'OnlyBoundedRoles')).toEqual({
      sid: 'OnlyBoundedRoles',
      effect: 'Deny',
      actions: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
      resources: ['*'],
      condition: [{ test: 'StringNotEquals', variable: 'iam:PermissionsBoundary', values: ['${aws_iam_policy.boundary-policy.arn}'] }],
    });
    expect(rights.find((s) => s.sid === 'KeepBoundaries')).toMatchObject({ effect: 'Deny', actions: ['iam:DeleteRolePermissionsBoundary'], resources: ['*'] });
    expect(rights.find((s) => s.sid === 'KeepBoundaryPolicy')).toMatchObject({ effect: 'Deny', resources: ['${aws_iam_policy.boundary-policy.arn}'] });
    expect(block(json, 'aws_iam_policy', 'boundary-policy').name).toBe(`${env}-workload-boundary`);
  });

  it('denies the apply role changing the CI roles, their OIDC trust, the state store\'s policy or the state key\'s', () => {
    const rights = statements(json, 'ci-apply-document');
    const ciRoles = rights.find((s) => s.sid === 'KeepCiRoles')!;
    expect(ciRoles.effect).toBe('Deny');
    expect(ciRoles.resources).toEqual(['${aws_iam_role.ci-plan-role.arn}', '${aws_iam_role.ci-apply-role.arn}']);
    expect(ciRoles.actions).toEqual(expect.arrayContaining(['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRolePermissionsBoundary']));
    expect(rights.find((s) => s.sid === 'KeepCiTrust')).toMatchObject({ effect: 'Deny', resources: [`arn:aws:iam::${account.accountId}:oidc-provider/token.actions.githubusercontent.com`] });
    expect(rights.find((s) => s.sid === 'KeepStateKey')).toMatchObject({
      effect: 'Deny',
      actions: expect.arrayContaining(['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion']),
      resources: ['${aws_kms_key.key.arn}'],
    });
    expect(rights.find((s) => s.sid === 'KeepStateStore')).toMatchObject({ effect: 'Deny', actions: expect.arrayContaining(['s3:DeleteBucket', 's3:PutBucketPolicy']), resources: ['${aws_s3_bucket.bucket.arn}'] });
  });

  it('puts the boundary on every role of every AWS stack of the environment but the CI roles', () => {
    const boundaryArn = `arn:aws:iam::${account.accountId}:policy/${env}-workload-boundary`;
    for (const entry of buildAws(spec)) {
      const stackJson = synthJson(entry.stack);
      for (const [name, role] of Object.entries(blocksOf(stackJson, 'aws_iam_role'))) {
        // The foundation's own roles reference the policy it creates, so Terraform creates it first.
        const expected = name.startsWith('ci-') ? undefined : entry.name === AwsFoundationStack.LAYER ? '${aws_iam_policy.boundary-policy.arn}' : boundaryArn;
        expect([entry.name, name, role.permissions_boundary]).toEqual([entry.name, name, expected]);
      }
    }
  });
});

describe('CI identities per environment', () => {
  it('lets prod apply only from the production GitHub environment', () => {
    const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec: envNamed('prod') }));
    expect(subjectCondition(statements(json, 'ci-apply-trust')).values).toEqual(['repo:acme/platform-gitops:environment:production']);
  });

  it('lets staging apply only from pushes to main', () => {
    const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec: envNamed('staging') }));
    expect(subjectCondition(statements(json, 'ci-apply-trust')).values).toEqual(['repo:acme/platform-gitops:ref:refs/heads/main']);
  });
});

describe('CiIdentities', () => {
  function build(ci: CiIdentitySpec): () => CiIdentities {
    return () => {
      const stack = new TerraformStack(Testing.app(), 'probe');
      const key = new KmsKey(stack, 'key', {});
      const stateBucket = new HardenedBucket(stack, 'state', { bucketName: 'probe-state', encryption: BucketEncryption.kms(key), retention: { noncurrentVersionDays: 30 } });
      const boundary = new WorkloadBoundary(stack, 'boundary', { environment: 'probe' });
      return new CiIdentities(stack, 'ci', {
        environment: 'probe',
        ci,
        account: { accountId: '111122223333', region: 'eu-west-1' },
        regions: ['eu-west-1'],
        namePrefixes: ['probe-'],
        bucketPrefixes: ['probe-state'],
        boundary: boundary.policy,
        stateBucket,
        stateKey: key,
      });
    };
  }

  it('rejects a repository that is not one owner/name', () => {
    expect(build({ repository: 'acme/*', repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } })).toThrow(/not a GitHub owner\/name/);
    expect(build({ repository: '*', repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } })).toThrow(/not a GitHub owner\/name/);
  });

  it('creates the account\'s GitHub OIDC provider by default', () => {
    const ci = build({ repository: 'acme/repo', repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } })();
    const json = JSON.parse(Testing.synth(TerraformStack.of(ci))) as Record<string, unknown>;
    expect(only(json, 'aws_iam_openid_connect_provider')).toMatchObject({ url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] });
    expect(blocksOf(json, 'aws_iam_openid_connect_provider', 'data')).toEqual({});
  });

  describe('with awsOidcProvider: existing (the account has the provider already)', () => {
    const spec = fixtureWithExistingProvider();
    const stack = new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec });
    const json = synthJson(stack);

    it('reads the provider by GitHub\'s issuer URL instead of creating a second one (EntityAlreadyExists)', () => {
      expect(blocksOf(json, 'aws_iam_openid_connect_provider')).toEqual({});
      expect(block(json, 'aws_iam_openid_connect_provider', 'ci-github-oidc', 'data')).toMatchObject({ url: 'https://token.actions.githubusercontent.com' });
    });

    it('trusts and publishes the provider it read', () => {
      for (const role of ['ci-plan-trust', 'ci-apply-trust']) {
        expect(statements(json, role)[0].principals).toEqual([{ type: 'Federated', identifiers: ['${data.aws_iam_openid_connect_provider.ci-github-oidc.arn}'] }]);
      }
      expect(at(json, 'output', 'ci_oidc_provider_arn')).toMatchObject({ value: '${data.aws_iam_openid_connect_provider.ci-github-oidc.arn}' });
    });

    it('renders HCL that says what the JSON says', async () => {
      const rendered = await renderStack(stack, spec.name);
      const { hcl, json: fromJson } = await hclAndJson(rendered.hcl, rendered.json);
      expect(hcl).toEqual(fromJson);
      expect(rendered.hcl).toContain('data "aws_iam_openid_connect_provider" "ci-github-oidc" {');
    });
  });

  it('rejects a wildcard in the apply branch or environment', () => {
    expect(build({ repository: 'acme/repo', repositoryId: '42', applyFrom: { kind: 'branch', name: 'release/*' } })).toThrow(/without wildcards/);
    expect(build({ repository: 'acme/repo', repositoryId: '42', applyFrom: { kind: 'environment', name: 'prod?' } })).toThrow(/without wildcards/);
  });
});

/** A fixture environment whose AWS account has the GitHub OIDC provider already. */
function fixtureWithExistingProvider(): EnvironmentSpec {
  const base = envNamed('staging');
  return { ...base, name: 'adopt', infrastructure: { ...base.infrastructure, ci: { ...base.infrastructure.ci, awsOidcProvider: 'existing' } } };
}

/** The one block of `type` in a probe stack (names there are cdktf's hashed defaults). */
function only(json: Record<string, unknown>, type: string, kind: 'resource' | 'data' = 'resource'): Record<string, unknown> {
  const found = Object.values(blocksOf(json, type, kind));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}

function probe(props: Partial<HardenedBucketProps> = {}, configure?: (bucket: HardenedBucket, stack: TerraformStack) => void): Record<string, unknown> {
  const stack = new TerraformStack(Testing.app(), 'probe');
  const key = new KmsKey(stack, 'key', {});
  const bucket = new HardenedBucket(stack, 'b', { bucketName: 'probe-bucket', encryption: BucketEncryption.kms(key), retention: { noncurrentVersionDays: 30 }, ...props });
  configure?.(bucket, stack);
  return JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
}

describe('HardenedBucket', () => {
  it('is versioned by default, with non-current versions expiring', () => {
    const json = probe();
    expect(only(json, 'aws_s3_bucket_versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(only(json, 'aws_s3_bucket_lifecycle_configuration').rule).toEqual(
      expect.arrayContaining([expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: 30 }] })]),
    );
  });

  it('is not versioned when told so, and then has no version rule', () => {
    const json = probe({ versioned: false, retention: { currentVersionDays: 10 } });
    expect(blocksOf(json, 'aws_s3_bucket_versioning')).toEqual({});
    const rules = only(json, 'aws_s3_bucket_lifecycle_configuration').rule as { id: string }[];
    expect(rules.map((r) => r.id)).toEqual(['abort-incomplete-uploads', 'expire-objects']);
  });

  it('expires current versions in a rule of their own when versioned, since S3 refuses days next to the delete-marker flag', () => {
    const rules = only(probe({ retention: { noncurrentVersionDays: 30, currentVersionDays: 400 } }), 'aws_s3_bucket_lifecycle_configuration').rule as Record<string, unknown>[];
    expect(rules.map((r) => [r.id, r.expiration])).toEqual([
      ['abort-incomplete-uploads', undefined],
      ['expire-noncurrent-versions', [{ expired_object_delete_marker: true }]],
      ['expire-objects', [{ days: 400 }]],
    ]);
  });

  it('refuses destroy by default, and allows it only when told', () => {
    expect(only(probe(), 'aws_s3_bucket').lifecycle).toEqual({ prevent_destroy: true });
    expect(only(probe({ preventDestroy: false }), 'aws_s3_bucket').lifecycle).toEqual({ prevent_destroy: false });
  });

  it('logs nothing by default, and logs to another bucket with logAccessTo', () => {
    expect(blocksOf(probe(), 'aws_s3_bucket_logging')).toEqual({});
    const json = probe({}, (bucket, stack) => {
      const target = new HardenedBucket(stack, 'logs', { bucketName: 'probe-logs', encryption: BucketEncryption.s3Managed(), versioned: false, retention: { currentVersionDays: 7 } });
      bucket.logAccessTo(target, 'p/');
    });
    expect(only(json, 'aws_s3_bucket_logging')).toMatchObject({ target_prefix: 'p/' });
  });

  it('grants nothing by default: its policy only denies', () => {
    const kms = only(probe(), 'aws_iam_policy_document', 'data').statement as Statement[];
    expect(kms.map((s) => [s.sid, s.effect])).toEqual([['DenyInsecureTransport', 'Deny'], ['DenyNonKmsObjectUploads', 'Deny']]);
    const s3Managed = only(probe({ encryption: BucketEncryption.s3Managed() }), 'aws_iam_policy_document', 'data').statement as Statement[];
    expect(s3Managed.map((s) => s.sid)).toEqual(['DenyInsecureTransport']);
  });

  it('uses the stack default provider by default', () => {
    expect(only(probe(), 'aws_s3_bucket').provider).toBeUndefined();
  });

  it('rejects a versioned bucket without a retention for old versions', () => {
    expect(() => probe({ retention: {} })).toThrow(/needs retention.noncurrentVersionDays/);
  });

  it('rejects a name S3 refuses', () => {
    expect(() => probe({ bucketName: 'Probe_Bucket' })).toThrow(/not a valid S3 name/);
    expect(() => probe({ bucketName: `a${'b'.repeat(63)}` })).toThrow(/not a valid S3 name/);
  });
});

describe.each(AWS_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the monthly budget of %s', (env, spec) => {
  const { budget } = spec.infrastructure;
  const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec }));
  const resource = block(json, 'aws_budgets_budget', 'budget-monthly');

  it('is a monthly cost budget of the spec limit and currency', () => {
    expect(resource).toMatchObject({
      name: `${env}-monthly`,
      budget_type: 'COST',
      time_unit: 'MONTHLY',
      limit_amount: String(budget.monthlyLimit),
      limit_unit: budget.currency,
    });
  });

  it(`alerts ${budget.notifyEmails.join(' and ')} once per threshold of the spec (${budget.alertThresholds.join(', ')} %) on actual spend`, () => {
    expect(resource.notification).toEqual(
      budget.alertThresholds.map((threshold) => ({
        notification_type: 'ACTUAL',
        comparison_operator: 'GREATER_THAN',
        threshold,
        threshold_type: 'PERCENTAGE',
        subscriber_email_addresses: [...budget.notifyEmails],
      })),
    );
  });

  it('covers the whole account rather than a cost allocation tag', () => {
    expect(resource.cost_filter).toBeUndefined();
  });
});

describe('MonthlyBudget', () => {
  it('relies on every environment having an AWS account of its own', () => {
    // The budget is unfiltered: sharing an account would add another environment's spend.
    const accounts = AWS_ENVIRONMENTS.map((spec) => spec.clouds.aws!.accountId);
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  const valid: BudgetSpec = { monthlyLimit: 100, currency: 'USD', alertThresholds: [50, 100], notifyEmails: ['a@acme.example'] };
  const build = (budget: BudgetSpec) => () => new MonthlyBudget(new TerraformStack(Testing.app(), 'probe'), 'budget', { name: 'probe', budget });

  it('builds with a valid budget', () => {
    expect(build(valid)).not.toThrow();
  });

  it('rejects more thresholds than AWS Budgets has notifications', () => {
    expect(build({ ...valid, alertThresholds: [10, 20, 30, 40, 50, 60] })).toThrow(/allows 5 notifications per budget/);
  });

  it('rejects a budget nobody is told about', () => {
    expect(build({ ...valid, notifyEmails: [] })).toThrow(/needs 1 to 10/);
  });
});

describe('the break-glass role (issue 11, item 21)', () => {
  const prod = envNamed('prod');
  const account = prod.clouds.aws!;
  const principals = [`arn:aws:iam::${account.accountId}:user/alice`];
  const spec: EnvironmentSpec = { ...prod, name: 'glass', infrastructure: { ...prod.infrastructure, breakGlass: { awsPrincipals: principals } } };
  const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec }));

  it('may be assumed only by the named principals, only with MFA, for an hour', () => {
    expect(statements(json, 'break-glass-trust')).toEqual([
      {
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: principals }],
        condition: [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }],
      },
    ]);
    expect(block(json, 'aws_iam_role', 'break-glass-role')).toMatchObject({ name: 'glass-eks-break-glass', max_session_duration: 3600, permissions_boundary: '${aws_iam_policy.boundary-policy.arn}' });
  });

  it('may only describe the environment\'s EKS clusters in AWS (cluster-admin comes from the clusters\' access entries)', () => {
    const clusters = prod.clusters.filter((c) => c.cloud === 'aws');
    expect(statements(json, 'break-glass-permissions')).toEqual([
      {
        sid: 'Kubeconfig',
        effect: 'Allow',
        actions: ['eks:DescribeCluster'],
        resources: expect.arrayContaining(clusters.map((c) => `arn:aws:eks:${c.region}:${account.accountId}:cluster/${c.name}`)),
      },
    ]);
  });

  it('is absent where no break-glass is declared (staging)', () => {
    const staging = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec: envNamed('staging') }));
    expect(Object.keys(blocksOf(staging, 'aws_iam_role'))).not.toContain('break-glass-role');
  });

  it('rejects a production environment with EKS clusters and no break-glass principals', () => {
    const { breakGlass: _none, ...infrastructure } = prod.infrastructure;
    expect(() => new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec: { ...prod, name: 'bare', infrastructure } })).toThrow(
      /bare: aws-foundation: infrastructure.breakGlass is not set; .*fix: set infrastructure.breakGlass.awsPrincipals in environments\/bare.ts/,
    );
  });

  it('rejects a wildcard principal, a principal of another account and an empty list, all in one message', () => {
    const withPrincipals = (awsPrincipals: string[]) => () =>
      new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec: { ...spec, infrastructure: { ...spec.infrastructure, breakGlass: { awsPrincipals } } } });
    expect(withPrincipals([`arn:aws:iam::${account.accountId}:user/*`, 'arn:aws:iam::999999999999:user/mallory'])).toThrow(
      /breakGlass.awsPrincipals "arn:aws:iam::\d+:user\/\*" is not the exact ARN .*; "arn:aws:iam::999999999999:user\/mallory" is in account 999999999999/,
    );
    expect(withPrincipals([])).toThrow(/lists no principal/);
  });
});
