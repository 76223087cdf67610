import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import type { Construct } from 'constructs';
import { type BackupStore, backupStore } from '../../core/backup-contract';
import { type ComplianceReportStore, complianceReportStore } from '../../core/observability-contract';
import { backupReplicaRegion } from '../backup-replica';
import type { AzureSubscription } from '../cloud-accounts';
import type { BudgetSpec, CiIdentitySpec } from '../infrastructure-spec';
import { ReadableNamesStack } from '../readable-names-stack';
import { foundationStackName } from '../stack-names';
import { publishOutputs } from '../stack-outputs';
import { standardTags } from '../tags';
import { type TenantCloudBudget, tenantCloudBudgets } from '../tenant-budgets';
import type { TerraformEnvironment } from '../terraform-environment';
import { addAzureProvider, tagEveryResource } from './azure-provider';
import { addAzurermStateBackend } from './azurerm-state-backend';
import { AzureBackupStore } from './backup-store';
import { CiIdentities } from './ci-identities';
import { AzureComplianceReportStore } from './compliance-report-store';
import { addStorageKeyIdentity, encryptedAccountSettings, logBlobAccess } from './encrypted-storage-account';
import { EncryptionKeyVault } from './encryption-key-vault';
import { foundationResourceGroupName, STATE_CONTAINER_NAME, stateKeyVaultName, stateStorageAccountName } from './names';
import { stateReplication } from './state-replication';
import { SubscriptionBudget } from './subscription-budget';

/** What the foundation publishes to the other Azure stacks (read with `readOutputs`). */
export const AZURE_FOUNDATION_OUTPUTS = {
  resource_group_name: 'string',
  state_storage_account_id: 'string',
  state_container_id: 'string',
  state_key_vault_id: 'string',
  log_analytics_workspace_id: 'string',
  plan_client_id: 'string',
  apply_client_id: 'string',
  report_storage_account_id: 'string',
  report_container_id: 'string',
  report_key_vault_id: 'string',
  backup_storage_account_id: 'string',
  backup_container_id: 'string',
} as const;

/** Days the workspace keeps state access logs and cluster audit logs: a quarter of audit trail. */
const LOG_RETENTION_DAYS = 90;

export interface AzureFoundationStackProps {
  /** The organisation's prefix of globally unique names (`infrastructure.organisationPrefix`), for the state storage account's name. */
  readonly organisationPrefix: string;
  /** Environment name; names the resources and selects the state store. */
  readonly environment: string;
  readonly subscription: AzureSubscription;
  /** Tags of every resource (`standardTags`). */
  readonly tags: Readonly<Record<string, string>>;
  readonly ci: CiIdentitySpec;
  readonly budget: BudgetSpec;
  /** A budget per tenant on the usage tagged `tenant=<name>` (tenant-budgets.ts). @default - none */
  readonly tenantBudgets?: readonly TenantCloudBudget[];
  /** Days a non-current state version (and a deleted blob or container) stays recoverable. */
  readonly stateVersionRetentionDays: number;
  /**
   * Location of a geo-replica of the state; must be the pair of the subscription's location.
   * @default - no geo-replica: zone-redundant storage in the subscription's location
   */
  readonly stateReplicaLocation?: string;
  /**
   * Public ranges allowed through the firewalls of the state storage account and its Key Vault:
   * where Terraform runs from (CI runners, VPN). Trusted Azure services pass too.
   */
  readonly trustedCidrs: readonly string[];
  /** Where policy-reporter uploads the compliance reports (the observability contract). */
  readonly reportStore: ComplianceReportStore;
  /** Where Velero writes the backups (the backup contract). */
  readonly backupStore: BackupStore;
  /** Days a backup Velero deleted stays recoverable (`backup.deletedBackupRetentionDays`). */
  readonly deletedBackupRetentionDays: number;
  /** The backup store's geo-replica (`backupReplicaRegion`). @default - zone-redundant only */
  readonly backupReplicaLocation?: string;
}

