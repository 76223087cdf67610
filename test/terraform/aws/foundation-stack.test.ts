import { Testing } from 'cdktf';
import { complianceReportStore } from '../../../constructs/core/observability-contract';
import { AwsFoundationStack, FOUNDATION_OUTPUTS } from '../../../constructs/terraform/aws/foundation-stack';
import { stateBucketName } from '../../../constructs/terraform/aws/s3-state-backend';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import { at, block, blocksOf, synthJson } from '../terraform-json';
import { AWS_ENVIRONMENTS, statements } from './aws-test-helpers';

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
  const stack = new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec });
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
      bucket: `${spec.infrastructure.organisationPrefix}-tfstate-${env}-${account.accountId}`,
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
          condition: [
            { test: 'StringNotEquals', variable: 's3:x-amz-server-side-encryption', values: ['aws:kms'] },
            { test: 'Null', variable: 's3:x-amz-server-side-encryption', values: ['false'] },
          ],
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
    expect(block(json, 'aws_s3_bucket', 'log-bucket').bucket).toBe(`${spec.infrastructure.organisationPrefix}-tfstate-logs-${env}-${account.accountId}`);
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
        bucket: stateBucketName(spec.infrastructure.organisationPrefix, env, account),
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
    expect(
      Testing.toHaveProviderWithProperties(JSON.stringify(json), 'aws', {
        region: account.region,
        allowed_account_ids: [account.accountId],
        default_tags: [{ tags: { env, owner: spec.owner, 'cost-centre': spec.costCentre, 'managed-by': 'gitops-cdk' } }],
      }),
    ).toBe(true);
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
