import { Testing } from 'cdktf';
import { AwsFoundationStack, FOUNDATION_OUTPUTS } from '../../../constructs/terraform/aws/foundation-stack';
import { stateBucketName } from '../../../constructs/terraform/aws/s3-state-backend';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { AwsComplianceReportStore } from '../../../constructs/terraform/aws/compliance-report-store';
import { complianceReportStore } from '../../../constructs/observability-contract';
import { renderStack } from '../../../constructs/terraform/render-stack';
import { AWS_ENVIRONMENTS, at, block, blocksOf, envNamed, statements, synthJson } from './aws-test-helpers';

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

  beforeAll(async () => {
    violations = (await renderStack(stack, env)).violations;
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
          delete_marker_replication: { status: 'Disabled' },
          source_selection_criteria: { sse_kms_encrypted_objects: { status: 'Enabled' } },
          destination: {
            bucket: '${aws_s3_bucket.replica-state-bucket.arn}',
            storage_class: 'STANDARD',
            encryption_configuration: { replica_kms_key_id: '${aws_kms_key.replica-key.arn}' },
          },
        },
      ]);
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
