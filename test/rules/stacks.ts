import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3Backend, TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { standardTags } from '../../constructs/terraform/tags';
import type { EnvironmentSpec } from '../../environments/types';
import { staging } from './fixtures';

export interface StoreOptions {
  /** Leave out the versioning resource. @default false */
  readonly unversioned?: boolean;
  /** Tag the provider with the spec's standard tags. @default true */
  readonly tagged?: boolean;
}

/**
 * A small real AWS stack: a KMS key and a state bucket with every companion the storage rules
 * ask for, plus an SSE-S3 log bucket. Built with the provider's constructs, so that the
 * engine's resolution (references, nested blocks, data sources) is exercised for real.
 */
export class StateStoreStack extends TerraformStack {
  readonly bucket: S3Bucket;
  readonly logs: S3Bucket;
  readonly versioning: S3BucketVersioningA | undefined;

  constructor(scope: Construct, id: string, spec: EnvironmentSpec = staging, options: StoreOptions = {}) {
    super(scope, id);
    new AwsProvider(this, 'aws', {
      region: 'eu-west-1',
      defaultTags: options.tagged === false ? undefined : [{ tags: standardTags(spec) }],
    });
    new S3Backend(this, { bucket: 'acme-tfstate', key: `${id}/terraform.tfstate`, region: 'eu-west-1' });
    const key = new KmsKey(this, 'key', { enableKeyRotation: true, deletionWindowInDays: 30 });

    this.logs = new S3Bucket(this, 'logs', { bucket: `acme-logs-${spec.name}` });
    new S3BucketServerSideEncryptionConfigurationA(this, 'logs-encryption', {
      bucket: this.logs.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    new S3BucketPublicAccessBlock(this, 'logs-public-access', {
      bucket: this.logs.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketPolicy(this, 'logs-policy', { bucket: this.logs.id, policy: tlsOnly(this, 'logs-policy-document', this.logs).json });

    this.bucket = new S3Bucket(this, 'bucket', { bucket: `acme-tfstate-${spec.name}` });
    this.versioning =
      options.unversioned === true ? undefined : new S3BucketVersioningA(this, 'versioning', { bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    });
    new S3BucketPublicAccessBlock(this, 'public-access', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketPolicy(this, 'policy', { bucket: this.bucket.id, policy: tlsOnly(this, 'policy-document', this.bucket).json });
    new S3BucketLoggingA(this, 'logging', { bucket: this.bucket.id, targetBucket: this.logs.id, targetPrefix: 'state/' });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-noncurrent-versions',
          status: 'Enabled',
          filter: [{}],
          noncurrentVersionExpiration: [{ noncurrentDays: spec.infrastructure.stateVersionRetentionDays }],
        },
      ],
    });
  }
}

function tlsOnly(scope: Construct, id: string, bucket: S3Bucket): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, id, {
    statement: [
      {
        effect: 'Deny',
        principals: [{ type: '*', identifiers: ['*'] }],
        actions: ['s3:*'],
        resources: [bucket.arn, `${bucket.arn}/*`],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      },
    ],
  });
}

/** A stack holding the environment's AWS budget only. */
export class BudgetStack extends TerraformStack {
  constructor(scope: Construct, id: string, spec: EnvironmentSpec = staging) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1', defaultTags: [{ tags: standardTags(spec) }] });
    new S3Backend(this, { bucket: 'acme-tfstate', key: `${id}/terraform.tfstate`, region: 'eu-west-1' });
    const budget = spec.infrastructure.budget;
    new BudgetsBudget(this, 'budget', {
      budgetType: 'COST',
      limitAmount: String(budget.monthlyLimit),
      limitUnit: budget.currency,
      timeUnit: 'MONTHLY',
      notification: budget.alertThresholds.map((threshold) => ({
        comparisonOperator: 'GREATER_THAN',
        notificationType: 'ACTUAL',
        threshold,
        thresholdType: 'PERCENTAGE',
        subscriberEmailAddresses: [...budget.notifyEmails],
      })),
    });
  }
}

export function testApp() {
  return Testing.app({ stackTraces: false });
}
