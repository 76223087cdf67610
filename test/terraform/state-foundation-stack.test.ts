import { Testing } from 'cdktf';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { stateBucketName } from '../../constructs/terraform/aws/s3-state-backend';
import { StateFoundationStack } from '../../constructs/terraform/aws/state-foundation-stack';
import { renderStack } from '../../constructs/terraform/render-stack';
import { ENVIRONMENTS } from '../../environments';
import { isRecord } from './hcl-json';

const awsEnvironments = ENVIRONMENTS.filter((spec) => spec.clouds.aws !== undefined);

/** Follows `keys` through nested objects, failing with the path when one is missing. */
function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const [i, key] of keys.entries()) {
    if (!isRecord(current) || !(key in current)) throw new Error(`missing ${keys.slice(0, i + 1).join('.')}`);
    current = current[key];
  }
  return current;
}

describe.each(awsEnvironments.map((spec) => [spec.name, spec] as const))('StateFoundationStack in %s', (env, spec) => {
  const account = spec.clouds.aws!;
  const stack = new StateFoundationStack(Testing.app(), StateFoundationStack.LAYER, StateFoundationStack.propsFromSpec(spec)!);
  const synth = Testing.synth(stack);
  let json: Record<string, unknown>;
  let violations: unknown[];

  beforeAll(async () => {
    const rendered = await renderStack(stack, env);
    json = rendered.json;
    violations = rendered.violations;
  });

  it('renders without violations', () => {
    expect(violations).toEqual([]);
  });

  it('enables versioning on the state bucket', () => {
    expect(Testing.toHaveResourceWithProperties(synth, S3BucketVersioningA.tfResourceType, {
      versioning_configuration: { status: 'Enabled' },
    })).toBe(true);
  });

  it('encrypts the bucket by default with the customer-managed key and a bucket key', () => {
    const rule = at(json, 'resource', S3BucketServerSideEncryptionConfigurationA.tfResourceType, 'encryption', 'rule');
    expect(rule).toEqual([
      {
        bucket_key_enabled: true,
        apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.key.arn}' },
      },
    ]);
  });

  it('rotates the KMS key and protects it from destroy', () => {
    expect(at(json, 'resource', KmsKey.tfResourceType, 'key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
    expect(at(json, 'resource', KmsAlias.tfResourceType, 'key-alias', 'name')).toBe(`alias/${env}-tfstate`);
  });

  it('names the bucket from the environment and the account and protects it from destroy', () => {
    expect(at(json, 'resource', S3Bucket.tfResourceType, 'bucket')).toMatchObject({
      bucket: `acme-tfstate-${env}-${account.accountId}`,
      lifecycle: { prevent_destroy: true },
    });
  });

  it('blocks every kind of public access', () => {
    expect(Testing.toHaveResourceWithProperties(synth, S3BucketPublicAccessBlock.tfResourceType, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    })).toBe(true);
  });

  it('disables ACLs by enforcing bucket-owner ownership', () => {
    expect(Testing.toHaveResourceWithProperties(synth, S3BucketOwnershipControls.tfResourceType, {
      rule: { object_ownership: 'BucketOwnerEnforced' },
    })).toBe(true);
  });

  it('denies every request without TLS and every upload with an encryption other than KMS', () => {
    const statements = at(json, 'data', DataAwsIamPolicyDocument.tfResourceType, 'policy-document', 'statement');
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          effect: 'Deny',
          actions: ['s3:*'],
          principals: [{ type: '*', identifiers: ['*'] }],
          resources: ['${aws_s3_bucket.bucket.arn}', '${aws_s3_bucket.bucket.arn}/*'],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        }),
        expect.objectContaining({
          effect: 'Deny',
          actions: ['s3:PutObject'],
          condition: [{ test: 'StringNotEqualsIfExists', variable: 's3:x-amz-server-side-encryption', values: ['aws:kms'] }],
        }),
      ]),
    );
    expect(at(json, 'resource', 'aws_s3_bucket_policy', 'policy', 'policy')).toBe(
      '${data.aws_iam_policy_document.policy-document.json}',
    );
  });

  it('keeps its own state in its bucket, encrypted with the state key and locked by a lock file', () => {
    const backends = at(json, 'terraform', 'backend');
    expect(backends).toEqual({
      s3: {
        bucket: stateBucketName(env, account),
        key: 'aws-foundation/terraform.tfstate',
        region: account.region,
        encrypt: true,
        kms_key_id: `arn:aws:kms:${account.region}:${account.accountId}:alias/${env}-tfstate`,
        use_lockfile: true,
      },
    });
    // Relative key: no leading slash, no absolute path of the machine that synthesized it.
    expect(at(backends, 's3', 'key')).toMatch(/^[a-z0-9-]+\/terraform\.tfstate$/);
    expect(JSON.stringify(json)).not.toMatch(/"local"|dynamodb/);
  });

  it('tags every resource through the provider default tags and pins the account', () => {
    expect(Testing.toHaveProviderWithProperties(synth, 'aws', {
      region: account.region,
      allowed_account_ids: [account.accountId],
      default_tags: [
        { tags: { env, owner: spec.owner, 'cost-centre': spec.costCentre, 'managed-by': 'gitops-cdk' } },
      ],
    })).toBe(true);
  });

  it('outputs the bucket name and the key ARN', () => {
    expect(at(json, 'output')).toEqual({
      bucket_name: expect.objectContaining({ value: '${aws_s3_bucket.bucket.bucket}' }),
      key_arn: expect.objectContaining({ value: '${aws_kms_key.key.arn}' }),
    });
  });
});
