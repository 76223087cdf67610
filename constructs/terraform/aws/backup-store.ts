import type { Construct } from 'constructs';
import { type BackupStore, backupKeyAliasName } from '../../core/backup-contract';
import { kmsAliasArn } from '../../core/s3-upload-encryption';
import type { AwsAccount } from '../cloud-accounts';
import { checkStore } from './compliance-report-store';
import { AwsKmsObjectStore, type ObjectStoreReplicaLocation } from './kms-object-store';

/** Key prefix of the backup bucket's access logs in its log bucket. */
export const BACKUP_ACCESS_LOG_PREFIX = 'velero-backups/';

export interface AwsBackupStoreProps {
  readonly environment: string;
  readonly account: AwsAccount;
  /** Name, region and key alias of the store, from the backup contract (`backupStore`). */
  readonly store: BackupStore;
  /** Days a backup object Velero deleted or overwrote stays recoverable (`backup.deletedBackupRetentionDays`). */
  readonly deletedBackupRetentionDays: number;
  /** A copy in the state replica's region (`backup.replicated`). @default - no copy */
  readonly replica?: ObjectStoreReplicaLocation;
}

/**
 * The S3 bucket Velero writes the environment's backups to, each cluster below its own prefix
 * (`backupPrefix`), hardened like the compliance report store (`AwsKmsObjectStore`): its own
 * rotated KMS key `alias/<env>-velero-backups`, which Velero names in every upload (the AWS
 * plugin's `kmsKeyId` sends `x-amz-server-side-encryption: aws:kms` with that key,
 * velero-plugin-for-aws v1.13.2 velero-plugin-for-aws/object_store.go `PutObject`), versioning,
 * public access blocked, TLS only, access logged, and in production a copy in the state replica's
 * region.
 *
 * Current objects never expire: Velero deletes a backup when its `ttl` has passed (garbage
 * collection), and a lifecycle expiry would delete backups under its feet. What Velero deletes or
 * overwrites stays as a noncurrent version for `deletedBackupRetentionDays`. The copy replicates
 * delete markers: without them it would never see Velero's deletions and would keep every backup
 * forever (its current versions never expire either). A delete marker only hides an object; S3
 * never replicates the deletion of a version, so a backup deleted at the source (by Velero or by
 * anyone holding its rights) stays recoverable in the copy for `deletedBackupRetentionDays`.
 *
 * Nothing is granted here: each cluster's Velero role (`VeleroIdentity`) may use its own prefix.
 */
export class AwsBackupStore extends AwsKmsObjectStore {
  constructor(scope: Construct, id: string, props: AwsBackupStoreProps) {
    const { environment, account, store, replica } = props;
    const keyAliasName = backupKeyAliasName(environment);
    checkStore(`${scope.node.path}/${id}`, 'backup store', store, account, { aliasArn: kmsAliasArn(account.region, account.accountId, keyAliasName), contract: 'backupStore' });
    super(scope, id, {
      contents: `the Velero backups of ${environment}`,
      label: 'backups',
      account,
      bucketName: store.bucket,
      keyAliasName,
      accessLogPrefix: BACKUP_ACCESS_LOG_PREFIX,
      versionRetentionDays: props.deletedBackupRetentionDays,
      replica: replica === undefined ? undefined : { ...replica, roleName: `${environment}-velero-backups-replication`, replicateDeleteMarkers: true },
    });
  }
}
