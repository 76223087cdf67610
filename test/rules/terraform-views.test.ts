import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { TerraformBackend, TerraformStack } from 'cdktf';
import { terraformViewsOf } from '../../constructs/rules/inspect/terraform-views';
import { staging, tagsOf } from './fixtures';
import { StateStoreStack, testApp } from './stacks';

describe('terraformViewsOf', () => {
  const app = testApp();
  const stack = new StateStoreStack(app, 'aws-foundation');
  const views = terraformViewsOf(stack, 'aws-foundation').map((v) => v.view);
  const byAddress = (address: string) => views.find((v) => v.address === address);

  it('shows resources under their Terraform address, with the stable stack name and construct path', () => {
    const bucket = byAddress('aws_s3_bucket.bucket');
    expect(bucket).toMatchObject({ stack: 'aws-foundation', type: 'aws_s3_bucket', name: 'bucket', mode: 'managed', path: 'aws-foundation/bucket' });
    expect(bucket?.attributes).toEqual({ bucket: `acme-tfstate-${staging.name}` });
  });

  it('resolves references to `${type.name.attr}` strings and nested blocks to snake_case JSON', () => {
    expect(byAddress('aws_s3_bucket_versioning.versioning')?.attributes).toEqual({
      bucket: '${aws_s3_bucket.bucket.id}',
      versioning_configuration: { status: 'Enabled' },
    });
    expect(byAddress('aws_s3_bucket_policy.policy')?.attributes.policy).toBe('${data.aws_iam_policy_document.policy-document.json}');
  });

  it('includes data sources and provider blocks, addressed as Terraform does', () => {
    expect(byAddress('data.aws_iam_policy_document.policy-document')).toMatchObject({ mode: 'data', type: 'aws_iam_policy_document' });
    expect(byAddress('provider.aws')).toMatchObject({ mode: 'provider', type: 'aws', name: 'default' });
    expect(byAddress('provider.aws')?.attributes.default_tags).toEqual([{ tags: tagsOf(staging) }]);
  });

  it('reads from the provider schema which types are taggable', () => {
    expect(byAddress('aws_s3_bucket.bucket')?.tagAttribute).toBe('tags');
    expect(byAddress('aws_kms_key.key')?.tagAttribute).toBe('tags');
    expect(byAddress('aws_s3_bucket_versioning.versioning')?.tagAttribute).toBeUndefined();
  });

  it("drops cdktf's // metadata", () => {
    for (const view of views) expect(Object.keys(view.attributes)).not.toContain('//');
  });

  it('changes nothing: no (local) backend is added to a stack without one', () => {
    const bare = new TerraformStack(testApp(), 'bare');
    new AwsProvider(bare, 'aws', { region: 'eu-west-1' });
    new S3Bucket(bare, 'bucket', { bucket: 'x' });
    const before = bare.node.findAll().length;
    expect(terraformViewsOf(bare, 'bare').map((v) => v.view.address)).toEqual(['provider.aws', 'aws_s3_bucket.bucket']);
    expect(bare.node.findAll().length).toBe(before);
    expect(bare.node.findAll().some((c) => TerraformBackend.isBackend(c))).toBe(false);
  });
});
