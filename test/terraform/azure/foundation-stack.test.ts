// The foundation-stack construct tests share this file on purpose: every jest test file loads cdktf and the @cdktf/provider-* modules afresh (~1-1.5 s), which costs more than a small file's tests.
import { Testing, TerraformStack } from 'cdktf';
import { KEY_ROTATION, EncryptionKeyVault, type EncryptionKeyVaultProps } from '../../../constructs/terraform/azure/encryption-key-vault';
import { AZURE_FOUNDATION_OUTPUTS, AzureFoundationStack, trustedCidrs } from '../../../constructs/terraform/azure/foundation-stack';
import { keyVaultName, stateKeyVaultName, stateStorageAccountName } from '../../../constructs/terraform/azure/names';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { complianceReportStore } from '../../../constructs/core/observability-contract';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import type { EnvironmentSpec, CiIdentitySpec, BudgetSpec, AzureSubscription } from '../../../environments/types';
import { AZURE_ENVIRONMENTS, at, azureBase, block, blocksOf, synthJson, withInfrastructure, allStrings, buildAzure, withApplyFrom, azureJson } from './azure-test-helpers';
import { AZURE_TOKEN_EXCHANGE_AUDIENCE, GITHUB_OIDC_ISSUER, githubSubjects } from '../../../constructs/terraform/azure/ci-identities';
import { ROLES_APPLY_MAY_ASSIGN } from '../../../constructs/terraform/azure/roles';
import { ReadableNamesStack } from '../../../constructs/terraform/readable-names-stack';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { SubscriptionBudget, type SubscriptionBudgetProps } from '../../../constructs/terraform/azure/subscription-budget';
import { addAzurermStateBackend, azureRemoteState } from '../../../constructs/terraform/azure/azurerm-state-backend';

function foundationJson(spec: EnvironmentSpec): Record<string, unknown> {
  return synthJson(new AzureFoundationStack(Testing.app(), AzureFoundationStack.LAYER, AzureFoundationStack.propsFromSpec(spec)!));
}

