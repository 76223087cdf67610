import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy, type StorageManagementPolicyRuleActionsBaseBlob } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { Construct } from 'constructs';
import type { AzureSubscription } from '../cloud-accounts';
import { addStorageKeyIdentity, encryptedAccountSettings, logBlobAccess } from './encrypted-storage-account';
import { EncryptionKeyVault } from './encryption-key-vault';
import { keyVaultName } from './names';
import { stateReplication } from './state-replication';

/** Where a store of the foundation lives and who may reach its key: what every Azure store takes from the foundation. */
export interface AzureStorePlacement {
  readonly environment: string;
  readonly subscription: AzureSubscription;
  readonly resourceGroupName: string;
  /** Location of a geo-replica, the pair of the subscription's location. @default - zone-redundant only */
  readonly replicaLocation?: string;
  /** Public ranges allowed through the key vault's firewall (where Terraform runs from). */
  readonly trustedCidrs: readonly string[];
  /** Log Analytics workspace receiving the account's access logs. */
  readonly workspaceId: string;
}

export interface AzureEncryptedBlobStoreProps extends AzureStorePlacement {
  /** Short name of what is stored (`reports`, `backups`): the key vault's purpose and the storage identity's name. */
  readonly label: string;
  /** Globally unique storage account name (3-24 lower-case letters and digits). */
  readonly accountName: string;
  readonly containerName: string;
  /** Name of the key in the vault. */
  readonly keyName: string;
  /** Name of the management policy rule bounding what the container keeps. */
  readonly retentionRuleName: string;
  /** Days a replaced or deleted blob version, a deleted blob and the change feed are kept. */
  readonly versionRetentionDays: number;
  /** Days after the last write at which a current blob is deleted. @default - kept until its writer deletes it */
  readonly currentVersionDays?: number;
}

/**
 * A storage account and private container that workloads write through their workload
 * identities, hardened like the state store (`encryptedAccountSettings`: customer-managed key of
 * its own vault, TLS 1.2 and HTTPS only, Entra ID only, no public containers, versioning, soft
 * delete), every read and write logged to the workspace, replaced versions deleted after
 * `versionRetentionDays`, and geo-redundant (GZRS, to the location's pair) with `replicaLocation`.
 *
 * Unlike the state account, its firewall admits every network: the writers are pods on the AKS
 * clusters, whose outbound addresses are created after this stack (and change with the cluster),
 * so no IP rule or subnet rule could name them here. Access stays Entra ID only, through the
 * identities granted on the container in each cluster stack. Construct ids are the compliance
 * report store's, so that it builds on this class without renaming a resource.
 */
export class AzureEncryptedBlobStore extends Construct {
  readonly keyVault: EncryptionKeyVault;
  readonly account: StorageAccount;
  readonly container: StorageContainer;

  constructor(scope: Construct, id: string, props: AzureEncryptedBlobStoreProps) {
    super(scope, id);
    const { label, environment, subscription, versionRetentionDays, containerName, currentVersionDays } = props;
    const inGroup = { resourceGroupName: props.resourceGroupName, location: subscription.location };

    this.keyVault = new EncryptionKeyVault(this, 'encryption', {
      ...inGroup,
      name: keyVaultName(label, environment, subscription),
      tenantId: subscription.tenantId,
      firewall: { kind: 'deny-except', ipRules: props.trustedCidrs },
      keyName: props.keyName,
      keyOperations: ['wrapKey', 'unwrapKey'],
    });
    const { identity, keyAccess } = addStorageKeyIdentity(this, { ...inGroup, name: `id-${environment}-${label}-storage`, key: this.keyVault.key });

    this.account = new StorageAccount(this, 'account', {
      ...inGroup,
      ...encryptedAccountSettings({ identity, key: this.keyVault.key, retentionDays: versionRetentionDays }),
      name: props.accountName,
      accountReplicationType: stateReplication(subscription.location, props.replicaLocation),
      networkRules: { defaultAction: 'Allow', bypass: ['AzureServices'] },
      dependsOn: [keyAccess],
    });

    this.container = new StorageContainer(this, 'container', {
      name: containerName,
      // By Resource Manager id: managed without the blob data plane (see addAzureProvider).
      storageAccountId: this.account.id,
      containerAccessType: 'private',
    });

    const baseBlob: StorageManagementPolicyRuleActionsBaseBlob | undefined =
      currentVersionDays === undefined ? undefined : { deleteAfterDaysSinceModificationGreaterThan: currentVersionDays };
    new StorageManagementPolicy(this, 'retention', {
      storageAccountId: this.account.id,
      rule: [
        {
          name: props.retentionRuleName,
          enabled: true,
          filters: { blobTypes: ['blockBlob'], prefixMatch: [`${containerName}/`] },
          actions: { baseBlob, version: { deleteAfterDaysSinceCreation: versionRetentionDays } },
        },
      ],
    });

    logBlobAccess(this, 'access-logs', { storageAccountId: this.account.id, workspaceId: props.workspaceId });
  }
}