/**
 * The Azure foundation of one environment: the Terraform state store (a storage account encrypted
 * with a rotating customer-managed key, versioned, private, TLS 1.2 only, without shared keys,
 * access-logged), the CI identities that plan and apply, the store of the compliance reports
 * (`AzureComplianceReportStore`), the store of the Velero backups (`AzureBackupStore`), and the
 * subscription's budget. Every
 * other Azure stack of the environment keeps its state here (see `addAzurermStateBackend`).
 *
 * The stack keeps its own state in the account it creates, so the first apply is a bootstrap, by a
 * human with Owner and Key Vault Crypto Officer on the subscription (RBAC vaults give Owner no key
 * rights) and Storage Blob Data Contributor (to migrate the state), from an address in
 * `trustedCidrs`:
 *
 * 1. `terraform init -backend=false` (or comment out the backend) and `terraform apply` with a
 *    local state: creates the resource group, vault, key, storage account, container, identities.
 * 2. Restore the synthesized `backend "azurerm"` block and run `terraform init -migrate-state`,
 *    which copies the local state into `azure-foundation/terraform.tfstate` in the container.
 * 3. Delete the local `terraform.tfstate*` files; from now on CI plans and applies with the
 *    identities (`plan_client_id`, `apply_client_id`: set them as `ARM_CLIENT_ID` with
 *    `ARM_USE_OIDC=true`). Their runners must leave from `trustedCidrs` (self-hosted runners or
 *    runners with static egress addresses): the vault and the account refuse other networks.
 * 4. Later changes to the CI identities' own role assignments are applied by an Owner too: the
 *    apply identity may not grant those roles (see `CiIdentities`).
 *
 * The storage account, the vault and the key are `prevent_destroy`: losing the key makes every
 * state of the environment unreadable.
 */
export class AzureFoundationStack extends ReadableNamesStack {
  /** Builds the props from an environment with an Azure subscription. */
  static propsFromSpec(spec: TerraformEnvironment): AzureFoundationStackProps {
    const subscription = spec.clouds.azure;
    const reportStore = complianceReportStore(spec, 'azure');
    const backups = backupStore(spec, 'azure');
    if (subscription === undefined || reportStore === undefined || backups === undefined) {
      throw new Error(`${spec.name}: ${foundationStackName('azure')}: clouds.azure is not set (add the subscription: { subscriptionId, tenantId, location })`);
    }
    return {
      organisationPrefix: spec.infrastructure.organisationPrefix,
      environment: spec.name,
      subscription,
      tags: standardTags(spec),
      ci: spec.infrastructure.ci,
      budget: spec.infrastructure.budget,
      tenantBudgets: tenantCloudBudgets(spec),
      stateVersionRetentionDays: spec.infrastructure.stateVersionRetentionDays,
      stateReplicaLocation: spec.infrastructure.stateReplica?.azure,
      trustedCidrs: trustedCidrs(spec),
      reportStore,
      backupStore: backups,
      deletedBackupRetentionDays: spec.backup.deletedBackupRetentionDays,
      backupReplicaLocation: backupReplicaRegion(spec, 'azure'),
    };
  }

  /** `azure-foundation`: the dist folder and the state blob key. */
  readonly stackName = foundationStackName('azure');
  readonly storageAccount: StorageAccount;
  readonly keyVault: EncryptionKeyVault;
  readonly ciIdentities: CiIdentities;
  readonly reports: AzureComplianceReportStore;
  readonly backups: AzureBackupStore;

