import { tfStoragePublicAccessBlocked as rule } from '../../../constructs/rules/terraform/tf-storage-public-access-blocked';
import { checkTerraform, expectCompliant, expectFailure, resource } from '../fixtures';
import { awsStateStore, azureStateStore, gcpStateStore, viewsOf } from '../storage-fixtures';

describe('tf-storage-public-access-blocked', () => {
  it('accepts an S3 bucket whose public access block sets all four flags', () => {
    const store = awsStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('rejects an S3 bucket without a public access block', () => {
    const store = awsStateStore();
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, publicAccess: undefined })), { field: 'aws_s3_bucket_public_access_block' });
  });

  it('rejects a public access block with one flag off, naming the flag', () => {
    const store = awsStateStore();
    const partial = resource('aws_s3_bucket_public_access_block', 'public-access', {
      bucket: '${aws_s3_bucket.state.id}',
      block_public_acls: true,
      block_public_policy: false,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, publicAccess: partial })), {
      field: 'aws_s3_bucket_public_access_block.block_public_policy',
      value: false,
    });
  });

  it('accepts Azure with allow_nested_items_to_be_public false', () => {
    const { account } = azureStateStore();
    expectCompliant(checkTerraform(rule, account, [account]));
  });

  it('rejects Azure with the provider default for allow_nested_items_to_be_public', () => {
    const defaulted = resource('azurerm_storage_account', 'defaulted', { name: 'x' });
    expectFailure(checkTerraform(rule, defaulted, [defaulted]), { field: 'allow_nested_items_to_be_public', value: undefined, problem: /default is true/ });
  });

  it('accepts GCS with public_access_prevention enforced', () => {
    const store = gcpStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('rejects GCS with public_access_prevention inherited', () => {
    const inherited = resource('google_storage_bucket', 'open', { name: 'open', public_access_prevention: 'inherited' });
    expectFailure(checkTerraform(rule, inherited, [inherited]), { field: 'public_access_prevention', value: 'inherited' });
  });
});
