import { tfStorageVersionRetention as rule } from '../../../constructs/rules/terraform/tf-storage-version-retention';
import { checkTerraform, dev, expectCompliant, expectFailure, expectNotApplicable, prod, resource } from '../fixtures';
import { awsStateStore, azureStateStore, gcpStateStore, viewsOf } from '../storage-fixtures';

describe('tf-storage-version-retention', () => {
  it("accepts an S3 lifecycle rule that expires old versions after the spec's retention", () => {
    const store = awsStateStore(prod);
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store), prod));
  });

  it('rejects a versioned S3 bucket without a lifecycle rule for old versions', () => {
    const store = awsStateStore(prod);
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, lifecycle: undefined }), prod), {
      field: /noncurrent_days$/,
      problem: /kept forever/,
      fix: new RegExp(`noncurrent_days = ${prod.infrastructure.stateVersionRetentionDays}`),
    });
  });

  it('rejects a retention other than infrastructure.stateVersionRetentionDays, and a disabled rule', () => {
    const store = awsStateStore(dev);
    expect(dev.infrastructure.stateVersionRetentionDays).not.toBe(prod.infrastructure.stateVersionRetentionDays);
    expectFailure(checkTerraform(rule, store.bucket, viewsOf(store), prod), { field: /noncurrent_days$/, value: dev.infrastructure.stateVersionRetentionDays });
    const disabled = resource('aws_s3_bucket_lifecycle_configuration', 'lifecycle', {
      bucket: '${aws_s3_bucket.state.id}',
      rule: [{ status: 'Disabled', noncurrent_version_expiration: [{ noncurrent_days: prod.infrastructure.stateVersionRetentionDays }] }],
    });
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, lifecycle: disabled }), prod), { field: /noncurrent_days$/, problem: /kept forever/ });
  });

  it('does not check unversioned buckets', () => {
    const store = awsStateStore(prod);
    expectNotApplicable(checkTerraform(rule, store.logs, viewsOf(store), prod));
  });

  it('accepts an Azure management policy on versions', () => {
    const store = azureStateStore(prod);
    expectCompliant(checkTerraform(rule, store.account, viewsOf(store), prod));
  });

  it('rejects an Azure account without a management policy', () => {
    const store = azureStateStore(prod);
    expectFailure(checkTerraform(rule, store.account, viewsOf({ ...store, management: undefined }), prod), { field: /delete_after_days_since_creation$/ });
  });

  it('accepts a GCS delete rule on noncurrent versions', () => {
    const store = gcpStateStore(prod);
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store), prod));
  });

  it('rejects a versioned GCS bucket without one', () => {
    const forever = resource('google_storage_bucket', 'forever', { name: 'forever', versioning: { enabled: true } });
    expectFailure(checkTerraform(rule, forever, [forever], prod), { field: 'lifecycle_rule.condition.days_since_noncurrent_time' });
  });
});
