import { Testing } from 'cdktf';
import { complianceReportStore } from '../../../constructs/core/observability-contract';
import { KEY_ROTATION } from '../../../constructs/terraform/azure/encryption-key-vault';
import { AZURE_FOUNDATION_OUTPUTS, AzureFoundationStack, trustedCidrs } from '../../../constructs/terraform/azure/foundation-stack';
import { keyVaultName, stateKeyVaultName, stateStorageAccountName } from '../../../constructs/terraform/azure/names';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import { at, block } from '../terraform-json';
import { AZURE_ENVIRONMENTS, foundationJson } from './azure-test-helpers';

describe.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('AzureFoundationStack in %s', (env, spec) => {
  const azure = spec.clouds.azure!;
  const json = foundationJson(spec);
  const account = block(json, 'azurerm_storage_account', 'state');
  const vault = block(json, 'azurerm_key_vault', 'state-encryption-vault');
  const key = block(json, 'azurerm_key_vault_key', 'state-encryption-key');
  const retention = spec.infrastructure.stateVersionRetentionDays;

  it('has no violations', () => {
    const stack = new AzureFoundationStack(Testing.app(), foundationStackName('azure'), AzureFoundationStack.propsFromSpec(spec)!);
    expect(stackViolations(stack, env)).toEqual([]);
  });

  it('keeps its own state in the storage account it creates, read and locked with Entra ID', () => {
    expect(at(json, 'terraform', 'backend', 'azurerm')).toMatchObject({
      storage_account_name: stateStorageAccountName(spec.infrastructure.organisationPrefix, env, azure),
      container_name: 'tfstate',
      key: 'azure-foundation/terraform.tfstate',
      use_azuread_auth: true,
    });
    expect(account.name).toBe(stateStorageAccountName(spec.infrastructure.organisationPrefix, env, azure));
  });

  it('encrypts the account with the rotating key through a user-assigned identity that may only wrap with that key', () => {
    expect(account.customer_managed_key).toEqual({
      key_vault_key_id: '${azurerm_key_vault_key.state-encryption-key.versionless_id}',
      user_assigned_identity_id: '${azurerm_user_assigned_identity.storage-identity.id}',
    });
    expect(account.identity).toEqual({ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.storage-identity.id}'] });
    expect(block(json, 'azurerm_role_assignment', 'storage-key-access')).toMatchObject({
      principal_id: '${azurerm_user_assigned_identity.storage-identity.principal_id}',
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      scope: '${azurerm_key_vault_key.state-encryption-key.resource_versionless_id}',
    });
    // The account is created encrypted, so the identity's role must exist first.
    expect(account.depends_on).toEqual(['azurerm_role_assignment.storage-key-access']);
    expect(account).toMatchObject({ infrastructure_encryption_enabled: true, queue_encryption_key_type: 'Account', table_encryption_key_type: 'Account' });
  });

  it('rotates the state key automatically, lets each version expire and keeps Terraform from clearing the expiry', () => {
    expect(key).toMatchObject({
      key_type: 'RSA',
      key_size: 3072,
      key_opts: ['wrapKey', 'unwrapKey'],
      key_vault_id: '${azurerm_key_vault.state-encryption-vault.id}',
      rotation_policy: {
        automatic: { time_after_creation: KEY_ROTATION.rotateAfter },
        expire_after: KEY_ROTATION.expireAfter,
        notify_before_expiry: KEY_ROTATION.notifyBeforeExpiry,
      },
      lifecycle: { prevent_destroy: true, ignore_changes: ['expiration_date'] },
    });
    expect(KEY_ROTATION).toEqual({ rotateAfter: 'P90D', expireAfter: 'P365D', notifyBeforeExpiry: 'P30D' });
  });

  it('protects the vault with purge protection, 90 days of soft delete, RBAC and a firewall open to the trusted ranges only', () => {
    expect(vault).toMatchObject({
      name: stateKeyVaultName(env, azure),
      tenant_id: azure.tenantId,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      rbac_authorization_enabled: true,
      network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: trustedCidrs(spec) },
      lifecycle: { prevent_destroy: true },
    });
    expect(vault).not.toHaveProperty('access_policy');
  });

  it('accepts only HTTPS with TLS 1.2 or later', () => {
    expect(account).toMatchObject({ min_tls_version: 'TLS1_2', https_traffic_only_enabled: true });
  });

  it('allows no public blob, no shared key, no local user and no network outside the trusted ranges', () => {
    expect(account).toMatchObject({
      allow_nested_items_to_be_public: false,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      local_user_enabled: false,
      cross_tenant_replication_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'], ip_rules: trustedCidrs(spec) },
    });
    expect(block(json, 'azurerm_storage_container', 'state-container')).toEqual(
      expect.objectContaining({ name: 'tfstate', container_access_type: 'private', storage_account_id: '${azurerm_storage_account.state.id}' }),
    );
  });

  it(`keeps versions, a change feed, deleted blobs and containers for the spec's ${retention} days and deletes older versions`, () => {
    expect(account.blob_properties).toEqual({
      versioning_enabled: true,
      change_feed_enabled: true,
      change_feed_retention_in_days: retention,
      delete_retention_policy: { days: Math.min(retention, 365) },
      container_delete_retention_policy: { days: Math.min(retention, 365) },
    });
    expect(block(json, 'azurerm_storage_management_policy', 'state-retention')).toMatchObject({
      storage_account_id: '${azurerm_storage_account.state.id}',
      rule: [
        {
          name: 'delete-old-state-versions',
          enabled: true,
          filters: { blob_types: ['blockBlob'], prefix_match: ['tfstate/'] },
          actions: { version: { delete_after_days_since_creation: retention } },
        },
      ],
    });
  });

  it('logs every read, write and delete of the blob service to the Log Analytics workspace', () => {
    expect(block(json, 'azurerm_monitor_diagnostic_setting', 'state-access-logs')).toMatchObject({
      target_resource_id: '${azurerm_storage_account.state.id}/blobServices/default',
      log_analytics_workspace_id: '${azurerm_log_analytics_workspace.logs.id}',
      enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }],
    });
    expect(block(json, 'azurerm_log_analytics_workspace', 'logs')).toMatchObject({ local_authentication_enabled: false, retention_in_days: 90 });
  });

  it('protects the account from destroy', () => {
    expect(account.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('configures the provider for the subscription, without shared keys, data-plane calls or blanket provider registration', () => {
    const [provider] = at(json, 'provider', 'azurerm') as Record<string, unknown>[];
    expect(provider).toMatchObject({
      subscription_id: azure.subscriptionId,
      tenant_id: azure.tenantId,
      storage_use_azuread: true,
      resource_provider_registrations: 'none',
      features: [{ storage: [{ data_plane_available: false }], key_vault: [expect.objectContaining({ purge_soft_delete_on_destroy: false })] }],
    });
  });

  describe('the compliance report store', () => {
    const store = complianceReportStore(spec, 'azure')!;
    const reports = block(json, 'azurerm_storage_account', 'reports-account');

    it(`is the storage account and private container the observability contract names (${store.bucket}/${store.container})`, () => {
      expect(reports).toMatchObject({ name: store.bucket, location: azure.location, lifecycle: { prevent_destroy: true } });
      expect(block(json, 'azurerm_storage_container', 'reports-container')).toEqual(
        expect.objectContaining({ name: store.container, container_access_type: 'private', storage_account_id: '${azurerm_storage_account.reports-account.id}' }),
      );
    });

    it('is hardened exactly like the state account: TLS 1.2, Entra ID only, no public blobs, double encryption, versions and soft delete', () => {
      const hardening = (a: Record<string, unknown>) => {
        const { name: _name, network_rules: _rules, identity: _identity, customer_managed_key: _key, depends_on: _after, ...rest } = a;
        return rest;
      };
      expect(hardening(reports)).toEqual(hardening(account));
      expect(reports).toMatchObject({ min_tls_version: 'TLS1_2', shared_access_key_enabled: false, allow_nested_items_to_be_public: false });
    });

    it('encrypts with a rotating key of its own vault, which only its storage identity may wrap with', () => {
      expect(reports.customer_managed_key).toEqual({
        key_vault_key_id: '${azurerm_key_vault_key.reports-encryption-key.versionless_id}',
        user_assigned_identity_id: '${azurerm_user_assigned_identity.reports-storage-identity.id}',
      });
      expect(reports.depends_on).toEqual(['azurerm_role_assignment.reports-storage-key-access']);
      expect(block(json, 'azurerm_role_assignment', 'reports-storage-key-access')).toMatchObject({
        principal_id: '${azurerm_user_assigned_identity.reports-storage-identity.principal_id}',
        role_definition_name: 'Key Vault Crypto Service Encryption User',
        scope: '${azurerm_key_vault_key.reports-encryption-key.resource_versionless_id}',
      });
      expect(block(json, 'azurerm_key_vault', 'reports-encryption-vault')).toMatchObject({
        name: keyVaultName('reports', env, azure),
        purge_protection_enabled: true,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: trustedCidrs(spec) },
      });
      expect(block(json, 'azurerm_key_vault_key', 'reports-encryption-key')).toMatchObject({
        key_opts: ['wrapKey', 'unwrapKey'],
        rotation_policy: expect.objectContaining({ expire_after: KEY_ROTATION.expireAfter }),
      });
    });

    it('admits every network, since the uploading pods leave the clusters from addresses unknown here, and trusts Entra ID alone', () => {
      expect(reports.network_rules).toEqual({ default_action: 'Allow', bypass: ['AzureServices'] });
    });

    it(`deletes reports after ${REPORT_RETENTION_DAYS} days and replaced versions after ${retention}`, () => {
      expect(block(json, 'azurerm_storage_management_policy', 'reports-retention')).toMatchObject({
        storage_account_id: '${azurerm_storage_account.reports-account.id}',
        rule: [
          {
            name: 'expire-compliance-reports',
            enabled: true,
            filters: { blob_types: ['blockBlob'], prefix_match: [`${store.container}/`] },
            actions: { base_blob: { delete_after_days_since_modification_greater_than: REPORT_RETENTION_DAYS }, version: { delete_after_days_since_creation: retention } },
          },
        ],
      });
    });

    it('logs every read, write and delete of a report to the workspace', () => {
      expect(block(json, 'azurerm_monitor_diagnostic_setting', 'reports-access-logs')).toMatchObject({
        target_resource_id: '${azurerm_storage_account.reports-account.id}/blobServices/default',
        log_analytics_workspace_id: '${azurerm_log_analytics_workspace.logs.id}',
        enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }],
      });
    });
  });

  it('publishes exactly the foundation output shape', () => {
    expect(Object.keys(at(json, 'output') as object).sort()).toEqual(Object.keys(AZURE_FOUNDATION_OUTPUTS).sort());
    expect(at(json, 'output')).toMatchObject({
      log_analytics_workspace_id: { value: '${azurerm_log_analytics_workspace.logs.id}' },
      state_container_id: { value: '${azurerm_storage_container.state-container.id}' },
      report_storage_account_id: { value: '${azurerm_storage_account.reports-account.id}' },
      report_container_id: { value: '${azurerm_storage_container.reports-container.id}' },
    });
  });
});
