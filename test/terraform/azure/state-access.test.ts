import { Testing } from 'cdktf';
import { azureEstate } from '../../../constructs/terraform/azure/estate';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import { foundationStackName, networkStackName } from '../../../constructs/terraform/stack-names';
import type { AksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { at, block, blocksOf, stackNamed, synthJson } from '../terraform-json';
import { AZURE_ENVIRONMENTS } from './azure-test-helpers';

/** Item 18: who reaches the Azure state account and Key Vaults, and how. Own fixture: one AKS cluster. */
const AKS: AksClusterSpec = {
  name: 'solo-aks',
  role: 'management',
  cloud: 'azure',
  region: 'westeurope',
  apiServer: 'https://solo-aks.hcp.westeurope.azmk8s.io:443',
  caData: 'Q0E=',
  tenantId: '11111111-2222-4333-8444-555555555555',
  argocdClientId: '66666666-7777-4888-9999-000000000000',
  workloadClientIds: {
    terraformDrift: '22222222-3333-4444-8555-666666666666',
    policyReporter: '33333333-4444-4555-8666-777777777777',
    velero: '44444444-5555-4666-8777-888888888888',
  },
  oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/11111111-2222-4333-8444-555555555555/abc/',
  egressIp: '192.0.2.7',
  kubernetesVersion: '1.34',
  networkCidr: '10.90.0.0/16',
  apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] },
  nodePool: { machineType: 'Standard_D4s_v5', minNodes: 1, maxNodes: 3 },
};
const base = AZURE_ENVIRONMENTS[0]!;
function specWith(runnerCidrs: readonly string[] | undefined): EnvironmentSpec {
  const { runnerCidrs: _unused, ...ci } = base.infrastructure.ci;
  return {
    ...base,
    name: 'solo',
    clusters: [AKS],
    clouds: { azure: { ...base.clouds.azure!, tenantId: AKS.tenantId } },
    infrastructure: { ...base.infrastructure, ci: runnerCidrs === undefined ? ci : { ...ci, runnerCidrs } },
  };
}
const FOUNDATION = (output: string) => `\${data.terraform_remote_state.foundation.outputs.${output}}`;

describe('Azure state access (issue 11, item 18)', () => {
  const spec = specWith(['192.0.2.224/28']);
  const entries = addCloudStacks(azureEstate, Testing.app(), spec, (n) => n);
  const foundation = synthJson(stackNamed(entries, foundationStackName('azure')));
  const network = synthJson(stackNamed(entries, networkStackName('azure', AKS.name)));

  it("admits the CI runners' static egress through the state account's and the vaults' firewalls, next to the admin ranges", () => {
    const expected = ['192.0.2.224/28', '203.0.113.0/24'];
    expect(at(block(foundation, 'azurerm_storage_account', 'state'), 'network_rules')).toMatchObject({ default_action: 'Deny', ip_rules: expected });
    for (const vault of ['state-encryption-vault', 'reports-encryption-vault']) {
      expect(at(block(foundation, 'azurerm_key_vault', vault), 'network_acls')).toMatchObject({ default_action: 'Deny', ip_rules: expected });
    }
  });

  it('admits only the admin ranges when the spec names no runner ranges', () => {
    const json = synthJson(
      stackNamed(
        addCloudStacks(azureEstate, Testing.app(), specWith(undefined), (n) => n),
        foundationStackName('azure'),
      ),
    );
    expect(at(block(json, 'azurerm_storage_account', 'state'), 'network_rules')).toMatchObject({ ip_rules: ['203.0.113.0/24'] });
  });

  it("gives the cluster's pods private endpoints of the state blob service and both vaults, in a subnet of their own", () => {
    expect(block(network, 'azurerm_subnet', 'endpoints')).toMatchObject({ address_prefixes: ['10.90.16.0/20'], virtual_network_name: '${azurerm_virtual_network.vnet.name}' });
    const endpoints = Object.entries(blocksOf(network, 'azurerm_private_endpoint')).map(([name, e]) => [
      name,
      e.subnet_id,
      at(e, 'private_service_connection', 'private_connection_resource_id'),
      at(e, 'private_service_connection', 'subresource_names'),
    ]);
    expect(endpoints.sort()).toEqual([
      ['state-endpoints-report-vault', '${azurerm_subnet.endpoints.id}', FOUNDATION('report_key_vault_id'), ['vault']],
      ['state-endpoints-state-blob', '${azurerm_subnet.endpoints.id}', FOUNDATION('state_storage_account_id'), ['blob']],
      ['state-endpoints-state-vault', '${azurerm_subnet.endpoints.id}', FOUNDATION('state_key_vault_id'), ['vault']],
    ]);
    expect(at(foundation, 'output', 'report_key_vault_id')).toMatchObject({ value: '${azurerm_key_vault.reports-encryption-vault.id}' });
  });

  it('resolves the public names to the endpoints inside the VNet only (privatelink zones linked to it)', () => {
    const zones = Object.values(blocksOf(network, 'azurerm_private_dns_zone')).map((z) => z.name);
    expect(zones).toEqual(['privatelink.blob.core.windows.net', 'privatelink.vaultcore.azure.net']);
    for (const link of Object.values(blocksOf(network, 'azurerm_private_dns_zone_virtual_network_link'))) {
      expect(link).toMatchObject({ virtual_network_id: '${azurerm_virtual_network.vnet.id}', registration_enabled: false });
    }
    expect(at(block(network, 'azurerm_private_endpoint', 'state-endpoints-state-blob'), 'private_dns_zone_group')).toMatchObject({
      private_dns_zone_ids: ['${azurerm_private_dns_zone.state-endpoints-blob-zone.id}'],
    });
  });
});
