import { TerraformStack, Testing } from 'cdktf';
import { POLICY_REPORTER_WORKLOAD, serviceAccountSubject, TERRAFORM_DRIFT_WORKLOAD, workloadIdentityName } from '../../../constructs/core/observability-contract';
import { ARGOCD_SERVICE_ACCOUNTS } from '../../../constructs/terraform/azure/argocd-identity';
import { AZURE_CLUSTER_OUTPUTS, CONTROL_PLANE_LOGS } from '../../../constructs/terraform/azure/cluster-stack';
import { KEY_ROTATION } from '../../../constructs/terraform/azure/encryption-key-vault';
import { AZURE_FOUNDATION_OUTPUTS } from '../../../constructs/terraform/azure/foundation-stack';
import { kmsKeyVaultName } from '../../../constructs/terraform/azure/names';
import { AZURE_NETWORK_OUTPUTS } from '../../../constructs/terraform/azure/network-stack';
import { KubernetesWorkloadIdentity } from '../../../constructs/terraform/azure/workload-identity';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import type { AksClusterSpec, EnvironmentSpec, GkeClusterSpec } from '../../../environments/types';
import { allStrings, at, block, blocksOf, stackNamed, synthJson } from '../terraform-json';
import { AKS_CASES, azureBase, azureJson, buildAzure, remoteOutput, secondAksCluster, withAksCluster } from './azure-test-helpers';

const aks = (json: Record<string, unknown>): Record<string, unknown> => block(json, 'azurerm_kubernetes_cluster', 'cluster');

/** The federated credentials of the user-assigned identity `identity` (its resource name). */
const credentialsOf = (json: Record<string, unknown>, identity: string) =>
  Object.values(blocksOf(json, 'azurerm_federated_identity_credential')).filter((c) => c.parent_id === `\${azurerm_user_assigned_identity.${identity}.id}`);

/** `role @ scope` of every role assignment held by the user-assigned identity `identity`, sorted. */
const grantsOf = (json: Record<string, unknown>, identity: string) =>
  Object.values(blocksOf(json, 'azurerm_role_assignment'))
    .filter((a) => a.principal_id === `\${azurerm_user_assigned_identity.${identity}.principal_id}`)
    .map((a) => `${String(a.role_definition_name)} @ ${String(a.scope)}`)
    .sort();