  constructor(scope: Construct, id: string, props: AzureFoundationStackProps) {
    super(scope, id, `${props.environment}: ${id}`);
    const { environment, subscription } = props;
    const location = subscription.location;
    const retentionDays = props.stateVersionRetentionDays;

    addAzureProvider(this, subscription);
    addAzurermStateBackend(this, { organisationPrefix: props.organisationPrefix, environment, subscription, stackName: foundationStackName('azure') });

    const group = new ResourceGroup(this, 'resource-group', { name: foundationResourceGroupName(environment), location });
    const inGroup = { resourceGroupName: group.name, location };

    const workspace = new LogAnalyticsWorkspace(this, 'logs', {
      ...inGroup,
      name: `log-${environment}-platform`,
      sku: 'PerGB2018',
      retentionInDays: LOG_RETENTION_DAYS,
      // Entra ID only: no workspace keys that could write or read logs.
      localAuthenticationEnabled: false,
    });

    this.keyVault = new EncryptionKeyVault(this, 'state-encryption', {
      ...inGroup,
      name: stateKeyVaultName(environment, subscription),
      tenantId: subscription.tenantId,
      firewall: { kind: 'deny-except', ipRules: props.trustedCidrs },
      keyName: 'tfstate',
      // Storage wraps its account encryption key with this key; nothing else.
      keyOperations: ['wrapKey', 'unwrapKey'],
    });
    const { key } = this.keyVault;

    const { identity: storageIdentity, keyAccess } = addStorageKeyIdentity(this, { ...inGroup, name: `id-${environment}-tfstate-storage`, key });

    this.storageAccount = new StorageAccount(this, 'state', {
      ...inGroup,
      ...encryptedAccountSettings({ identity: storageIdentity, key, retentionDays }),
      name: stateStorageAccountName(props.organisationPrefix, environment, subscription),
      accountReplicationType: stateReplication(location, props.stateReplicaLocation),
      networkRules: {
        defaultAction: 'Deny',
        bypass: ['AzureServices'],
        ipRules: [...props.trustedCidrs],
      },
      dependsOn: [keyAccess],
    });

    const container = new StorageContainer(this, 'state-container', {
      name: STATE_CONTAINER_NAME,
      // By Resource Manager id: managed without the blob data plane (see addAzureProvider).
      storageAccountId: this.storageAccount.id,
      containerAccessType: 'private',
    });

    new StorageManagementPolicy(this, 'state-retention', {
      storageAccountId: this.storageAccount.id,
      rule: [
        {
          name: 'delete-old-state-versions',
          enabled: true,
          filters: { blobTypes: ['blockBlob'], prefixMatch: [`${STATE_CONTAINER_NAME}/`] },
          actions: { version: { deleteAfterDaysSinceCreation: retentionDays } },
        },
      ],
    });

    logBlobAccess(this, 'state-access-logs', { storageAccountId: this.storageAccount.id, workspaceId: workspace.id });

    this.ciIdentities = new CiIdentities(this, 'ci', {
      ...inGroup,
      environment,
      subscriptionId: subscription.subscriptionId,
      ci: props.ci,
      stateContainerId: container.id,
    });

    this.reports = new AzureComplianceReportStore(this, 'reports', {
      environment,
      subscription,
      resourceGroupName: group.name,
      store: props.reportStore,
      versionRetentionDays: retentionDays,
      replicaLocation: props.stateReplicaLocation,
      trustedCidrs: props.trustedCidrs,
      workspaceId: workspace.id,
    });

    this.backups = new AzureBackupStore(this, 'backups', {
      environment,
      subscription,
      resourceGroupName: group.name,
      store: props.backupStore,
      deletedBackupRetentionDays: props.deletedBackupRetentionDays,
      replicaLocation: props.backupReplicaLocation,
      trustedCidrs: props.trustedCidrs,
      workspaceId: workspace.id,
    });

    new SubscriptionBudget(this, 'budget', {
      name: `budget-${environment}-monthly`,
      subscriptionId: subscription.subscriptionId,
      budget: props.budget,
    });
    for (const t of props.tenantBudgets ?? []) {
      new SubscriptionBudget(this, `budget-${t.name}`, { name: `budget-${t.name}`, subscriptionId: subscription.subscriptionId, budget: t.budget, tag: t.tag });
    }

    publishOutputs(
      this,
      AZURE_FOUNDATION_OUTPUTS,
      {
        resource_group_name: group.name,
        state_storage_account_id: this.storageAccount.id,
        state_container_id: container.id,
        state_key_vault_id: this.keyVault.vault.id,
        log_analytics_workspace_id: workspace.id,
        plan_client_id: this.ciIdentities.identities.plan.clientId,
        apply_client_id: this.ciIdentities.identities.apply.clientId,
        report_storage_account_id: this.reports.account.id,
        report_container_id: this.reports.container.id,
        report_key_vault_id: this.reports.keyVault.vault.id,
        backup_storage_account_id: this.backups.account.id,
        backup_container_id: this.backups.container.id,
      },
      {
        resource_group_name: 'Resource group of the state store, CI identities and log workspace',
        state_storage_account_id: 'Storage account holding every Terraform state of the environment',
        state_container_id: 'Blob container of the states; the drift-check identities read it',
        state_key_vault_id: 'Key Vault of the key encrypting the state storage account',
        log_analytics_workspace_id: 'Log Analytics workspace receiving access, audit and control-plane logs',
        plan_client_id: 'Client id of the plan identity (ARM_CLIENT_ID of plan jobs)',
        apply_client_id: 'Client id of the apply identity (ARM_CLIENT_ID of apply jobs)',
        report_storage_account_id: 'Storage account policy-reporter uploads the compliance reports to',
        report_container_id: 'Blob container of the compliance reports; the uploaders write into it',
        report_key_vault_id: 'Key Vault of the key encrypting the report storage account',
        backup_storage_account_id: 'Storage account Velero writes the backups to; its identities may request user delegation keys on it',
        backup_container_id: 'Blob container of the Velero backups; the Velero identities read and write it',
      },
    );
    tagEveryResource(this, props.tags);
  }
}

/**
 * Where Terraform runs from outside Azure: the public ranges the spec allows to reach cluster API
 * servers (admin VPN egress), every cluster's, and the CI runners' static egress
 * (`infrastructure.ci.runnerCidrs`), deduplicated and sorted. Pods of the AKS clusters (the drift
 * check) come through private endpoints instead (state-private-endpoints.ts): an IP rule cannot
 * admit same-region traffic to a storage account.
 */
export function trustedCidrs(spec: TerraformEnvironment): string[] {
  return [...new Set([...spec.clusters.flatMap((cluster) => cluster.apiAccess.allowedCidrs), ...(spec.infrastructure.ci.runnerCidrs ?? [])])].sort();
}
