import { backupStore } from '../../../constructs/core/backup-contract';
import { tfStorageVersionRetention as rule } from '../../../constructs/rules/terraform/tf-storage-version-retention';
import type { TerraformResourceView } from '../../../constructs/rules/types';
import { checkTerraform, expectCompliant, expectFailure, prod, ref, resource } from '../../rules/fixtures';

/** A versioned S3 bucket named `name` whose old versions expire after `days`. */
function versionedBucket(name: string, days: number): { bucket: TerraformResourceView; views: TerraformResourceView[] } {
  const bucket = resource('aws_s3_bucket', name.replace(/[^a-z0-9-]/g, '-'), { bucket: name });
  const versioning = resource('aws_s3_bucket_versioning', 'versioning', { bucket: ref(bucket, 'id'), versioning_configuration: { status: 'Enabled' } });
  const lifecycle = resource('aws_s3_bucket_lifecycle_configuration', 'lifecycle', {
    bucket: ref(bucket, 'id'),
    rule: [{ status: 'Enabled', noncurrent_version_expiration: [{ noncurrent_days: days }] }],
  });
  return { bucket, views: [bucket, versioning, lifecycle] };
}

describe('tf-storage-version-retention on the backup stores', () => {
  const store = backupStore(prod, 'aws')!.bucket;
  const backupDays = prod.backup.deletedBackupRetentionDays;
  const stateDays = prod.infrastructure.stateVersionRetentionDays;

  it('differs between the fixture backup retention and state retention, so the cases below tell them apart', () => {
    expect(backupDays).not.toBe(stateDays);
  });

  it('accepts the backup store and its copy expiring old versions after backup.deletedBackupRetentionDays', () => {
    for (const name of [store, `${store}-eu-central-1`]) {
      const { bucket, views } = versionedBucket(name, backupDays);
      expectCompliant(checkTerraform(rule, bucket, views, prod));
    }
  });

  it('rejects the backup store keeping old versions as long as the state, naming the backup field', () => {
    const { bucket, views } = versionedBucket(store, stateDays);
    expectFailure(checkTerraform(rule, bucket, views, prod), {
      field: /noncurrent_days$/,
      value: stateDays,
      problem: new RegExp(`not the ${backupDays} days of backup\\.deletedBackupRetentionDays`),
      fix: new RegExp(`noncurrent_days = ${backupDays}`),
    });
  });

  it('still holds every other versioned bucket to the state retention', () => {
    const { bucket, views } = versionedBucket(`other-${store}`, backupDays);
    expectFailure(checkTerraform(rule, bucket, views, prod), { field: /noncurrent_days$/, problem: /infrastructure\.stateVersionRetentionDays/ });
  });
});
