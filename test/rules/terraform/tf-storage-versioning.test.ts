import { tfStorageVersioning as rule } from '../../../constructs/rules/terraform/tf-storage-versioning';
import { checkTerraform, expectCompliant, expectFailure, expectNotApplicable, resource } from '../fixtures';
import { awsStateStore, azureStateStore, gcpStateStore, viewsOf } from '../storage-fixtures';

describe('tf-storage-versioning', () => {
  it('accepts an S3 bucket with an enabled aws_s3_bucket_versioning', () => {
    const store = awsStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('rejects an S3 bucket without versioning, or with versioning suspended', () => {
    const store = awsStateStore();
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, versioning: undefined })), {
      field: 'aws_s3_bucket_versioning.versioning_configuration.status',
      fix: /aws_s3_bucket_versioning/,
    });
    const suspended = resource('aws_s3_bucket_versioning', 'versioning', { bucket: '${aws_s3_bucket.state.id}', versioning_configuration: { status: 'Suspended' } });
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, versioning: suspended })), { field: /status$/ });
  });

  it('does not check access-log buckets', () => {
    const store = awsStateStore();
    expectNotApplicable(checkTerraform(rule, store.logs, viewsOf(store)));
  });

  it('accepts Azure blob versioning', () => {
    const { account } = azureStateStore();
    expectCompliant(checkTerraform(rule, account, [account]));
  });

  it('rejects an Azure account without blob versioning', () => {
    const off = resource('azurerm_storage_account', 'off', { name: 'off', blob_properties: { versioning_enabled: false } });
    expectFailure(checkTerraform(rule, off, [off]), { field: 'blob_properties.versioning_enabled', value: false });
  });

  it('accepts GCS versioning', () => {
    const store = gcpStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('rejects a GCS bucket without versioning', () => {
    const off = resource('google_storage_bucket', 'off', { name: 'off' });
    expectFailure(checkTerraform(rule, off, [off]), { field: 'versioning.enabled', value: undefined });
  });
});
