import { Testing } from 'cdktf';
import { backupKeyAliasName, backupStore } from '../../../constructs/core/backup-contract';
import { AwsFoundationStack } from '../../../constructs/terraform/aws/foundation-stack';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import type { EnvironmentSpec } from '../../../environments/types';
import { TF_PRODUCTION, TF_STAGING } from '../terraform-fixtures';
import { block, blocksOf, synthJson } from '../terraform-json';
import { statements } from './aws-test-helpers';

function foundation(spec: EnvironmentSpec): Record<string, unknown> {
  return synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));
}

describe.each([
  ['staging', TF_STAGING],
  ['production', TF_PRODUCTION],
])('the AWS backup store of %s', (_tier, spec) => {
  const json = foundation(spec);
  const store = backupStore(spec, 'aws')!;

  it('is the bucket the backup contract names, protected from destroy, within S3 name limits', () => {
    expect(block(json, 'aws_s3_bucket', 'backups-bucket')).toMatchObject({ bucket: store.bucket, lifecycle: { prevent_destroy: true } });
    expect(store.bucket).toBe(`${spec.name}-velero-backups-${spec.clouds.aws!.accountId}`);
    expect(store.bucket.length).toBeLessThanOrEqual(63);
  });

  it('is encrypted with a rotated key of its own behind the alias Velero names in every upload', () => {
    expect(block(json, 'aws_kms_key', 'backups-key')).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(block(json, 'aws_kms_alias', 'backups-key-alias')).toMatchObject({ name: backupKeyAliasName(spec.name), target_key_id: '${aws_kms_key.backups-key.key_id}' });
    expect(store.kmsKeyId).toBe(`arn:aws:kms:${store.region}:${spec.clouds.aws!.accountId}:${backupKeyAliasName(spec.name)}`);
    expect(block(json, 'aws_s3_bucket_server_side_encryption_configuration', 'backups-encryption').rule).toEqual([
      { bucket_key_enabled: true, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.backups-key.arn}' } },
    ]);
  });

  it('is versioned, blocks every kind of public access and disables ACLs', () => {
    expect(block(json, 'aws_s3_bucket_versioning', 'backups-versioning')).toMatchObject({ versioning_configuration: { status: 'Enabled' } });
    expect(block(json, 'aws_s3_bucket_public_access_block', 'backups-public-access')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(block(json, 'aws_s3_bucket_ownership_controls', 'backups-ownership').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
  });

  it('refuses plain HTTP and uploads without SSE-KMS', () => {
    const sids = statements(json, 'backups-policy-document').map((s) => [s.sid, s.effect]);
    expect(sids).toEqual([
      ['DenyInsecureTransport', 'Deny'],
      ['DenyNonKmsObjectUploads', 'Deny'],
    ]);
    expect(statements(json, 'backups-policy-document')[0]!.condition).toEqual([{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }]);
  });

  it('expires only what Velero deleted or replaced, after backup.deletedBackupRetentionDays, never a current backup', () => {
    const rules = block(json, 'aws_s3_bucket_lifecycle_configuration', 'backups-lifecycle').rule as Record<string, unknown>[];
    expect(rules.map((r) => r.id)).toEqual(['abort-incomplete-uploads', 'expire-noncurrent-versions']);
    expect(rules[1]).toMatchObject({
      noncurrent_version_expiration: [{ noncurrent_days: spec.backup.deletedBackupRetentionDays }],
      expiration: [{ expired_object_delete_marker: true }],
    });
    expect(JSON.stringify(rules)).not.toMatch(/"days":/);
  });

  it('logs every access to a log bucket of its own', () => {
    expect(block(json, 'aws_s3_bucket_logging', 'backups-logging')).toMatchObject({
      target_bucket: '${aws_s3_bucket.backups-log-bucket.id}',
      target_prefix: 'velero-backups/',
    });
    expect(block(json, 'aws_s3_bucket', 'backups-log-bucket').bucket).toBe(`${store.bucket}-logs`);
  });

  it('may be created by the CI apply role (its bucket prefixes name the store)', () => {
    const apply = statements(json, 'ci-apply-document').flatMap((s) => s.resources ?? []);
    expect(apply).toEqual(expect.arrayContaining([`arn:aws:s3:::${store.bucket}*`, `arn:aws:s3:::${store.bucket}*/*`]));
  });

  it('publishes the bucket and key ARNs the cluster stacks grant Velero', () => {
    const outputs = json.output as Record<string, { value: string }>;
    expect(outputs.backup_bucket_arn!.value).toBe('${aws_s3_bucket.backups-bucket.arn}');
    expect(outputs.backup_key_arn!.value).toBe('${aws_kms_key.backups-key.arn}');
  });
});

describe('replication of the AWS backup store', () => {
  it('is absent without backup.replicated (staging)', () => {
    const json = foundation(TF_STAGING);
    expect(TF_STAGING.backup.replicated).toBeUndefined();
    expect(Object.keys(blocksOf(json, 'aws_s3_bucket')).filter((name) => name.startsWith('backups-replica'))).toEqual([]);
  });

  it('is absent in an environment that has a state replica but does not replicate its backups', () => {
    const json = foundation({ ...TF_PRODUCTION, backup: { ...TF_PRODUCTION.backup, replicated: false } });
    expect(Object.keys(blocksOf(json, 'aws_s3_bucket_replication_configuration'))).toEqual(['replica-replication', 'reports-replica-replication']);
  });

  it("copies production's backups, delete markers included, to the state replica's region under a key of that region", () => {
    const json = foundation(TF_PRODUCTION);
    const region = TF_PRODUCTION.infrastructure.stateReplica!.aws!;
    const bucket = backupStore(TF_PRODUCTION, 'aws')!.bucket;
    expect(block(json, 'aws_s3_bucket', 'backups-replica-backups-bucket')).toMatchObject({ provider: 'aws.replica', bucket: `${bucket}-${region}` });
    expect(block(json, 'aws_kms_alias', 'backups-replica-key-alias')).toMatchObject({ provider: 'aws.replica', name: `${backupKeyAliasName(TF_PRODUCTION.name)}-replica` });
    const replication = block(json, 'aws_s3_bucket_replication_configuration', 'backups-replica-replication');
    expect(replication.bucket).toBe('${aws_s3_bucket.backups-bucket.id}');
    expect(replication.rule).toEqual([expect.objectContaining({ delete_marker_replication: { status: 'Enabled' } })]);
    const copyRules = block(json, 'aws_s3_bucket_lifecycle_configuration', 'backups-replica-backups-lifecycle').rule as Record<string, unknown>[];
    expect(copyRules.map((r) => r.id)).toEqual(['abort-incomplete-uploads', 'expire-noncurrent-versions']);
  });

  it('refuses backup.replicated without a state replica on the cloud', () => {
    const spec: EnvironmentSpec = { ...TF_STAGING, backup: { ...TF_STAGING.backup, replicated: true } };
    expect(() => foundation(spec)).toThrow(/backup\.replicated is true, but infrastructure\.stateReplica\.aws is not set/);
  });
});
