import type { TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import { BucketEncryption, HardenedBucket } from './hardened-bucket';

export interface AccessLogBucketProps {
  readonly bucketName: string;
  /** The bucket whose S3 server access logs this bucket receives; same region. */
  readonly source: HardenedBucket;
  /** Account of `source`: only S3 delivering that account's logs may write. */
  readonly accountId: string;
  /** Key prefix of the logs, e.g. `state-bucket/`. */
  readonly prefix: string;
  /** Days a log object is kept. */
  readonly retentionDays: number;
  /** Provider of the source's region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Who read or wrote which object of `source`, when: a hardened bucket that receives its S3
 * server access logs and expires them after `retentionDays`. SSE-S3, because log delivery cannot
 * write to SSE-KMS buckets; not versioned, because log objects are written once under unique keys
 * and only ever expire. Only S3's log delivery for `source` in this account may write, under
 * `prefix`.
 */
export class AccessLogBucket extends HardenedBucket {
  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    const { source, accountId, prefix } = props;
    super(scope, id, {
      bucketName: props.bucketName,
      provider: props.provider,
      encryption: BucketEncryption.s3Managed(),
      versioned: false,
      retention: { currentVersionDays: props.retentionDays },
      grants: (logBucketArn) => [
        {
          sid: 'S3ServerAccessLogs',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['logging.s3.amazonaws.com'] }],
          actions: ['s3:PutObject'],
          resources: [`${logBucketArn}/${prefix}*`],
          // Only S3 delivering the logs of this account's source bucket (no confused deputy).
          condition: [
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [source.bucket.arn] },
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] },
          ],
        },
      ],
    });
    source.logAccessTo(this, prefix);
  }
}
