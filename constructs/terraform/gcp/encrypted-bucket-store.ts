import { StorageBucket, type StorageBucketLifecycleRule } from '@cdktf/provider-google/lib/storage-bucket';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { CustomerManagedKey } from './customer-managed-key';
import type { StateLocation } from './gcs-state-backend';
import { privateBucketSettings } from './private-bucket';

/** What every GCP store takes from the foundation: the agent that encrypts, the log bucket, the APIs. */
export interface GcpStorePlacement {
  /** IAM member of the project's Cloud Storage service agent, which encrypts with the key. */
  readonly storageAgent: string;
  /** Bucket receiving the usage and storage logs (the state's log bucket). */
  readonly logBucket: string;
  /** Resources to create first (the Cloud KMS API). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

export interface GcpEncryptedBucketStoreProps extends GcpStorePlacement {
  /** Key ring of the store's key. Key rings can never be deleted: the name is permanent in its location. */
  readonly keyRing: string;
  readonly keyName: string;
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** Where the bucket and its key live (a dual-region and the KMS multi-region when replicated). */
  readonly location: StateLocation;
  /** Days a replaced or deleted object stays recoverable. */
  readonly versionRetentionDays: number;
  /** Days after creation at which current objects are deleted. @default - kept until their writer deletes them */
  readonly currentVersionDays?: number;
}

/**
 * A Cloud Storage bucket that workloads write through their workload identities, with every
 * setting of the state bucket (`privateBucketSettings`: uniform bucket-level access, public access
 * prevention enforced, never force-destroyed): its own rotated customer-managed key, which only
 * the Cloud Storage service agent may use (a writer needs no key permission: the service
 * encrypts), versioning with replaced versions deleted after `versionRetentionDays`, and access
 * logs in the state's log bucket. Cloud Storage serves HTTPS only: there is no plain-text endpoint
 * to refuse. Construct ids are the compliance report store's (`key`, `bucket`).
 */
export class GcpEncryptedBucketStore extends Construct {
  readonly key: CustomerManagedKey;
  readonly bucket: StorageBucket;

  constructor(scope: Construct, id: string, props: GcpEncryptedBucketStoreProps) {
    super(scope, id);
    const { location, currentVersionDays } = props;
    this.key = new CustomerManagedKey(this, 'key', {
      keyRing: props.keyRing,
      key: props.keyName,
      location: location.kms,
      users: [{ id: 'storage-agent', member: props.storageAgent }],
      dependsOn: props.dependsOn,
    });
    const expireCurrent: StorageBucketLifecycleRule[] = currentVersionDays === undefined ? [] : [{ action: { type: 'Delete' }, condition: { age: currentVersionDays } }];
    this.bucket = new StorageBucket(this, 'bucket', {
      ...privateBucketSettings(location, this.key.key.id),
      name: props.bucketName,
      versioning: { enabled: true },
      lifecycleRule: [...expireCurrent, { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: props.versionRetentionDays, withState: 'ARCHIVED' } }],
      logging: { logBucket: props.logBucket, logObjectPrefix: props.bucketName },
      // The bucket is created encrypted: the agent must be able to use the key first.
      dependsOn: [...this.key.grants],
    });
  }
}
