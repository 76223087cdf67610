import { tfStorageTlsOnly as rule } from '../../../constructs/rules/terraform/tf-storage-tls-only';
import { checkTerraform, dataSource, expectCompliant, expectFailure, resource } from '../fixtures';
import { awsStateStore, azureStateStore, viewsOf } from '../storage-fixtures';

const denyInsecure = {
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['${aws_s3_bucket.state.arn}', '${aws_s3_bucket.state.arn}/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

describe('tf-storage-tls-only', () => {
  it('accepts an S3 bucket policy (an aws_iam_policy_document) that denies aws:SecureTransport false', () => {
    const store = awsStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('accepts the same statement written as JSON or with Fn.jsonencode', () => {
    const store = awsStateStore();
    const json = resource('aws_s3_bucket_policy', 'policy', { bucket: '${aws_s3_bucket.state.id}', policy: JSON.stringify({ Version: '2012-10-17', Statement: [denyInsecure] }) });
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf({ ...store, policy: json })));
    const encoded = resource('aws_s3_bucket_policy', 'policy', {
      bucket: '${aws_s3_bucket.state.id}',
      policy:
        '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Deny", "Principal" = "*", "Action" = "s3:*", ' +
        '"Resource" = [aws_s3_bucket.state.arn], "Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}}]})}',
    });
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf({ ...store, policy: encoded })));
  });

  it('rejects an S3 bucket without a policy', () => {
    const store = awsStateStore();
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, policy: undefined })), { field: 'aws_s3_bucket_policy.policy', problem: /no policy/ });
  });

  it('rejects a policy whose deny does not depend on aws:SecureTransport', () => {
    const store = awsStateStore();
    const document = dataSource('aws_iam_policy_document', 'policy-document', {
      statement: [{ effect: 'Deny', principals: [{ type: '*', identifiers: ['*'] }], actions: ['s3:DeleteBucket'], resources: ['*'] }],
    });
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, policyDocument: document })), {
      field: 'aws_s3_bucket_policy.policy',
      problem: /does not deny requests without TLS/,
    });
  });

  it('rejects a policy that cannot be read at synth', () => {
    const store = awsStateStore();
    const computed = resource('aws_s3_bucket_policy', 'policy', { bucket: '${aws_s3_bucket.state.id}', policy: '${file("policy.json")}' });
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, policy: computed })), { field: 'aws_s3_bucket_policy.policy', problem: /cannot be read/ });
  });

  it('accepts an Azure account with TLS 1.2 and HTTPS only, both explicit', () => {
    const { account } = azureStateStore();
    expectCompliant(checkTerraform(rule, account, [account]));
  });

  it('rejects an Azure account with TLS 1.0 or without an explicit HTTPS-only setting', () => {
    const old = resource('azurerm_storage_account', 'old', { min_tls_version: 'TLS1_0', https_traffic_only_enabled: true });
    expectFailure(checkTerraform(rule, old, [old]), { field: 'min_tls_version', value: 'TLS1_0' });
    const implicit = resource('azurerm_storage_account', 'implicit', { min_tls_version: 'TLS1_2' });
    expectFailure(checkTerraform(rule, implicit, [implicit]), { field: 'https_traffic_only_enabled', value: undefined });
  });

  it('does not check GCS buckets, which serve HTTPS only', () => {
    expect(rule.resourceTypes).not.toContain('google_storage_bucket');
  });
});
