import { backupStore, VELERO_WORKLOAD } from '../../../constructs/core/backup-contract';
import { serviceAccountSubject, workloadIdentityName } from '../../../constructs/core/observability-contract';
import { foundationResourceGroupName, keyVaultName } from '../../../constructs/terraform/azure/names';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import type { EnvironmentSpec } from '../../../environments/types';
import { TF_DEVELOPMENT, TF_PRODUCTION_AZURE } from '../terraform-fixtures';
import { block, blocksOf } from '../terraform-json';
import { AKS_CASES, azureJson, foundationJson, remoteOutput } from './azure-test-helpers';

describe.each([
  ['development', TF_DEVELOPMENT, 'ZRS'],
  ['production', TF_PRODUCTION_AZURE, 'GZRS'],
] as const)('the Azure backup store of %s', (_tier, spec: EnvironmentSpec, replication) => {
  const json = foundationJson(spec);
  const store = backupStore(spec, 'azure')!;
  const account = block(json, 'azurerm_storage_account', 'backups-account');

  it('is the storage account and container the backup contract names, in the foundation resource group, within the name limits', () => {
    expect(account).toMatchObject({ name: store.bucket, resource_group_name: '${azurerm_resource_group.resource-group.name}', lifecycle: { prevent_destroy: true } });
    expect(store.bucket).toMatch(/^[a-z0-9]{3,24}$/);
    expect(store.resourceGroup).toBe(foundationResourceGroupName(spec.name));
    expect(block(json, 'azurerm_storage_container', 'backups-container')).toMatchObject({
      name: store.container,
      storage_account_id: '${azurerm_storage_account.backups-account.id}',
      container_access_type: 'private',
    });
  });

  it('is encrypted with a customer-managed key of its own vault, reached by an identity of its own', () => {
    expect(block(json, 'azurerm_key_vault', 'backups-encryption-vault').name).toBe(keyVaultName('backups', spec.name, spec.clouds.azure!));
    expect(account.customer_managed_key).toEqual({
      key_vault_key_id: '${azurerm_key_vault_key.backups-encryption-key.versionless_id}',
      user_assigned_identity_id: '${azurerm_user_assigned_identity.backups-storage-identity.id}',
    });
    expect(account.infrastructure_encryption_enabled).toBe(true);
  });

  it('accepts TLS 1.2 over HTTPS only, Entra ID only, and no public containers', () => {
    expect(account).toMatchObject({
      min_tls_version: 'TLS1_2',
      https_traffic_only_enabled: true,
      shared_access_key_enabled: false,
      local_user_enabled: false,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
    });
  });

  it('keeps versions and soft-deleted blobs, and deletes only old versions, after backup.deletedBackupRetentionDays', () => {
    const days = spec.backup.deletedBackupRetentionDays;
    expect(account.blob_properties).toMatchObject({ versioning_enabled: true, delete_retention_policy: { days } });
    const policy = block(json, 'azurerm_storage_management_policy', 'backups-retention');
    expect(policy.rule).toEqual([expect.objectContaining({ name: 'expire-deleted-backups', actions: { version: { delete_after_days_since_creation: days } } })]);
  });

  it(`is ${replication}: geo-redundant to the paired region only where backups are replicated`, () => {
    expect(account.account_replication_type).toBe(replication);
    expect(spec.backup.replicated === true).toBe(replication === 'GZRS');
  });

  it('logs every read, write and delete to the workspace', () => {
    expect(block(json, 'azurerm_monitor_diagnostic_setting', 'backups-access-logs')).toMatchObject({
      target_resource_id: '${azurerm_storage_account.backups-account.id}/blobServices/default',
      enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }],
    });
  });

  it('publishes the account and container the cluster stacks grant Velero', () => {
    const outputs = json.output as Record<string, { value: string }>;
    expect(outputs.backup_storage_account_id!.value).toBe('${azurerm_storage_account.backups-account.id}');
    expect(outputs.backup_container_id!.value).toBe('${azurerm_storage_container.backups-container.id}');
  });
});

describe.each(AKS_CASES)("Velero's identity on %s", (_name, spec, cluster) => {
  const json = azureJson(spec, clusterStackName('azure', cluster.name));
  const principal = '${azurerm_user_assigned_identity.velero-identity.principal_id}';

  it('is the user-assigned identity <cluster>-velero, federated with velero/velero of this cluster only', () => {
    expect(block(json, 'azurerm_user_assigned_identity', 'velero-identity').name).toBe(workloadIdentityName(cluster, 'velero'));
    const credentials = Object.values(blocksOf(json, 'azurerm_federated_identity_credential')).filter(
      (c) => c.parent_id === '${azurerm_user_assigned_identity.velero-identity.id}',
    );
    expect(credentials).toEqual([
      expect.objectContaining({
        issuer: '${azurerm_kubernetes_cluster.cluster.oidc_issuer_url}',
        subject: serviceAccountSubject(VELERO_WORKLOAD),
        audience: ['api://AzureADTokenExchange'],
      }),
    ]);
  });

  it('may read and write blobs of the backup container, and sign links to them, nothing else', () => {
    const grants = Object.values(blocksOf(json, 'azurerm_role_assignment'))
      .filter((a) => a.principal_id === principal)
      .map((a) => `${String(a.role_definition_name)} @ ${String(a.scope)}`)
      .sort();
    expect(grants).toEqual([
      `Storage Blob Data Contributor @ ${remoteOutput('foundation', 'backup_container_id')}`,
      `Storage Blob Delegator @ ${remoteOutput('foundation', 'backup_storage_account_id')}`,
    ]);
  });

  it('publishes its client id, which the spec copies into workloadClientIds.velero', () => {
    const output = (json.output as Record<string, { value: string; description: string }>).velero_client_id!;
    expect(output.value).toBe('${azurerm_user_assigned_identity.velero-identity.client_id}');
    expect(output.description).toContain('workloadClientIds.velero');
  });
});

describe('the Azure backup store name', () => {
  it('cuts a long environment name, never the subscription suffix, to stay within 24 characters', () => {
    const subscription = TF_PRODUCTION_AZURE.clouds.azure!;
    const store = backupStore({ name: 'a-very-long-environment-name', clouds: { azure: subscription } }, 'azure')!;
    const suffix = subscription.subscriptionId.replace(/[^a-f0-9]/g, '').slice(0, 8);
    expect(store.bucket).toMatch(/^[a-z0-9]{3,24}$/);
    expect(store.bucket).toBe(`averylongebackup${suffix}`);
  });
});
