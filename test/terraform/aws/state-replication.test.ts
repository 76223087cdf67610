import { Testing } from 'cdktf';
import { complianceReportStore } from '../../../constructs/core/observability-contract';
import { AwsComplianceReportStore } from '../../../constructs/terraform/aws/compliance-report-store';
import { AwsFoundationStack } from '../../../constructs/terraform/aws/foundation-stack';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import { TF_PRODUCTION, TF_STAGING } from '../terraform-fixtures';
import { at, block, blocksOf, synthJson } from '../terraform-json';
import { statements } from './aws-test-helpers';

describe('state replication', () => {
  it('is absent where the spec sets no AWS state replica (staging)', () => {
    const spec = TF_STAGING;
    expect(spec.infrastructure.stateReplica?.aws).toBeUndefined();
    const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));
    expect(blocksOf(json, 'aws_s3_bucket_replication_configuration')).toEqual({});
    expect(at(json, 'provider', 'aws')).toHaveLength(1);
  });

  describe('in prod, to the spec region', () => {
    const spec = TF_PRODUCTION;
    const account = spec.clouds.aws!;
    const replicaRegion = spec.infrastructure.stateReplica!.aws!;
    const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));

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
        bucket: `${spec.infrastructure.organisationPrefix}-tfstate-${spec.name}-${account.accountId}-${replicaRegion}`,
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
        bucket: `${spec.infrastructure.organisationPrefix}-tfstate-logs-${spec.name}-${account.accountId}-${replicaRegion}`,
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
    const spec = TF_STAGING;
    const stack = new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec });
    const store = { ...complianceReportStore(spec, 'aws')!, region: 'us-east-1' };
    expect(() => new AwsComplianceReportStore(stack, 'elsewhere', { environment: spec.name, account: spec.clouds.aws!, store, versionRetentionDays: 30 })).toThrow(
      `report store is in us-east-1, the environment's AWS region is ${spec.clouds.aws!.region}`,
    );
  });

  it('rejects a replica in the region of the state itself', () => {
    const prod = TF_PRODUCTION;
    const spec = { ...prod, infrastructure: { ...prod.infrastructure, stateReplica: { aws: prod.clouds.aws!.region } } };
    expect(() => new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec })).toThrow(`replica region ${prod.clouds.aws!.region} is the source region`);
  });
});
