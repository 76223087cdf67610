import type { Construct } from 'constructs';
import type { BackupStore } from '../../core/backup-contract';
import type { GcpProject } from '../cloud-accounts';
import { GcpEncryptedBucketStore, type GcpStorePlacement } from './encrypted-bucket-store';
import { stateLocation } from './gcs-state-backend';

/** Key ring of the backup key. Key rings can never be deleted: the name is permanent. */
export const BACKUP_KEY_RING = 'velero-backups';

export interface GcpBackupStoreProps extends GcpStorePlacement {
  readonly project: GcpProject;
  /** Bucket name from the backup contract (`backupStore`). */
  readonly store: BackupStore;
  /**
   * The state replica's region when `backup.replicated`: the bucket is then a dual-region of the
   * project's region and this one. @default - single-region bucket in the project's region
   */
  readonly replica?: string;
  /** Days a backup object Velero deleted or overwrote stays recoverable (`backup.deletedBackupRetentionDays`). */
  readonly deletedBackupRetentionDays: number;
}

/**
 * The Cloud Storage bucket Velero writes the environment's backups to, each cluster below its own
 * prefix, hardened like the compliance report store (`GcpEncryptedBucketStore`: own rotated
 * customer-managed key that only the Cloud Storage service agent uses, uniform bucket-level
 * access, public access prevention, versioning, access logs, HTTPS only), and in production a
 * dual-region with the state replica's region (`stateLocation`: every object in both regions).
 *
 * Current objects never expire: Velero deletes a backup when its `ttl` has passed, and a lifecycle
 * deletion would remove backups under its feet. What Velero deletes or overwrites stays as a
 * noncurrent version for `deletedBackupRetentionDays`. A bucket's location cannot change: turning
 * `backup.replicated` on or off later means a new bucket (this one is `prevent_destroy`).
 */
export class GcpBackupStore extends GcpEncryptedBucketStore {
  constructor(scope: Construct, id: string, props: GcpBackupStoreProps) {
    const { project, store } = props;
    if (store.region !== project.region) {
      throw new Error(
        `${scope.node.path}/${id}: the backup store is in ${store.region}, the project's region is ${project.region}; the foundation creates it there (fix: build the store with backupStore)`,
      );
    }
    super(scope, id, {
      keyRing: BACKUP_KEY_RING,
      keyName: 'backups',
      bucketName: store.bucket,
      location: stateLocation({ project, replica: props.replica }),
      storageAgent: props.storageAgent,
      logBucket: props.logBucket,
      versionRetentionDays: props.deletedBackupRetentionDays,
      dependsOn: props.dependsOn,
    });
  }
}
