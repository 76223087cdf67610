import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import type { Tier } from '../../core/tier';

/**
 * Days CloudWatch keeps the logs of a tier. Production keeps a year (PCI DSS 10.5.1: twelve
 * months of audit history); the other tiers 90 days, enough to investigate an incident. Both are
 * values CloudWatch accepts.
 */
export function logRetentionDays(tier: Tier): number {
  return tier === 'production' ? 365 : 90;
}

export interface EncryptedLogGroupProps {
  /** Log group name, e.g. `/aws/eks/<cluster>/cluster` where a service expects one. */
  readonly logGroupName: string;
  readonly retentionDays: number;
  /** Account and region of the log group: the key policy lets only its CloudWatch Logs use the key. */
  readonly accountId: string;
  readonly region: string;
  /** What the logs are, for the key's description. */
  readonly description: string;
}

/**
 * A CloudWatch Logs group with a retention and its own customer-managed KMS key (rotated). The
 * key policy keeps the account's IAM in charge of the key and lets CloudWatch Logs of the region
 * use it for this log group only.
 */
export class EncryptedLogGroup extends Construct {
  readonly key: KmsKey;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    const { accountId, region, logGroupName } = props;
    const policy = new DataAwsIamPolicyDocument(this, 'key-policy', {
      statement: [
        {
          // The default key policy: IAM policies of the account decide who else uses the key.
          sid: 'AccountIamDecides',
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${accountId}:root`] }],
          actions: ['kms:*'],
          resources: ['*'],
        },
        {
          sid: 'CloudWatchLogsOfThisGroup',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: [`logs.${region}.amazonaws.com`] }],
          actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          resources: ['*'],
          condition: [
            {
              test: 'ArnEquals',
              variable: 'kms:EncryptionContext:aws:logs:arn',
              values: [`arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}`],
            },
          ],
        },
      ],
    });
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts ${props.description}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
    });
    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: this.key.arn,
    });
  }
}
