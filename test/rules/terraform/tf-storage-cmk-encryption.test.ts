import { tfStorageCmkEncryption as rule } from '../../../constructs/rules/terraform/tf-storage-cmk-encryption';
import { checkTerraform, expectCompliant, expectFailure, resource } from '../fixtures';
import { awsStateStore, azureStateStore, gcpStateStore, viewsOf } from '../storage-fixtures';

describe('tf-storage-cmk-encryption', () => {
  it('accepts an S3 bucket encrypted with aws:kms and a key of the stack', () => {
    const store = awsStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('accepts SSE-S3 on a bucket that receives server access logs (S3 allows nothing else there)', () => {
    const store = awsStateStore();
    expectCompliant(checkTerraform(rule, store.logs, viewsOf(store)));
  });

  it('rejects an S3 bucket without default encryption, even a log bucket', () => {
    const store = awsStateStore();
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, encryption: undefined })), {
      field: /apply_server_side_encryption_by_default$/,
      problem: /no default encryption/,
    });
    expectFailure(checkTerraform(rule, store.logs, viewsOf({ ...store, logsEncryption: undefined })), { field: /apply_server_side_encryption_by_default$/ });
  });

  it('rejects SSE-S3 and the AWS-managed aws/s3 key on a state bucket', () => {
    const store = awsStateStore();
    const sseS3 = resource('aws_s3_bucket_server_side_encryption_configuration', 'encryption', {
      bucket: '${aws_s3_bucket.state.id}',
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, encryption: sseS3 })), { field: /sse_algorithm$/, value: 'AES256' });
    const awsManaged = resource('aws_s3_bucket_server_side_encryption_configuration', 'encryption', {
      bucket: '${aws_s3_bucket.state.id}',
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/aws/s3' } }],
    });
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, encryption: awsManaged })), { field: /kms_master_key_id$/, value: 'alias/aws/s3' });
  });

  it('accepts the deprecated inline server_side_encryption_configuration block and literal bucket names', () => {
    const inline = resource('aws_s3_bucket', 'old', {
      bucket: 'acme-old',
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:eu-west-1:1:key/x' }] }] },
      ],
    });
    expectCompliant(checkTerraform(rule, inline, [inline]));
    const named = resource('aws_s3_bucket', 'named', { bucket: 'acme-named' });
    const config = resource('aws_s3_bucket_server_side_encryption_configuration', 'named-encryption', {
      bucket: 'acme-named',
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:eu-west-1:1:key/x' } }],
    });
    expectCompliant(checkTerraform(rule, named, [named, config]));
  });

  it('accepts an Azure storage account with a customer-managed key, inline or as its own resource', () => {
    const { account } = azureStateStore();
    expectCompliant(checkTerraform(rule, account, [account]));
    const plain = resource('azurerm_storage_account', 'plain', { name: 'plain' });
    const key = resource('azurerm_storage_account_customer_managed_key', 'cmk', {
      storage_account_id: '${azurerm_storage_account.plain.id}',
      key_vault_id: 'x',
      key_name: 'state',
    });
    expectCompliant(checkTerraform(rule, plain, [plain, key]));
  });

  it('rejects an Azure storage account encrypted with Microsoft-managed keys only', () => {
    const plain = resource('azurerm_storage_account', 'plain', { name: 'plain' });
    expectFailure(checkTerraform(rule, plain, [plain]), { field: 'customer_managed_key', problem: /Microsoft-managed/ });
  });

  it('accepts a GCS bucket with a default KMS key', () => {
    const store = gcpStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('rejects a GCS bucket with Google-managed keys only', () => {
    const googleManaged = resource('google_storage_bucket', 'plain', { name: 'plain', location: 'EU' });
    expectFailure(checkTerraform(rule, googleManaged, [googleManaged]), { field: 'encryption.default_kms_key_name', value: undefined });
  });
});