describe.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('AzureFoundationStack in %s', (env, spec) => {
  const azure = spec.clouds.azure!;
  const json = foundationJson(spec);
  const account = block(json, 'azurerm_storage_account', 'state');
  const vault = block(json, 'azurerm_key_vault', 'state-encryption-vault');
  const key = block(json, 'azurerm_key_vault_key', 'state-encryption-key');
  const retention = spec.infrastructure.stateVersionRetentionDays;

  it('has no violations', () => {
    const stack = new AzureFoundationStack(Testing.app(), AzureFoundationStack.LAYER, AzureFoundationStack.propsFromSpec(spec)!);
    expect(stackViolations(stack, env)).toEqual([]);
  });

  it('keeps its own state in the storage account it creates, read and locked with Entra ID', () => {
    expect(at(json, 'terraform', 'backend', 'azurerm')).toMatchObject({
      storage_account_name: stateStorageAccountName(env, azure),
      container_name: 'tfstate',
      key: 'azure-foundation/terraform.tfstate',
      use_azuread_auth: true,
    });
    expect(account.name).toBe(stateStorageAccountName(env, azure));
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
      expect(block(json, 'azurerm_key_vault_key', 'reports-encryption-key')).toMatchObject({ key_opts: ['wrapKey', 'unwrapKey'], rotation_policy: expect.objectContaining({ expire_after: KEY_ROTATION.expireAfter }) });
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

describe('AzureFoundationStack variants', () => {
  const { spec } = azureBase();

  it('stays zone-redundant in its location without a state replica', () => {
    const json = foundationJson(withInfrastructure(spec, { stateReplica: undefined }));
    expect(block(json, 'azurerm_storage_account', 'state').account_replication_type).toBe('ZRS');
  });

  it("replicates geo- and zone-redundantly to the location's pair when the spec asks for a replica there", () => {
    const replicated: EnvironmentSpec = {
      ...withInfrastructure(spec, { stateReplica: { azure: 'northeurope' } }),
      clouds: { ...spec.clouds, azure: { ...spec.clouds.azure!, location: 'westeurope' } },
    };
    const json = foundationJson(replicated);
    expect(block(json, 'azurerm_storage_account', 'state').account_replication_type).toBe('GZRS');
    expect(block(json, 'azurerm_storage_account', 'reports-account').account_replication_type).toBe('GZRS');
  });

  it('rejects a replica outside the pair, which geo-redundant storage cannot write to', () => {
    const elsewhere: EnvironmentSpec = {
      ...withInfrastructure(spec, { stateReplica: { azure: 'francecentral' } }),
      clouds: { ...spec.clouds, azure: { ...spec.clouds.azure!, location: 'westeurope' } },
    };
    expect(() => foundationJson(elsewhere)).toThrow('copies to the region pair, northeurope');
  });

  it('caps blob and container soft delete at 365 days while the policy keeps versions for the full retention', () => {
    const json = foundationJson(withInfrastructure(spec, { stateVersionRetentionDays: 730 }));
    expect(block(json, 'azurerm_storage_account', 'state').blob_properties).toMatchObject({
      change_feed_retention_in_days: 730,
      delete_retention_policy: { days: 365 },
      container_delete_retention_policy: { days: 365 },
    });
    expect(JSON.stringify(block(json, 'azurerm_storage_management_policy', 'state-retention'))).toContain('"delete_after_days_since_creation":730');
  });

  it('trusts the API allow lists of every cluster (CI runners, VPN), each range once and sorted', () => {
    const [first, ...rest] = spec.clusters;
    const clusters = [
      { ...first!, apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24', '198.51.100.0/24'] } },
      ...rest.map((c) => ({ ...c, apiAccess: { privateEndpoint: false, allowedCidrs: ['198.51.100.0/24', '192.0.2.0/24'] } })),
    ];
    // Without CI runner ranges (their own test: state-access.test.ts).
    const { runnerCidrs: _runners, ...ci } = spec.infrastructure.ci;
    expect(trustedCidrs({ ...spec, clusters, infrastructure: { ...spec.infrastructure, ci } })).toEqual(rest.length > 0 ? ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'] : ['198.51.100.0/24', '203.0.113.0/24']);
  });

  it('trusts no public range when every cluster is private and no CI runner range is given (Terraform then runs from inside the network)', () => {
    const clusters = spec.clusters.map((c) => ({ ...c, apiAccess: { privateEndpoint: true, allowedCidrs: [] } }));
    const { runnerCidrs: _runners, ...ci } = spec.infrastructure.ci;
    const json = foundationJson({ ...spec, clusters, infrastructure: { ...spec.infrastructure, ci } });
    expect(block(json, 'azurerm_storage_account', 'state').network_rules).toEqual({ default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [] });
  });

  it('has no props, and so no foundation, for an environment without an Azure subscription', () => {
    expect(AzureFoundationStack.propsFromSpec({ ...spec, clouds: { gcp: spec.clouds.gcp } })).toBeUndefined();
  });

  it('creates a Key Vault, a key and a storage account for the state, and another set for the compliance reports', () => {
    const json = foundationJson(spec);
    const names = (type: string) => Object.keys(blocksOf(json, type)).sort();
    expect(names('azurerm_key_vault')).toEqual(['reports-encryption-vault', 'state-encryption-vault']);
    expect(names('azurerm_key_vault_key')).toEqual(['reports-encryption-key', 'state-encryption-key']);
    expect(names('azurerm_storage_account')).toEqual(['reports-account', 'state']);
  });
});

const repository = 'acme/platform-gitops';

/** Federated credentials of one CI identity, as `subject` strings. */
function subjectsOf(json: Record<string, unknown>, role: 'plan' | 'apply'): unknown[] {
  return Object.values(blocksOf(json, 'azurerm_federated_identity_credential'))
    .filter((c) => c.parent_id === `\${azurerm_user_assigned_identity.ci-${role}.id}`)
    .map((c) => c.subject);
}

/** Role assignments of one CI identity as `role @ scope`. */
function grantsOf(json: Record<string, unknown>, role: 'plan' | 'apply'): string[] {
  return Object.values(blocksOf(json, 'azurerm_role_assignment'))
    .filter((a) => a.principal_id === `\${azurerm_user_assigned_identity.ci-${role}.principal_id}`)
    .map((a) => `${String(a.role_definition_name)} @ ${String(a.scope)}`)
    .sort();
}

describe('githubSubjects', () => {
  const branch: CiIdentitySpec = { repository, repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } };
  const environment: CiIdentitySpec = { repository, repositoryId: '42', applyFrom: { kind: 'environment', name: 'production' } };

  it('lets plan run from pull requests and the apply branch, and apply only from that branch', () => {
    expect(githubSubjects(branch)).toEqual({
      plan: [
        { name: 'github-pull-request', subject: 'repo:acme/platform-gitops:pull_request' },
        { name: 'github-branch-main', subject: 'repo:acme/platform-gitops:ref:refs/heads/main' },
      ],
      apply: [{ name: 'github-branch-main', subject: 'repo:acme/platform-gitops:ref:refs/heads/main' }],
    });
  });

  it('lets apply run only from jobs of the deployment environment, and plan only from pull requests', () => {
    expect(githubSubjects(environment)).toEqual({
      plan: [{ name: 'github-pull-request', subject: 'repo:acme/platform-gitops:pull_request' }],
      apply: [{ name: 'github-environment-production', subject: 'repo:acme/platform-gitops:environment:production' }],
    });
  });

  it('keeps the exact branch in the subject and only the credential name simplified', () => {
    const [apply] = githubSubjects({ repository, repositoryId: '42', applyFrom: { kind: 'branch', name: 'release/2026.11' } }).apply;
    expect(apply).toEqual({ name: 'github-branch-release-2026-11', subject: 'repo:acme/platform-gitops:ref:refs/heads/release/2026.11' });
  });
});

describe.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the CI identities of %s', (env, spec) => {
  const json = foundationJson(spec);
  const subscription = `/subscriptions/${spec.clouds.azure!.subscriptionId}`;
  const container = '${azurerm_storage_container.state-container.id}';

  it('are two user-assigned identities, one per role', () => {
    expect(Object.values(blocksOf(json, 'azurerm_user_assigned_identity')).map((i) => i.name)).toEqual(
      expect.arrayContaining([`id-${env}-terraform-plan`, `id-${env}-terraform-apply`]),
    );
  });

  it("trust GitHub's issuer with the token-exchange audience and exactly the subjects of their role", () => {
    const credentials = Object.values(blocksOf(json, 'azurerm_federated_identity_credential'));
    expect(credentials.length).toBeGreaterThan(0);
    for (const credential of credentials) {
      expect(credential).toMatchObject({ issuer: GITHUB_OIDC_ISSUER, audience: [AZURE_TOKEN_EXCHANGE_AUDIENCE] });
      expect(String(credential.subject)).toMatch(new RegExp(`^repo:${spec.infrastructure.ci.repository}:`));
      expect(String(credential.subject)).not.toContain('*');
    }
    const subjects = githubSubjects(spec.infrastructure.ci);
    expect(subjectsOf(json, 'plan').sort()).toEqual(subjects.plan.map((s) => s.subject).sort());
    expect(subjectsOf(json, 'apply').sort()).toEqual(subjects.apply.map((s) => s.subject).sort());
  });

  it('write the federated credentials of one identity one after the other', () => {
    for (const role of ['plan', 'apply']) {
      const credentials = Object.entries(blocksOf(json, 'azurerm_federated_identity_credential')).filter(([name]) => name.startsWith(`ci-${role}-`));
      const addresses = credentials.map(([name]) => `azurerm_federated_identity_credential.${name}`);
      const waits = credentials.map(([, c]) => (Array.isArray(c.depends_on) ? c.depends_on : []));
      // A chain: one starts, every other waits for exactly one sibling, no two wait for the same.
      expect(waits.filter((w) => w.length === 0)).toHaveLength(1);
      const waitedFor = waits.flat();
      expect(waitedFor).toHaveLength(credentials.length - 1);
      expect(new Set(waitedFor).size).toBe(waitedFor.length);
      for (const address of waitedFor) expect(addresses).toContain(address);
    }
  });

  it('give plan read access, key metadata, cluster user credentials and read of the state, and nothing that writes resources or the state', () => {
    expect(grantsOf(json, 'plan')).toEqual(
      [
        `Reader @ ${subscription}`,
        `Key Vault Reader @ ${subscription}`,
        `Azure Kubernetes Service Cluster User Role @ ${subscription}`,
        `Storage Blob Data Reader @ ${container}`,
      ].sort(),
    );
    // The backend's lock (a lease on the state blob) needs the right that overwrites the state.
    expect(grantsOf(json, 'plan').join('\n')).not.toMatch(/Contributor|Owner/);
  });

  it('give apply Contributor, key management, the state, and role assignment limited to the workload roles: never Owner', () => {
    expect(grantsOf(json, 'apply')).toEqual(
      [
        `Contributor @ ${subscription}`,
        `Key Vault Crypto Officer @ ${subscription}`,
        `Role Based Access Control Administrator @ ${subscription}`,
        `Storage Blob Data Contributor @ ${container}`,
      ].sort(),
    );
    const names = Object.values(blocksOf(json, 'azurerm_role_assignment')).map((a) => a.role_definition_name);
    expect(names).not.toContain('Owner');
    expect(names).not.toContain('User Access Administrator');
  });

  it('limit the apply identity to granting and revoking the workload roles, looked up by name', () => {
    const grant = block(json, 'azurerm_role_assignment', 'ci-apply-role-assignments');
    expect(grant.condition_version).toBe('2.0');
    const condition = String(grant.condition);
    expect(condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/write'}");
    expect(condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/delete'}");
    expect(condition).toContain('@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals');
    expect(condition).toContain('@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals');
    const lookups = Object.entries(blocksOf(json, 'azurerm_role_definition', 'data'));
    expect(lookups.map(([, d]) => d.name).sort()).toEqual([...ROLES_APPLY_MAY_ASSIGN].sort());
    for (const [name] of lookups) expect(condition).toContain(`basename(data.azurerm_role_definition.${name}.id)`);
  });

  it('use no client secret, certificate or application password anywhere', () => {
    expect(Object.keys(json.resource as object).filter((type) => type.startsWith('azuread_'))).toEqual([]);
    expect(allStrings(json).join('\n')).not.toMatch(/client_secret|client_certificate|password/i);
  });
});

describe('the CI identities of an environment that applies from a deployment environment', () => {
  const { spec } = azureBase();
  const json = foundationJson(withApplyFrom(spec, { kind: 'environment', name: 'production' }));

  it('trust only that environment for apply and only pull requests for plan', () => {
    expect(subjectsOf(json, 'apply')).toEqual([`repo:${spec.infrastructure.ci.repository}:environment:production`]);
    expect(subjectsOf(json, 'plan')).toEqual([`repo:${spec.infrastructure.ci.repository}:pull_request`]);
  });
});

describe('the roles the Azure stacks grant to workload identities', () => {
  it.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('are all ones the apply identity may grant in %s', (_env, spec) => {
    const workloadGrants = buildAzure(spec).flatMap((entry) =>
      Object.entries(blocksOf(synthJson(entry.stack), 'azurerm_role_assignment')).filter(([name]) => !name.startsWith('ci-')),
    );
    expect(workloadGrants.length).toBeGreaterThan(0);
    for (const [, grant] of workloadGrants) expect(ROLES_APPLY_MAY_ASSIGN).toContain(grant.role_definition_name);
  });
});

/** A stack of the kind the Azure stacks are, so resources get their readable names. */
class ProbeStack extends ReadableNamesStack {}

const base: EncryptionKeyVaultProps = {
  name: 'kms-probe-123abc',
  resourceGroupName: 'rg-probe',
  location: 'westeurope',
  tenantId: 'tenant',
  firewall: { kind: 'deny-except', ipRules: ['203.0.113.0/24'] },
  keyName: 'probe',
  keyOperations: ['wrapKey', 'unwrapKey'],
};

function vaultJson(props: Partial<EncryptionKeyVaultProps> = {}): Record<string, unknown> {
  const stack = new ProbeStack(Testing.app(), 'probe', 'probe');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new EncryptionKeyVault(stack, 'probe', { ...base, ...props });
  return synthJson(stack);
}

describe('EncryptionKeyVault', () => {
  it('makes an RSA 3072 key by default, with exactly the operations asked for', () => {
    expect(block(vaultJson(), 'azurerm_key_vault_key', 'probe-key')).toMatchObject({ key_type: 'RSA', key_size: 3072, key_opts: ['wrapKey', 'unwrapKey'] });
  });

  it('makes a key of another size when asked', () => {
    expect(block(vaultJson({ keySize: 4096 }), 'azurerm_key_vault_key', 'probe-key').key_size).toBe(4096);
  });

  it('denies every network but the listed ranges and trusted Azure services by default', () => {
    expect(block(vaultJson(), 'azurerm_key_vault', 'probe-vault').network_acls).toEqual({
      default_action: 'Deny',
      bypass: 'AzureServices',
      ip_rules: ['203.0.113.0/24'],
    });
  });

  it('opens the firewall only with a stated reason', () => {
    const open = vaultJson({ firewall: { kind: 'open', reason: 'the AKS KMS plugin needs a vault without firewall' } });
    expect(block(open, 'azurerm_key_vault', 'probe-vault').network_acls).toEqual({ default_action: 'Allow', bypass: 'AzureServices', ip_rules: [] });
  });

  it('rejects an open firewall without a reason of at least 10 characters', () => {
    expect(() => vaultJson({ firewall: { kind: 'open', reason: 'needed' } })).toThrow("firewall 'open' needs a reason");
  });
});

const budget: BudgetSpec = { monthlyLimit: 2000, currency: 'USD', alertThresholds: [50, 80, 100], notifyEmails: ['finops@acme.example'] };

function budgetJson(props: Partial<SubscriptionBudgetProps> = {}): Record<string, unknown> {
  const stack = new ProbeStack(Testing.app(), 'probe', 'probe');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new SubscriptionBudget(stack, 'budget', { name: 'budget-dev-monthly', subscriptionId: 'sub-id', budget, ...props });
  const json: unknown = JSON.parse(Testing.synth(stack));
  return block(json as Record<string, unknown>, 'azurerm_consumption_budget_subscription', 'budget-monthly');
}

describe('SubscriptionBudget', () => {
  it('alerts every recipient once per threshold when actual spend goes above it', () => {
    expect(budgetJson().notification).toEqual(
      [50, 80, 100].map((threshold) => ({
        enabled: true,
        operator: 'GreaterThan',
        threshold,
        threshold_type: 'Actual',
        contact_emails: ['finops@acme.example'],
      })),
    );
  });

  it('budgets the monthly limit of the subscription from the month it is created in, never a fixed date time can overtake', () => {
    expect(budgetJson()).toMatchObject({
      amount: 2000,
      subscription_id: '/subscriptions/sub-id',
      time_grain: 'Monthly',
      // Evaluated by Terraform at the apply that creates the budget (issue 11, item 13).
      time_period: { start_date: "${formatdate(\"YYYY-MM-01'T'00:00:00Z\", timestamp())}" },
      // Azure refuses to change the start of an existing budget, and timestamp() moves every plan.
      lifecycle: { ignore_changes: ['time_period'] },
    });
  });

  it('starts from another first of the month when asked', () => {
    expect(budgetJson({ startDate: '2027-01-01T00:00:00Z' }).time_period).toEqual({ start_date: '2027-01-01T00:00:00Z' });
  });

  it('rejects more thresholds than the five notifications Azure allows', () => {
    expect(() => budgetJson({ budget: { ...budget, alertThresholds: [10, 20, 30, 40, 50, 60] } })).toThrow('at most 5 notifications');
  });

  it('rejects a start that is not the first day of a month', () => {
    expect(() => budgetJson({ startDate: '2026-11-25T00:00:00Z' })).toThrow('must be the first day of a month');
  });
});

describe.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the budget of %s', (env, spec) => {
  const json = block(azureJson(spec, 'azure-foundation'), 'azurerm_consumption_budget_subscription', 'budget-monthly');
  const { monthlyLimit, alertThresholds, notifyEmails } = spec.infrastructure.budget;

  it("follows the spec's limit, thresholds and recipients for the environment's subscription", () => {
    expect(json).toMatchObject({ name: `budget-${env}-monthly`, amount: monthlyLimit, subscription_id: `/subscriptions/${spec.clouds.azure!.subscriptionId}` });
    expect(json.notification).toEqual(alertThresholds.map((threshold) => expect.objectContaining({ threshold, contact_emails: [...notifyEmails] })));
  });
});

const subscription: AzureSubscription = {
  subscriptionId: '9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63',
  tenantId: '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94',
  location: 'westeurope',
};

function stackWithBackend(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'probe');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  addAzurermStateBackend(stack, { environment: 'dev', subscription, stackName: 'azure-network-dev-aks-weu' });
  azureRemoteState(stack, 'foundation', { environment: 'dev', subscription, stackName: 'azure-foundation' });
  return stack;
}

const expected = {
  resource_group_name: 'rg-dev-tfstate',
  storage_account_name: stateStorageAccountName('dev', subscription),
  container_name: 'tfstate',
  subscription_id: subscription.subscriptionId,
  tenant_id: subscription.tenantId,
  use_azuread_auth: true,
};

describe('the azurerm state backend', () => {
  const json = synthJson(stackWithBackend());

  it("keeps the stack's state in its own blob of the environment's container, with Entra ID authentication", () => {
    expect(at(json, 'terraform', 'backend')).toEqual({
      azurerm: { ...expected, key: 'azure-network-dev-aks-weu/terraform.tfstate' },
    });
  });

  it('reads another stack through exactly the same account, container and authentication', () => {
    expect(at(json, 'data', 'terraform_remote_state', 'foundation')).toEqual({
      backend: 'azurerm',
      config: { ...expected, key: 'azure-foundation/terraform.tfstate' },
    });
  });

  it('never names an access key, SAS token or client secret: the account has shared keys disabled', () => {
    expect(JSON.stringify(json)).not.toMatch(/access_key|sas_token|client_secret|client_certificate/);
  });
});
