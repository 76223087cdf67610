import { backupStore, VELERO_WORKLOAD } from '../../../constructs/core/backup-contract';
import { gcpWorkloadServiceAccountId } from '../../../constructs/core/observability-contract';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import type { EnvironmentSpec } from '../../../environments/types';
import { TF_DEVELOPMENT, TF_PRODUCTION_GCP } from '../terraform-fixtures';
import { block, blocksOf } from '../terraform-json';
import { foundationJson, GKE_CASES, gcpJson } from './gcp-test-helpers';

describe.each([
  ['development', TF_DEVELOPMENT],
  ['production', TF_PRODUCTION_GCP],
] as const)('the GCP backup store of %s', (_tier, spec: EnvironmentSpec) => {
  const json = foundationJson(spec);
  const store = backupStore(spec, 'gcp')!;
  const bucket = block(json, 'google_storage_bucket', 'backups-bucket');
  const project = spec.clouds.gcp!;
  const replica = spec.backup.replicated === true ? spec.infrastructure.stateReplica?.gcp : undefined;

  it('is the bucket the backup contract names, never destroyed, within the bucket name limits', () => {
    expect(bucket).toMatchObject({ name: store.bucket, force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(store.bucket).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
  });

  it('is encrypted by default with a rotated key of its own, which only the Cloud Storage service agent may use', () => {
    expect(bucket.encryption).toEqual({ default_kms_key_name: '${google_kms_crypto_key.backups-key-key.id}' });
    expect(block(json, 'google_kms_key_ring', 'backups-key-ring')).toMatchObject({ name: 'velero-backups', location: replica === undefined ? project.region : 'europe' });
    expect(block(json, 'google_kms_crypto_key', 'backups-key-key')).toMatchObject({ rotation_period: `${90 * 24 * 3600}s`, lifecycle: { prevent_destroy: true } });
    expect(block(json, 'google_kms_crypto_key_iam_member', 'backups-key-storage-agent')).toMatchObject({
      crypto_key_id: '${google_kms_crypto_key.backups-key-key.id}',
      member: '${data.google_storage_project_service_account.storage-agent.member}',
    });
    expect(bucket.depends_on).toEqual(['google_kms_crypto_key_iam_member.backups-key-storage-agent']);
  });

  it('allows IAM access only (uniform bucket-level access) and prevents public access', () => {
    expect(bucket).toMatchObject({ uniform_bucket_level_access: true, public_access_prevention: 'enforced' });
  });

  it('is versioned and deletes only noncurrent versions, after backup.deletedBackupRetentionDays', () => {
    expect(bucket.versioning).toEqual({ enabled: true });
    expect(bucket.lifecycle_rule).toEqual([
      { action: { type: 'Delete' }, condition: { days_since_noncurrent_time: spec.backup.deletedBackupRetentionDays, with_state: 'ARCHIVED' } },
    ]);
  });

  it("is a dual-region with the state replica's region only where backups are replicated", () => {
    expect(bucket.location).toBe(replica === undefined ? project.region : 'EU');
    expect(bucket.custom_placement_config).toEqual(replica === undefined ? undefined : { data_locations: [project.region.toUpperCase(), replica.toUpperCase()] });
    expect(replica === undefined).toBe(spec.tier !== 'production');
  });

  it("logs access into the state's log bucket", () => {
    expect(bucket.logging).toEqual({ log_bucket: '${google_storage_bucket.log-bucket.name}', log_object_prefix: store.bucket });
  });
});

it('refuses backup.replicated without a GCP state replica', () => {
  const spec: EnvironmentSpec = { ...TF_DEVELOPMENT, backup: { ...TF_DEVELOPMENT.backup, replicated: true } };
  expect(spec.infrastructure.stateReplica?.gcp).toBeUndefined();
  expect(() => foundationJson(spec)).toThrow(/backup\.replicated is true, but infrastructure\.stateReplica\.gcp is not set/);
});

describe.each(GKE_CASES)("Velero's service account on %s", (_name, spec, cluster) => {
  const json = gcpJson(spec, clusterStackName('gcp', cluster.name));
  const member = '${google_service_account.velero.member}';

  it('is impersonated by velero/velero alone, through the workload pool', () => {
    expect(block(json, 'google_service_account', 'velero').account_id).toBe(gcpWorkloadServiceAccountId(cluster, 'velero'));
    expect(block(json, 'google_service_account_iam_member', 'velero-workload-identity')).toMatchObject({
      role: 'roles/iam.workloadIdentityUser',
      member: `serviceAccount:${spec.clouds.gcp!.projectId}.svc.id.goog[${VELERO_WORKLOAD.namespace}/${VELERO_WORKLOAD.serviceAccount}]`,
    });
  });

  it("may use objects below its cluster's prefix of the backup bucket (and list the bucket), nothing else", () => {
    const grants = Object.values(blocksOf(json, 'google_storage_bucket_iam_member')).filter((g) => g.member === member);
    const bucket = '${data.terraform_remote_state.foundation.outputs.backup_bucket}';
    expect(grants).toEqual([
      {
        bucket,
        member,
        role: 'roles/storage.objectUser',
        condition: expect.objectContaining({
          expression: `resource.type == 'storage.googleapis.com/Bucket' || resource.name.startsWith('projects/_/buckets/${bucket}/objects/${cluster.name}/')`,
        }),
      },
    ]);
    expect(Object.values(blocksOf(json, 'google_project_iam_member')).filter((g) => g.member === member)).toEqual([]);
  });

  it('may sign URLs as itself only (signBlob for velero backup logs and describe)', () => {
    const onAccounts = Object.values(blocksOf(json, 'google_service_account_iam_member')).filter((g) => g.member === member);
    expect(onAccounts).toEqual([{ service_account_id: '${google_service_account.velero.name}', role: 'roles/iam.serviceAccountTokenCreator', member }]);
  });
});
