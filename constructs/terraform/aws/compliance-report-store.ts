import type { Construct } from 'constructs';
import { type ComplianceReportStore, reportKeyAliasName } from '../../core/observability-contract';
import { kmsAliasArn } from '../../core/s3-upload-encryption';
import type { AwsAccount } from '../cloud-accounts';
import { REPORT_RETENTION_DAYS } from '../compliance-report-retention';
import { AwsKmsObjectStore, type ObjectStoreReplicaLocation } from './kms-object-store';

/** Key prefix of the report bucket's access logs in its log bucket. */
export const REPORT_ACCESS_LOG_PREFIX = 'compliance-reports/';

/** Where a production store keeps its copy (`infrastructure.stateReplica.aws`). */
export type ReportReplicaLocation = ObjectStoreReplicaLocation;

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
 * The S3 bucket policy-reporter uploads the environment's compliance reports to
 * (`AwsKmsObjectStore`: own rotated KMS key, versioning, public access blocked, TLS only, access
 * logged), reports expiring after `REPORT_RETENTION_DAYS` and replaced versions after
 * `versionRetentionDays`. With `replica`, a live copy in a second region: reports are audit
 * evidence, and production evidence survives a region.
 *
 * Nothing is granted here: the uploader's role in each cluster stack may put objects only.
 */
export class AwsComplianceReportStore extends AwsKmsObjectStore {
  constructor(scope: Construct, id: string, props: AwsComplianceReportStoreProps) {
    const { environment, account, store, versionRetentionDays, replica } = props;
    checkStore(`${scope.node.path}/${id}`, 'report store', store, account, {
      aliasArn: kmsAliasArn(account.region, account.accountId, reportKeyAliasName(environment)),
      contract: 'complianceReportStore',
    });
    super(scope, id, {
      contents: `the compliance reports of ${environment}`,
      label: 'reports',
      account,
      bucketName: store.bucket,
      keyAliasName: reportKeyAliasName(environment),
      accessLogPrefix: REPORT_ACCESS_LOG_PREFIX,
      versionRetentionDays,
      currentVersionDays: REPORT_RETENTION_DAYS,
      replica: replica === undefined ? undefined : { ...replica, roleName: `${environment}-compliance-reports-replication` },
    });
  }
}

/**
 * Refuses a store the foundation cannot create as its writers expect: in another region, or
 * naming another key than `expected.aliasArn` (the writers name the key by this alias ARN; S3 would refuse
 * or mis-encrypt every upload). `expected.contract` is the function that names the store.
 */
export function checkStore(
  path: string,
  what: string,
  store: { readonly region: string; readonly kmsKeyId?: string },
  account: AwsAccount,
  expected: { readonly aliasArn: string; readonly contract: string },
): void {
  const { aliasArn, contract } = expected;
  if (store.region !== account.region) {
    throw new Error(`${path}: the ${what} is in ${store.region}, the environment's AWS region is ${account.region}; the foundation creates it in its own region`);
  }
  if (store.kmsKeyId !== aliasArn) {
    throw new Error(
      `${path}: the ${what}'s uploads name the KMS key ${store.kmsKeyId ?? '(none)'}, this foundation creates ${aliasArn}; S3 would refuse or mis-encrypt every upload (fix: build the store with ${contract})`,
    );
  }
}
