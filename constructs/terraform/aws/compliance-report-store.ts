import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { type ComplianceReportStore, reportKeyAliasName } from '../../core/observability-contract';
import { kmsAliasArn } from '../../core/s3-upload-encryption';
import type { AwsAccount } from '../cloud-accounts';
import { REPORT_RETENTION_DAYS } from '../compliance-report-retention';
import { HIDDEN_ID } from '../readable-names-stack';
import { AccessLogBucket } from './access-log-bucket';
import { BucketReplica } from './bucket-replica';
import { BucketEncryption, HardenedBucket } from './hardened-bucket';

/** Key prefix of the report bucket's access logs in its log bucket. */
export const REPORT_ACCESS_LOG_PREFIX = 'compliance-reports/';

/** Where a production store keeps its copy (`infrastructure.stateReplica.aws`). */
export interface ReportReplicaLocation {
  readonly region: string;
  /** Provider of `region`. */
  readonly provider: TerraformProvider;
}

export interface AwsComplianceReportStoreProps {
  readonly environment: string;
  readonly account: AwsAccount;
  /** Name and region of the store, from the observability contract (`complianceReportStore`). */
  readonly store: ComplianceReportStore;
  /** Days a replaced or deleted report stays recoverable (the environment's version retention). */
  readonly versionRetentionDays: number;
  /** A copy in a second region. @default - no copy */
  readonly replica?: ReportReplicaLocation;
}

/**
 * The S3 bucket policy-reporter uploads the environment's compliance reports to, hardened like the
 * state bucket (`HardenedBucket`): its own rotated KMS key (so that the uploader can encrypt
 * reports without any use of the state key), versioning, public access blocked, TLS only, access
 * logged to a log bucket of its own, reports expiring after `REPORT_RETENTION_DAYS` and replaced
 * versions after `versionRetentionDays`. With `replica`, a live copy in a second region
 * (`BucketReplica`): reports are audit evidence, and production evidence survives a region.
 *
 * Nothing is granted here: the uploader's role in each cluster stack may put objects only.
 */
export class AwsComplianceReportStore extends Construct {
  readonly key: KmsKey;
  readonly bucket: HardenedBucket;
  readonly accessLogs: AccessLogBucket;
  readonly replica: BucketReplica | undefined;

  constructor(scope: Construct, id: string, props: AwsComplianceReportStoreProps) {
    super(scope, id);
    const { environment, account, store, versionRetentionDays } = props;
    if (store.region !== account.region) {
      throw new Error(`${this.node.path}: the report store is in ${store.region}, the environment's AWS region is ${account.region}; the foundation creates it in its own region`);
    }
    const contents = `the compliance reports of ${environment}`;
    // The uploaders name the key by this alias ARN (`--sse-kms-key-id`); the alias below must be it.
    const aliasArn = kmsAliasArn(account.region, account.accountId, reportKeyAliasName(environment));
    if (store.kmsKeyId !== aliasArn) {
      throw new Error(
        `${this.node.path}: the report store's uploads name the KMS key ${store.kmsKeyId ?? '(none)'}, this foundation creates ${aliasArn}; S3 would refuse or mis-encrypt every upload (fix: build the store with complianceReportStore)`,
      );
    }

    this.key = new KmsKey(this, 'key', {
      description: `Encrypts ${contents}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'key-alias', { name: reportKeyAliasName(environment), targetKeyId: this.key.keyId });

    const retention = { noncurrentVersionDays: versionRetentionDays, currentVersionDays: REPORT_RETENTION_DAYS };
    // `Default`: the bucket's resources are named after the store (`reports-bucket`, `reports-policy`).
    this.bucket = new HardenedBucket(this, HIDDEN_ID, {
      bucketName: store.bucket,
      encryption: BucketEncryption.kms(this.key),
      retention,
    });
    this.accessLogs = new AccessLogBucket(this, 'log', {
      bucketName: `${store.bucket}-logs`,
      source: this.bucket,
      accountId: account.accountId,
      prefix: REPORT_ACCESS_LOG_PREFIX,
      retentionDays: versionRetentionDays,
    });

    const { replica } = props;
    this.replica =
      replica === undefined
        ? undefined
        : new BucketReplica(this, 'replica', {
            contents,
            label: 'reports',
            roleName: `${environment}-compliance-reports-replication`,
            account,
            source: this.bucket,
            sourceKey: this.key,
            region: replica.region,
            provider: replica.provider,
            bucketName: `${store.bucket}-${replica.region}`,
            logBucketName: `${store.bucket}-logs-${replica.region}`,
            logPrefix: REPORT_ACCESS_LOG_PREFIX,
            keyAliasName: `${reportKeyAliasName(environment)}-replica`,
            retentionDays: versionRetentionDays,
            currentVersionDays: REPORT_RETENTION_DAYS,
          });
  }
}
