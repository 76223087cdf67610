import type { Construct } from 'constructs';
import type { BackupStore } from '../../core/backup-contract';
import { checkBlobStore } from './compliance-report-store';
import { AzureEncryptedBlobStore, type AzureStorePlacement } from './encrypted-blob-store';
import { foundationResourceGroupName } from './names';

export interface AzureBackupStoreProps extends AzureStorePlacement {
  /** Account, container and resource group from the backup contract (`backupStore`). */
  readonly store: BackupStore;
  /** Days a backup blob Velero deleted or overwrote stays recoverable (`backup.deletedBackupRetentionDays`). */
  readonly deletedBackupRetentionDays: number;
}

/**
 * The storage account and private container Velero writes the environment's backups to, each
 * cluster below its own prefix, hardened like the compliance report store
 * (`AzureEncryptedBlobStore`: customer-managed key of its own vault, TLS 1.2 and HTTPS only, Entra
 * ID only, versioning, soft delete, every access logged, GZRS in production).
 *
 * Current blobs never expire: Velero deletes a backup when its `ttl` has passed, and a lifecycle
 * deletion would remove backups under its feet. A blob Velero deletes or overwrites becomes a
 * previous version. Azure ages a version from when it was written, not from when it was replaced,
 * so the management policy may delete a replaced backup's version at once (it is older than
 * `deletedBackupRetentionDays`); blob soft delete (`encryptedAccountSettings`, as many days) then
 * keeps it recoverable for `deletedBackupRetentionDays` after that. No shared key exists, so
 * Velero must use Entra ID (`useAAD`).
 */
export class AzureBackupStore extends AzureEncryptedBlobStore {
  constructor(scope: Construct, id: string, props: AzureBackupStoreProps) {
    const { store, subscription, deletedBackupRetentionDays, ...placement } = props;
    const path = `${scope.node.path}/${id}`;
    const container = checkBlobStore(path, 'backup store', store, subscription);
    // Velero's backup storage location names this group (the plugin's `resourceGroup`).
    const group = foundationResourceGroupName(props.environment);
    if (store.resourceGroup !== group) {
      throw new Error(
        `${path}: the backup contract places the store in ${store.resourceGroup ?? '(no resource group)'}, this foundation creates it in ${group} (fix: build the store with backupStore)`,
      );
    }
    super(scope, id, {
      ...placement,
      subscription,
      label: 'backups',
      accountName: store.bucket,
      containerName: container,
      keyName: 'velero-backups',
      retentionRuleName: 'expire-deleted-backups',
      versionRetentionDays: deletedBackupRetentionDays,
    });
  }
}
