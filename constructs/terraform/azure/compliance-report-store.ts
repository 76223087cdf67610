import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { Construct } from 'constructs';
import type { ComplianceReportStore } from '../../core/observability-contract';
import type { AzureSubscription } from '../cloud-accounts';
import { REPORT_RETENTION_DAYS } from '../compliance-report-retention';
import { addStorageKeyIdentity, encryptedAccountSettings, logBlobAccess } from './encrypted-storage-account';
import { EncryptionKeyVault } from './encryption-key-vault';
import { keyVaultName } from './names';
import { stateReplication } from './state-replication';

export interface AzureComplianceReportStoreProps {
  readonly environment: string;
  readonly subscription: AzureSubscription;
  readonly resourceGroupName: string;
  /** Account and container names from the observability contract (`complianceReportStore`). */
  readonly store: ComplianceReportStore;
  /** Days a replaced report version, a deleted report and the change feed are kept. */
  readonly versionRetentionDays: number;
  /** Location of a geo-replica, the pair of the subscription's location. @default - zone-redundant only */
  readonly replicaLocation?: string;
  /** Public ranges allowed through the key vault's firewall (where Terraform runs from). */
  readonly trustedCidrs: readonly string[];
  /** Log Analytics workspace receiving the account's access logs. */
  readonly workspaceId: string;
}

/**
 * The storage account and private container policy-reporter uploads the environment's compliance
 * reports to, hardened like the state store (`encryptedAccountSettings`: customer-managed key of
 * its own vault, TLS 1.2, Entra ID only, no public containers, versioning, soft delete), every
 * read and write logged to the workspace, reports deleted after `REPORT_RETENTION_DAYS` and
 * replaced versions after `versionRetentionDays`.
 *
 * Unlike the state account, its firewall admits every network: the uploaders are pods on the AKS
 * clusters, whose outbound addresses are created after this stack (and change with the cluster),
 * so no IP rule or subnet rule could name them here. Access stays Entra ID only, through the one
 * identity granted write on the container in each cluster stack.
 */
export class AzureComplianceReportStore extends Construct {
  readonly keyVault: EncryptionKeyVault;
  readonly account: StorageAccount;
  readonly container: StorageContainer;

  constructor(scope: Construct, id: string, props: AzureComplianceReportStoreProps) {
    super(scope, id);
    const { environment, subscription, store, versionRetentionDays } = props;
    const { container } = store;
    if (container === undefined) throw new Error(`${this.node.path}: the observability contract names no container for the Azure report store`);
    if (store.region !== subscription.location) {
      throw new Error(`${this.node.path}: the report store is in ${store.region}, the subscription's location is ${subscription.location}; the foundation creates it there`);
    }
    const inGroup = { resourceGroupName: props.resourceGroupName, location: subscription.location };

    this.keyVault = new EncryptionKeyVault(this, 'encryption', {
      ...inGroup,
      name: keyVaultName('reports', environment, subscription),
      tenantId: subscription.tenantId,
      firewall: { kind: 'deny-except', ipRules: props.trustedCidrs },
      keyName: 'compliance-reports',
      keyOperations: ['wrapKey', 'unwrapKey'],
    });
    const { identity, keyAccess } = addStorageKeyIdentity(this, { ...inGroup, name: `id-${environment}-reports-storage`, key: this.keyVault.key });

    this.account = new StorageAccount(this, 'account', {
      ...inGroup,
      ...encryptedAccountSettings({ identity, key: this.keyVault.key, retentionDays: versionRetentionDays }),
      name: store.bucket,
      accountReplicationType: stateReplication(subscription.location, props.replicaLocation),
      networkRules: { defaultAction: 'Allow', bypass: ['AzureServices'] },
      dependsOn: [keyAccess],
    });

    this.container = new StorageContainer(this, 'container', {
      name: container,
      // By Resource Manager id: managed without the blob data plane (see addAzureProvider).
      storageAccountId: this.account.id,
      containerAccessType: 'private',
    });

    new StorageManagementPolicy(this, 'retention', {
      storageAccountId: this.account.id,
      rule: [
        {
          name: 'expire-compliance-reports',
          enabled: true,
          filters: { blobTypes: ['blockBlob'], prefixMatch: [`${container}/`] },
          actions: {
            baseBlob: { deleteAfterDaysSinceModificationGreaterThan: REPORT_RETENTION_DAYS },
            version: { deleteAfterDaysSinceCreation: versionRetentionDays },
          },
        },
      ],
    });

    logBlobAccess(this, 'access-logs', { storageAccountId: this.account.id, workspaceId: props.workspaceId });
  }
}
