import type { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { Construct } from 'constructs';
import { AzureRole, assignRole } from './roles';

/**
 * The hardening every storage account of the estate shares (the state store, the compliance
 * reports), in one place so that the two cannot drift apart. Each piece keeps the construct ids
 * the state store's resources always had, so that building it here renames nothing.
 */

/** Blob and container soft delete accept at most 365 days; versions are kept longer by a management policy. */
const MAX_SOFT_DELETE_DAYS = 365;

export interface StorageKeyIdentityOptions {
  /** Name of the user-assigned identity. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The customer-managed key the account wraps its encryption key with. */
  readonly key: KeyVaultKey;
}

/**
 * The identity a storage account reaches its customer-managed key with (`storage-identity`) and its
 * wrap/unwrap role on that key (`storage-key-access`). User-assigned, so that it exists with its
 * role before the account is created encrypted; the account depends on `keyAccess`.
 */
export function addStorageKeyIdentity(scope: Construct, options: StorageKeyIdentityOptions): { identity: UserAssignedIdentity; keyAccess: RoleAssignment } {
  const identity = new UserAssignedIdentity(scope, 'storage-identity', {
    name: options.name,
    resourceGroupName: options.resourceGroupName,
    location: options.location,
  });
  const keyAccess = assignRole(scope, 'storage-key-access', identity.principalId, {
    id: 'storage-key-access',
    role: AzureRole.keyVaultCryptoServiceEncryptionUser,
    // Versionless: the grant must cover every version the rotation policy creates. A grant on the
    // versioned `resource_id` covers only the version current at apply time, and the account, which
    // follows the newest version, loses its key at the first rotation.
    scope: options.key.resourceVersionlessId,
  });
  return { identity, keyAccess };
}

export interface EncryptedAccountOptions {
  readonly identity: UserAssignedIdentity;
  readonly key: KeyVaultKey;
  /** Days a replaced blob version, a deleted blob or container, and the change feed are kept. */
  readonly retentionDays: number;
}

/**
 * Settings of a hardened StorageV2 account: TLS 1.2 and HTTPS only, no public containers, Entra ID
 * only (no shared keys, SAS signed with them or local users), no cross-tenant replication, double
 * encryption under the customer-managed key (blobs, queues and tables), versioning with a change
 * feed and soft delete of blobs and containers, and `prevent_destroy`. The caller adds the name,
 * the replication type, the network rules and what the account depends on.
 */
export function encryptedAccountSettings(options: EncryptedAccountOptions): Omit<StorageAccountConfig, 'name' | 'resourceGroupName' | 'location' | 'accountReplicationType'> {
  const { identity, key, retentionDays } = options;
  const softDeleteDays = Math.min(retentionDays, MAX_SOFT_DELETE_DAYS);
  return {
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    allowNestedItemsToBePublic: false,
    // Entra ID only: no account keys, no SAS signed with them, no local (SFTP) users.
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    localUserEnabled: false,
    crossTenantReplicationEnabled: false,
    // A second, platform-managed layer of encryption under the customer-managed one.
    infrastructureEncryptionEnabled: true,
    // Queues and tables under the customer-managed key too (settable only at creation).
    queueEncryptionKeyType: 'Account',
    tableEncryptionKeyType: 'Account',
    identity: { type: 'UserAssigned', identityIds: [identity.id] },
    customerManagedKey: {
      // Versionless: the account follows the key's automatic rotation.
      keyVaultKeyId: key.versionlessId,
      userAssignedIdentityId: identity.id,
    },
    blobProperties: {
      // Every earlier version of a blob stays recoverable after a bad or malicious write.
      versioningEnabled: true,
      // A log of every change to every blob, kept as long as the versions.
      changeFeedEnabled: true,
      changeFeedRetentionInDays: retentionDays,
      deleteRetentionPolicy: { days: softDeleteDays },
      containerDeleteRetentionPolicy: { days: softDeleteDays },
    },
    lifecycle: { preventDestroy: true },
  };
}

/** Access logging: every read, write and delete of a blob of the account, with the caller's identity. */
export function logBlobAccess(scope: Construct, id: string, options: { readonly storageAccountId: string; readonly workspaceId: string }): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: id,
    targetResourceId: `${options.storageAccountId}/blobServices/default`,
    logAnalyticsWorkspaceId: options.workspaceId,
    enabledLog: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }],
  });
}
