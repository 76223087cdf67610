import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { ComplianceReportStore } from '../../core/observability-contract';
import { REPORT_RETENTION_DAYS } from '../compliance-report-retention';
import { CustomerManagedKey } from './customer-managed-key';
import type { StateLocation } from './gcs-state-backend';
import { privateBucketSettings } from './private-bucket';

/** Key ring of the report key. Key rings can never be deleted: the name is permanent. */
export const REPORT_KEY_RING = 'compliance-reports';

export interface GcpComplianceReportStoreProps {
  /** Bucket name from the observability contract (`complianceReportStore`). */
  readonly store: ComplianceReportStore;
  /** Where the state lives; the reports live there too (a dual-region with a state replica). */
  readonly location: StateLocation;
  /** IAM member of the project's Cloud Storage service agent, which encrypts with the key. */
  readonly storageAgent: string;
  /** Bucket receiving the usage and storage logs (the state's log bucket). */
  readonly logBucket: string;
  /** Days a replaced or deleted report stays recoverable (the environment's version retention). */
  readonly versionRetentionDays: number;
  /** Resources to create first (the Cloud KMS API). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The Cloud Storage bucket policy-reporter uploads the environment's compliance reports to, with
 * every setting of the state bucket (`privateBucketSettings`): its own rotated customer-managed
 * key, which only the Cloud Storage service agent may use (an uploader needs no key permission:
 * the service encrypts), versioning, access logs in the state's log bucket, reports deleted after
 * `REPORT_RETENTION_DAYS` and replaced versions after `versionRetentionDays`.
 */
export class GcpComplianceReportStore extends Construct {
  readonly key: CustomerManagedKey;
  readonly bucket: StorageBucket;

  constructor(scope: Construct, id: string, props: GcpComplianceReportStoreProps) {
    super(scope, id);
    const { store, location } = props;
    this.key = new CustomerManagedKey(this, 'key', {
      keyRing: REPORT_KEY_RING,
      key: 'reports',
      location: location.kms,
      users: [{ id: 'storage-agent', member: props.storageAgent }],
      dependsOn: props.dependsOn,
    });
    this.bucket = new StorageBucket(this, 'bucket', {
      ...privateBucketSettings(location, this.key.key.id),
      name: store.bucket,
      versioning: { enabled: true },
      lifecycleRule: [
        { action: { type: 'Delete' }, condition: { age: REPORT_RETENTION_DAYS } },
        { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: props.versionRetentionDays, withState: 'ARCHIVED' } },
      ],
      logging: { logBucket: props.logBucket, logObjectPrefix: store.bucket },
      // The bucket is created encrypted: the agent must be able to use the key first.
      dependsOn: [...this.key.grants],
    });
  }
}
