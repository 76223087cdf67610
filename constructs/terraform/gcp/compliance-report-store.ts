import type { Construct } from 'constructs';
import type { ComplianceReportStore } from '../../core/observability-contract';
import { REPORT_RETENTION_DAYS } from '../compliance-report-retention';
import { GcpEncryptedBucketStore, type GcpStorePlacement } from './encrypted-bucket-store';
import type { StateLocation } from './gcs-state-backend';

/** Key ring of the report key. Key rings can never be deleted: the name is permanent. */
export const REPORT_KEY_RING = 'compliance-reports';

export interface GcpComplianceReportStoreProps extends GcpStorePlacement {
  /** Bucket name from the observability contract (`complianceReportStore`). */
  readonly store: ComplianceReportStore;
  /** Where the state lives; the reports live there too (a dual-region with a state replica). */
  readonly location: StateLocation;
  /** Days a replaced or deleted report stays recoverable (the environment's version retention). */
  readonly versionRetentionDays: number;
}

/**
 * The Cloud Storage bucket policy-reporter uploads the environment's compliance reports to
 * (`GcpEncryptedBucketStore`: own rotated customer-managed key used by the Cloud Storage service
 * agent only, versioning, access logs in the state's log bucket), reports deleted after
 * `REPORT_RETENTION_DAYS` and replaced versions after `versionRetentionDays`.
 */
export class GcpComplianceReportStore extends GcpEncryptedBucketStore {
  constructor(scope: Construct, id: string, props: GcpComplianceReportStoreProps) {
    super(scope, id, {
      keyRing: REPORT_KEY_RING,
      keyName: 'reports',
      bucketName: props.store.bucket,
      location: props.location,
      storageAgent: props.storageAgent,
      logBucket: props.logBucket,
      versionRetentionDays: props.versionRetentionDays,
      currentVersionDays: REPORT_RETENTION_DAYS,
      dependsOn: props.dependsOn,
    });
  }
}
