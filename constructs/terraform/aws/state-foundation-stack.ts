import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { AwsAccount, EnvironmentSpec } from '../../../environments/types';
import { addS3StateBackend, stateBucketName, stateKeyAliasName } from './s3-state-backend';

export interface StateFoundationStackProps {
  /** Environment name; names the bucket, the key alias and the `env` tag. */
  readonly environment: string;
  /** Team tagged as `owner` on every resource. */
  readonly owner: string;
  /** Tagged as `cost-centre` on every resource. */
  readonly costCentre: string;
  /** Account and region of the state store; the provider refuses any other account. */
  readonly account: AwsAccount;
}

/**
 * The Terraform state store of one AWS environment: a versioned, KMS-encrypted, private, TLS-only
 * S3 bucket and its customer-managed key. Every other AWS stack of the environment keeps its state
 * here (see `addS3StateBackend`).
 *
 * The stack keeps its own state in the bucket it creates, so the first apply is a bootstrap:
 *
 * 1. Comment out the backend (or run `terraform init -backend=false`) and apply with a local
 *    backend: `terraform init && terraform apply` creates the key, the alias and the bucket.
 * 2. Restore the synthesized `backend "s3"` block and run `terraform init -migrate-state`, which
 *    copies the local state into `aws-foundation/terraform.tfstate` in the new bucket.
 * 3. Delete the local `terraform.tfstate*` files; from now on plans and applies use the bucket.
 *
 * The bucket and the key are `prevent_destroy`: destroying either loses every state of the
 * environment (a scheduled key deletion makes the state unreadable).
 */
export class StateFoundationStack extends TerraformStack {
  /** Layer name: the construct id in per-environment apps and the stack's state object key. */
  static readonly LAYER = 'aws-foundation';

  /** Builds the props from an environment spec; `undefined` when the environment has no AWS account. */
  static propsFromSpec(spec: EnvironmentSpec): StateFoundationStackProps | undefined {
    const account = spec.clouds.aws;
    if (account === undefined) return undefined;
    return { environment: spec.name, owner: spec.owner, costCentre: spec.costCentre, account };
  }

  readonly bucket: S3Bucket;
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: StateFoundationStackProps) {
    super(scope, id);
    const { environment, account } = props;

    new AwsProvider(this, 'aws', {
      region: account.region,
      allowedAccountIds: [account.accountId],
      // Tags required on every resource by the guardrails; default_tags applies them provider-wide
      // so that a resource added later cannot forget them.
      defaultTags: [
        {
          tags: {
            env: environment,
            owner: props.owner,
            'cost-centre': props.costCentre,
            'managed-by': 'gitops-cdk',
          },
        },
      ],
    });

    addS3StateBackend(this, { environment, account, stackName: StateFoundationStack.LAYER });

    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the Terraform state of ${environment}`,
      enableKeyRotation: true,
      // Longest window: a key scheduled for deletion by mistake can be cancelled for 30 days.
      deletionWindowInDays: 30,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'key-alias', { name: stateKeyAliasName(environment), targetKeyId: this.key.keyId });

    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: stateBucketName(environment, account),
      lifecycle: { preventDestroy: true },
    });
    const bucketId = this.bucket.id;

    // Every earlier version of a state file stays recoverable after a bad apply or a corrupt write.
    new S3BucketVersioningA(this, 'versioning', {
      bucket: bucketId,
      versioningConfiguration: { status: 'Enabled' },
    });

    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: bucketId,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.arn },
          // One data key per bucket instead of one KMS call per object: cheaper, same protection.
          bucketKeyEnabled: true,
        },
      ],
    });

    const publicAccess = new S3BucketPublicAccessBlock(this, 'public-access', {
      bucket: bucketId,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    // ACLs disabled: the bucket policy is the only access grant to review.
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket: bucketId,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });

    const everyone = [{ type: '*', identifiers: ['*'] }];
    const policy = new DataAwsIamPolicyDocument(this, 'policy-document', {
      statement: [
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: everyone,
          actions: ['s3:*'],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
        {
          // `IfExists`: an upload that names another algorithm (AES256, none) is refused, one
          // without the header gets the bucket default (SSE-KMS with the state key). Requiring the
          // header would also refuse Terraform's own lock file, whose PutObject has been seen
          // without it (opentofu/opentofu#2970).
          sid: 'DenyNonKmsObjectUploads',
          effect: 'Deny',
          principals: everyone,
          actions: ['s3:PutObject'],
          resources: [`${this.bucket.arn}/*`],
          condition: [
            { test: 'StringNotEqualsIfExists', variable: 's3:x-amz-server-side-encryption', values: ['aws:kms'] },
          ],
        },
      ],
    });
    new S3BucketPolicy(this, 'policy', {
      bucket: bucketId,
      policy: policy.json,
      // S3 rejects concurrent changes to a bucket's access settings (409 OperationAborted).
      dependsOn: [publicAccess],
    });

    new TerraformOutput(this, 'bucket_name', {
      value: this.bucket.bucket,
      description: 'State bucket of the environment; the backend of every AWS stack',
    });
    new TerraformOutput(this, 'key_arn', {
      value: this.key.arn,
      description: 'KMS key encrypting the state bucket',
    });
  }
}
