import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration, type S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { S3_UPLOAD_ENCRYPTION } from '../../core/s3-upload-encryption';

/** How objects are encrypted at rest by default. */
export class BucketEncryption {
  /** SSE-KMS with a customer-managed key (and an S3 bucket key, one data key per bucket). */
  static kms(key: KmsKey): BucketEncryption {
    return new BucketEncryption(key);
  }

  /**
   * SSE-S3 (AES-256, keys held by S3). Only for buckets that S3 server access logging writes to:
   * log delivery does not support SSE-KMS targets.
   */
  static s3Managed(): BucketEncryption {
    return new BucketEncryption(undefined);
  }

  private constructor(readonly key: KmsKey | undefined) {}
}

/** How long objects are kept. */
export interface BucketRetention {
  /** Days a version stays after a newer one replaced it (or it was deleted). Required when versioned. */
  readonly noncurrentVersionDays?: number;
  /** Days after which the current version of every object expires. @default - kept until deleted */
  readonly currentVersionDays?: number;
}

export interface HardenedBucketProps {
  /** Globally unique S3 name. */
  readonly bucketName: string;
  readonly encryption: BucketEncryption;
  readonly retention: BucketRetention;
  /** Keep every version of every object (the state, a replica). @default true */
  readonly versioned?: boolean;
  /** Refuse `terraform destroy` of the bucket. @default true */
  readonly preventDestroy?: boolean;
  /**
   * Allow statements added to the bucket policy (a log delivery grant), given the bucket's ARN.
   * @default - none
   */
  readonly grants?: (bucketArn: string) => readonly DataAwsIamPolicyDocumentStatement[];
  /** Provider of another region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Days before an unfinished multipart upload's parts are deleted (they are billed but invisible). */
const ABORT_INCOMPLETE_UPLOADS_DAYS = 7;

const S3_BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * A private S3 bucket with every hardening the estate requires of buckets that hold state or
 * evidence: default encryption, versioning, all public access blocked, ACLs disabled (the bucket
 * policy is the only grant to review), TLS-only, uploads that do not ask for SSE-KMS refused
 * (`S3_UPLOAD_ENCRYPTION`: uploaders name the bucket's key), a lifecycle that bounds old versions and aborts incomplete uploads,
 * optional access logging (`logAccessTo`), and `prevent_destroy`.
 */
export class HardenedBucket extends Construct {
  readonly bucket: S3Bucket;
  /** The versioning resource, for resources that need versioning in place first (replication). */
  readonly versioning: S3BucketVersioningA | undefined;
  readonly bucketName: string;
  private readonly provider: TerraformProvider | undefined;

  constructor(scope: Construct, id: string, props: HardenedBucketProps) {
    super(scope, id);
    const versioned = props.versioned ?? true;
    const { provider, encryption, retention } = props;
    if (!S3_BUCKET_NAME.test(props.bucketName)) {
      throw new Error(`${this.node.path}: bucket name "${props.bucketName}" is not a valid S3 name (3-63 lower-case letters, digits and dashes); shorten the environment name`);
    }
    if (versioned && retention.noncurrentVersionDays === undefined) {
      throw new Error(`${this.node.path}: a versioned bucket needs retention.noncurrentVersionDays, or old versions are kept (and billed) forever`);
    }
    this.bucketName = props.bucketName;

    this.bucket = new S3Bucket(this, 'bucket', {
      provider,
      bucket: props.bucketName,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    const bucketId = this.bucket.id;

    // Every earlier version of an object stays recoverable after a bad write.
    this.versioning = versioned ? new S3BucketVersioningA(this, 'versioning', { provider, bucket: bucketId, versioningConfiguration: { status: 'Enabled' } }) : undefined;

    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      provider,
      bucket: bucketId,
      rule: [
        encryption.key === undefined
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
          : {
              applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: encryption.key.arn },
              // One data key per bucket instead of one KMS call per object: cheaper, same protection.
              bucketKeyEnabled: true,
            },
      ],
    });

    const publicAccess = new S3BucketPublicAccessBlock(this, 'public-access', {
      provider,
      bucket: bucketId,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    // ACLs disabled: the bucket policy is the only access grant to review.
    new S3BucketOwnershipControls(this, 'ownership', {
      provider,
      bucket: bucketId,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });

    const policy = new DataAwsIamPolicyDocument(this, 'policy-document', {
      provider,
      statement: [...denyStatements(this.bucket.arn, encryption), ...(props.grants?.(this.bucket.arn) ?? [])],
    });
    new S3BucketPolicy(this, 'policy', {
      provider,
      bucket: bucketId,
      policy: policy.json,
      // S3 rejects concurrent changes to a bucket's access settings (409 OperationAborted).
      dependsOn: [publicAccess],
    });

    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      provider,
      bucket: bucketId,
      rule: lifecycleRules(versioned, retention),
      // A lifecycle rule on versions needs versioning in place (the API refuses it otherwise).
      dependsOn: this.versioning === undefined ? undefined : [this.versioning],
    });
    this.provider = provider;
  }

  /** Sends the S3 server access logs of this bucket to `target`, under `prefix`. */
  logAccessTo(target: HardenedBucket, prefix: string): S3BucketLoggingA {
    return new S3BucketLoggingA(this, 'logging', {
      provider: this.provider,
      bucket: this.bucket.id,
      targetBucket: target.bucket.id,
      targetPrefix: prefix,
    });
  }

  /** ARN of the bucket's objects, e.g. for a policy statement's resources. */
  get objectsArn(): string {
    return `${this.bucket.arn}/*`;
  }
}

const everyone = [{ type: '*', identifiers: ['*'] }];

function denyStatements(bucketArn: string, encryption: BucketEncryption): DataAwsIamPolicyDocumentStatement[] {
  const tlsOnly: DataAwsIamPolicyDocumentStatement = {
    sid: 'DenyInsecureTransport',
    effect: 'Deny',
    principals: everyone,
    actions: ['s3:*'],
    resources: [bucketArn, `${bucketArn}/*`],
    condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
  };
  if (encryption.key === undefined) return [tlsOnly];
  return [
    tlsOnly,
    {
      // Refuses an upload that asks for another encryption than SSE-KMS (SSE-S3, `AES256`). An
      // upload without the header is not refused: S3 authorises every part of a multipart upload
      // (UploadPart) as s3:PutObject, and a part carries no encryption header (only
      // CreateMultipartUpload does: aws-sdk-go-v2 feature/s3/manager, as velero-plugin-for-aws
      // v1.13.2 object_store.go uses it for objects over 5 MiB), so denying an absent header would
      // refuse every large upload; such objects get the bucket's default SSE-KMS key instead. Both
      // conditions must hold (AND): the header is present (`Null` false) and is not aws:kms. The
      // uploaders name the bucket's key anyway (S3_UPLOAD_ENCRYPTION): Terraform's S3 backend
      // (Terraform v1.11.4 internal/backend/remote-state/s3/client.go, put and lockWithFile), the
      // compliance report's `aws s3 cp --sse aws:kms --sse-kms-key-id`, Velero's `kmsKeyId`.
      sid: 'DenyNonKmsObjectUploads',
      effect: 'Deny',
      principals: everyone,
      actions: ['s3:PutObject'],
      resources: [`${bucketArn}/*`],
      condition: [
        { test: 'StringNotEquals', variable: S3_UPLOAD_ENCRYPTION.algorithmConditionKey, values: [S3_UPLOAD_ENCRYPTION.algorithm] },
        { test: 'Null', variable: S3_UPLOAD_ENCRYPTION.algorithmConditionKey, values: ['false'] },
      ],
    },
  ];
}

function lifecycleRules(versioned: boolean, retention: BucketRetention): S3BucketLifecycleConfigurationRule[] {
  // An empty filter applies a rule to every object of the bucket.
  const everyObject = [{}];
  const rules: S3BucketLifecycleConfigurationRule[] = [
    {
      id: 'abort-incomplete-uploads',
      status: 'Enabled',
      filter: everyObject,
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_DAYS }],
    },
  ];
  if (versioned && retention.noncurrentVersionDays !== undefined) {
    rules.push({
      id: 'expire-noncurrent-versions',
      status: 'Enabled',
      filter: everyObject,
      noncurrentVersionExpiration: [{ noncurrentDays: retention.noncurrentVersionDays }],
      // A delete marker whose older versions all expired hides nothing any more: remove it. S3
      // refuses this flag next to `days` in one rule, so expiring current versions is its own rule.
      expiration: [{ expiredObjectDeleteMarker: true }],
    });
  }
  if (retention.currentVersionDays !== undefined) {
    rules.push({
      id: 'expire-objects',
      status: 'Enabled',
      filter: everyObject,
      expiration: [{ days: retention.currentVersionDays }],
    });
  }
  return rules;
}