describe.each(AKS_CASES)('AzureClusterStack of %s', (_name, spec, cluster) => {
  const layer = clusterStackName('azure', cluster.name);
  const json = azureJson(spec, layer);
  const resource = aks(json);

  it('has no violations', () => {
    expect(stackViolations(stackNamed(buildAzure(spec), layer), spec.name)).toEqual([]);
  });

  it("runs the spec's Kubernetes version and lets AKS apply patches and node images", () => {
    expect(resource).toMatchObject({
      name: cluster.name,
      location: cluster.region,
      kubernetes_version: cluster.kubernetesVersion,
      automatic_upgrade_channel: 'patch',
      node_os_upgrade_channel: 'NodeImage',
      default_node_pool: expect.objectContaining({ orchestrator_version: cluster.kubernetesVersion }),
    });
  });

  it('exposes the API server as the spec says: private, or public to the allow list only', () => {
    expect(resource.private_cluster_enabled).toBe(cluster.apiAccess.privateEndpoint);
    if (cluster.apiAccess.privateEndpoint) expect(resource).not.toHaveProperty('api_server_access_profile');
    else expect(resource.api_server_access_profile).toEqual({ authorized_ip_ranges: [...cluster.apiAccess.allowedCidrs] });
    expect(resource.run_command_enabled).toBe(false);
  });

  it('authenticates with Entra ID only and authorizes with Azure RBAC in the spec tenant', () => {
    expect(resource).toMatchObject({
      local_account_disabled: true,
      role_based_access_control_enabled: true,
      azure_active_directory_role_based_access_control: { azure_rbac_enabled: true, tenant_id: cluster.tenantId },
    });
  });

  it('issues OIDC tokens and enables workload identity', () => {
    expect(resource).toMatchObject({ oidc_issuer_enabled: true, workload_identity_enabled: true });
  });

  it('encrypts secrets in etcd with a rotating key of its own that only its control-plane identity may use', () => {
    expect(resource.key_management_service).toEqual({ key_vault_key_id: '${azurerm_key_vault_key.kms-key.id}', key_vault_network_access: 'Public' });
    expect(resource.identity).toEqual({ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.control-plane-identity.id}'] });
    expect(block(json, 'azurerm_key_vault', 'kms-vault')).toMatchObject({
      name: kmsKeyVaultName(cluster.name, spec.clouds.azure!),
      purge_protection_enabled: true,
      rbac_authorization_enabled: true,
    });
    expect(block(json, 'azurerm_key_vault_key', 'kms-key')).toMatchObject({
      key_opts: ['encrypt', 'decrypt'],
      rotation_policy: { automatic: { time_after_creation: KEY_ROTATION.rotateAfter }, expire_after: KEY_ROTATION.expireAfter },
    });
    expect(block(json, 'azurerm_role_assignment', 'kms-key-access')).toMatchObject({
      principal_id: '${azurerm_user_assigned_identity.control-plane-identity.principal_id}',
      role_definition_name: 'Key Vault Crypto User',
      scope: '${azurerm_key_vault_key.kms-key.resource_versionless_id}',
    });
    expect(resource.depends_on).toEqual(expect.arrayContaining(['azurerm_role_assignment.kms-key-access', 'azurerm_role_assignment.subnet-access']));
  });

  it("autoscales the node pool between the spec's bounds on its machine type, in the network stack's subnet", () => {
    expect(resource.default_node_pool).toMatchObject({
      vm_size: cluster.nodePool.machineType,
      auto_scaling_enabled: true,
      min_count: cluster.nodePool.minNodes,
      max_count: cluster.nodePool.maxNodes,
      vnet_subnet_id: remoteOutput('network', 'node_subnet_id'),
    });
    expect(block(json, 'azurerm_role_assignment', 'subnet-access')).toMatchObject({
      role_definition_name: 'Network Contributor',
      scope: remoteOutput('network', 'node_subnet_id'),
    });
  });

  it('enforces network policies with Calico on an overlay outside the VNet', () => {
    expect(resource.network_profile).toMatchObject({ network_plugin: 'azure', network_plugin_mode: 'overlay', network_policy: 'calico' });
  });

  it("sends API server, admin audit and Entra ID authentication logs to the foundation's workspace", () => {
    expect(block(json, 'azurerm_monitor_diagnostic_setting', 'control-plane-logs')).toMatchObject({
      target_resource_id: '${azurerm_kubernetes_cluster.cluster.id}',
      log_analytics_workspace_id: remoteOutput('foundation', 'log_analytics_workspace_id'),
      enabled_log: CONTROL_PLANE_LOGS.map((category) => ({ category })),
    });
    expect(CONTROL_PLANE_LOGS).toEqual(['kube-apiserver', 'kube-audit-admin', 'guard']);
  });

  it('gives Argo CD an identity federated with its service accounts and cluster-admin through Azure RBAC', () => {
    expect(block(json, 'azurerm_user_assigned_identity', 'argocd-identity').name).toBe(`argocd-${cluster.name}`);
    const credentials = credentialsOf(json, 'argocd-identity');
    expect(credentials.map((c) => c.subject).sort()).toEqual(ARGOCD_SERVICE_ACCOUNTS.map((sa) => `system:serviceaccount:argocd:${sa}`).sort());
    for (const credential of credentials) expect(credential).toMatchObject({ audience: ['api://AzureADTokenExchange'] });
    // The addresses Argo CD's identity always had: generalising it replaced nothing.
    expect(Object.keys(blocksOf(json, 'azurerm_federated_identity_credential'))).toEqual(expect.arrayContaining(['argocd-argocd-application-controller', 'argocd-argocd-server']));
    expect(block(json, 'azurerm_role_assignment', 'argocd-cluster-admin')).toMatchObject({
      principal_id: '${azurerm_user_assigned_identity.argocd-identity.principal_id}',
      role_definition_name: 'Azure Kubernetes Service RBAC Cluster Admin',
      scope: '${azurerm_kubernetes_cluster.cluster.id}',
    });
  });

  describe.each([
    ['terraform-drift', TERRAFORM_DRIFT_WORKLOAD],
    ['policy-reporter', POLICY_REPORTER_WORKLOAD],
  ] as const)('the %s identity', (workload, serviceAccount) => {
    it(`is the user-assigned identity ${workloadIdentityName(cluster, workload)} the observability contract names`, () => {
      expect(block(json, 'azurerm_user_assigned_identity', `${workload}-identity`)).toMatchObject({
        name: workloadIdentityName(cluster, workload),
        resource_group_name: '${azurerm_resource_group.resource-group.name}',
      });
    });

    it(`trusts exactly ${serviceAccountSubject(serviceAccount)} of this cluster's own issuer, for the token-exchange audience`, () => {
      expect(credentialsOf(json, `${workload}-identity`)).toEqual([
        expect.objectContaining({
          name: serviceAccount.serviceAccount,
          issuer: '${azurerm_kubernetes_cluster.cluster.oidc_issuer_url}',
          subject: serviceAccountSubject(serviceAccount),
          audience: ['api://AzureADTokenExchange'],
        }),
      ]);
    });
  });

  it('lets the drift check read what the CI plan identity reads and the state, but take no lease and write nothing', () => {
    const subscription = `/subscriptions/${spec.clouds.azure!.subscriptionId}`;
    expect(grantsOf(json, 'terraform-drift-identity')).toEqual(
      [
        `Reader @ ${subscription}`,
        `Key Vault Reader @ ${subscription}`,
        `Azure Kubernetes Service Cluster User Role @ ${subscription}`,
        `Storage Blob Data Reader @ ${remoteOutput('foundation', 'state_container_id')}`,
      ].sort(),
    );
  });

  it('lets policy-reporter write blobs into the report container and nowhere else', () => {
    expect(grantsOf(json, 'policy-reporter-identity')).toEqual([`Storage Blob Data Contributor @ ${remoteOutput('foundation', 'report_container_id')}`]);
  });

  if (cluster.role === 'management') {
    it('trusts its own OIDC issuer for Argo CD, which runs on it', () => {
      for (const credential of credentialsOf(json, 'argocd-identity')) {
        expect(credential.issuer).toBe('${azurerm_kubernetes_cluster.cluster.oidc_issuer_url}');
      }
    });
  }

  it('reads every value of another stack from its remote state, in the foundation storage', () => {
    const remote = at(json, 'data', 'terraform_remote_state') as Record<string, { config: Record<string, unknown> }>;
    for (const state of Object.values(remote)) expect(state.config).toMatchObject({ container_name: 'tfstate', use_azuread_auth: true });
    const references = allStrings(json.resource).filter((s) => s.includes('terraform_remote_state'));
    const shapes: Record<string, Record<string, string>> = {
      foundation: AZURE_FOUNDATION_OUTPUTS,
      network: AZURE_NETWORK_OUTPUTS,
      'management-cluster': AZURE_CLUSTER_OUTPUTS,
    };
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      const match = /^\$\{data\.terraform_remote_state\.([a-z-]+)\.outputs\.([a-z_]+)\}$/.exec(reference);
      expect(match).not.toBeNull();
      expect(Object.keys(shapes[match![1]!] ?? {})).toContain(match![2]);
    }
    // No id of another stack's resource is written out by hand; the subscription itself comes from the spec.
    const subscription = `/subscriptions/${spec.clouds.azure!.subscriptionId}`;
    expect(allStrings(json.resource).filter((s) => s.startsWith('/subscriptions/') && s !== subscription)).toEqual([]);
  });

  it('publishes exactly the cluster output shape, the endpoint being the HTTPS URL of the API server', () => {
    const outputs = at(json, 'output') as Record<string, { value: string }>;
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(AZURE_CLUSTER_OUTPUTS).sort());
    const host = cluster.apiAccess.privateEndpoint ? 'private_fqdn' : 'fqdn';
    expect(outputs.endpoint!.value).toBe(`https://\${azurerm_kubernetes_cluster.cluster.${host}}:443`);
    expect(outputs.argocd_client_id!.value).toBe('${azurerm_user_assigned_identity.argocd-identity.client_id}');
    expect(outputs.terraform_drift_client_id!.value).toBe('${azurerm_user_assigned_identity.terraform-drift-identity.client_id}');
    expect(outputs.policy_reporter_client_id!.value).toBe('${azurerm_user_assigned_identity.policy-reporter-identity.client_id}');
  });
});

