import type { OutputValues } from '../stack-outputs';
import type { AZURE_FOUNDATION_OUTPUTS } from './foundation-stack';
import { AzureRole, type RoleGrant } from './roles';

/**
 * What Velero's identity on an AKS cluster holds, for the object-storage half of the Azure plugin
 * with Entra ID (`useAAD: "true"`; the accounts have no shared key, so the ListKeys route cannot
 * work) and the account's blob endpoint named in the location (`storageAccountURI`), so that no
 * Resource Manager read of the account is needed (velero v1.18.1 pkg/util/azure/storage.go
 * `GetStorageAccountCredentials`, `getStorageAccountURI`):
 * - Storage Blob Data Contributor on the backup container: list, read, write (staged blocks and
 *   block lists) and delete blobs (velero-plugin-for-microsoft-azure v1.13.2
 *   velero-plugin-for-microsoft-azure/object_store.go `PutObject`, `ListObjects`, `DeleteObject`);
 * - Storage Blob Delegator on the storage account: `CreateSignedURL` signs a read-only user
 *   delegation SAS (object_store.go `GetSASURI`, `GetUserDelegationCredential`), which
 *   `velero backup logs`, `describe` and `download` fetch. The delegation key can only be asked
 *   for at account scope or above; a SAS signed with it carries no more than the signer's own data
 *   rights, so this adds no access beyond the container.
 * No disk snapshot rights: backups are objects only (no volume snapshot location).
 */
export function veleroGrants(foundation: Pick<OutputValues<typeof AZURE_FOUNDATION_OUTPUTS>, 'backup_container_id' | 'backup_storage_account_id'>): RoleGrant[] {
  return [
    { id: 'backups', role: AzureRole.storageBlobDataContributor, scope: foundation.backup_container_id },
    { id: 'sign-backup-links', role: AzureRole.storageBlobDelegator, scope: foundation.backup_storage_account_id },
  ];
}