describe('AzureClusterStack variants', () => {
  const { spec, cluster } = azureBase();
  const layer = clusterStackName('azure', cluster.name);
  const variant = (change: (c: AksClusterSpec) => AksClusterSpec, base: EnvironmentSpec = spec) => azureJson(withAksCluster(base, cluster.name, change), layer);

  it('makes the API server private, without allowed ranges, when the spec asks for a private endpoint', () => {
    const json = variant((c) => ({ ...c, apiAccess: { privateEndpoint: true, allowedCidrs: [] } }));
    expect(aks(json).private_cluster_enabled).toBe(true);
    expect(aks(json)).not.toHaveProperty('api_server_access_profile');
    expect((at(json, 'output', 'endpoint') as { value: string }).value).toBe('https://${azurerm_kubernetes_cluster.cluster.private_fqdn}:443');
  });

  it('takes the node pool bounds and machine type from the spec', () => {
    const json = variant((c) => ({ ...c, nodePool: { machineType: 'Standard_D8s_v5', minNodes: 2, maxNodes: 7 } }));
    expect(aks(json).default_node_pool).toMatchObject({ vm_size: 'Standard_D8s_v5', min_count: 2, max_count: 7 });
  });

  it('pays for the uptime SLA in production only', () => {
    expect(aks(variant((c) => c))).toMatchObject({ sku_tier: 'Free' });
    expect(aks(variant((c) => c, { ...spec, tier: 'production' })).sku_tier).toBe('Standard');
  });

  it("spreads the system pool over the region's three zones in every tier, and sets none where the region has none", () => {
    const inRegion = (region: string, tier: EnvironmentSpec['tier']) => aks(variant((c) => ({ ...c, region }), { ...spec, tier })).default_node_pool;
    expect(inRegion('westeurope', 'development')).toMatchObject({ zones: ['1', '2', '3'] });
    expect(inRegion('northeurope', 'production')).toMatchObject({ zones: ['1', '2', '3'] });
    expect(inRegion('westcentralus', 'development')).not.toHaveProperty('zones');
  });

  it("federates a workload AKS cluster's Argo CD identity with the management cluster's issuer, read from its state", () => {
    const second = secondAksCluster(spec, cluster);
    const both: EnvironmentSpec = { ...spec, clusters: [...spec.clusters, second] };
    const entries = buildAzure(both);
    const json = synthJson(stackNamed(entries, clusterStackName('azure', second.name)));
    for (const credential of credentialsOf(json, 'argocd-identity')) {
      expect(credential.issuer).toBe(remoteOutput('management-cluster', 'oidc_issuer_url'));
    }
    // Its own workloads' identities trust its own issuer, not the management cluster's.
    for (const credential of [...credentialsOf(json, 'terraform-drift-identity'), ...credentialsOf(json, 'policy-reporter-identity')]) {
      expect(credential.issuer).toBe('${azurerm_kubernetes_cluster.cluster.oidc_issuer_url}');
    }
    expect(at(json, 'data', 'terraform_remote_state', 'management-cluster', 'config', 'key')).toBe(`${layer}/terraform.tfstate`);
    expect(entries.find((e) => e.name === clusterStackName('azure', second.name))!.dependsOn).toContain(layer);
  });

  it('rejects an AKS cluster whose Argo CD runs on another cloud, whose issuer it cannot read yet', () => {
    const management: GkeClusterSpec = {
      ...cluster,
      name: 'mgmt-gke',
      cloud: 'gcp',
      role: 'management',
      region: 'europe-west1',
      projectId: 'fixtureco-platform-mgmt',
      projectNumber: '123456789012',
      networkCidr: '10.98.0.0/16',
    };
    const foreign: EnvironmentSpec = { ...spec, clusters: [{ ...cluster, role: 'workload' }, management] };
    expect(() => buildAzure(foreign)).toThrow(`Argo CD runs on mgmt-gke (gcp), and the identity it reaches the AKS cluster ${cluster.name} as`);
  });

  it('rejects a workload identity that trusts no Kubernetes service account', () => {
    const stack = new TerraformStack(Testing.app(), 'probe');
    const props = { name: 'probe', resourceGroupName: 'rg', location: 'westeurope', issuerUrl: 'https://issuer.example', grants: [] };
    expect(() => new KubernetesWorkloadIdentity(stack, 'nobody', { ...props, serviceAccounts: [] })).toThrow('needs at least one service account to trust');
  });

  it('rejects a network range that overlaps the overlay pod or service range', () => {
    expect(() => variant((c) => ({ ...c, networkCidr: '10.0.0.0/16' }))).toThrow('overlaps the AKS service range 10.0.0.0/16');
    expect(() => variant((c) => ({ ...c, networkCidr: '10.244.0.0/16' }))).toThrow('overlaps the AKS pod range 10.244.0.0/16');
  });
});
