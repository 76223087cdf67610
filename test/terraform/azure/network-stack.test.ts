import { AZURE_NETWORK_OUTPUTS } from '../../../constructs/terraform/azure/network-stack';
import { Ipv4Cidr } from '../../../constructs/terraform/ipv4-cidr';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { networkStackName } from '../../../constructs/terraform/stack-names';
import { at, block, stackNamed, synthJson } from '../terraform-json';
import { AKS_CASES, buildAzure } from './azure-test-helpers';

describe.each(AKS_CASES)('AzureNetworkStack of %s', (_name, spec, cluster) => {
  const layer = networkStackName('azure', cluster.name);
  const json = synthJson(stackNamed(buildAzure(spec), layer));

  it('has no violations', () => {
    expect(stackViolations(stackNamed(buildAzure(spec), layer), spec.name)).toEqual([]);
  });

  it("spans the VNet over the cluster's networkCidr in the cluster's region", () => {
    expect(block(json, 'azurerm_virtual_network', 'vnet')).toMatchObject({
      name: `vnet-${cluster.name}`,
      location: cluster.region,
      address_space: [cluster.networkCidr],
      resource_group_name: '${azurerm_resource_group.resource-group.name}',
    });
    expect(block(json, 'azurerm_resource_group', 'resource-group')).toMatchObject({ name: `rg-${cluster.name}-network`, location: cluster.region });
  });

  it('puts the nodes in the first sixteenth of the network, without default outbound internet access', () => {
    const nodes = block(json, 'azurerm_subnet', 'nodes');
    expect(nodes).toMatchObject({
      virtual_network_name: '${azurerm_virtual_network.vnet.name}',
      address_prefixes: [Ipv4Cidr.parse(cluster.networkCidr).subnet(4, 0).toString()],
      default_outbound_access_enabled: false,
    });
  });

  it('guards the node subnet with a network security group', () => {
    expect(block(json, 'azurerm_subnet_network_security_group_association', 'nodes-nsg-association')).toMatchObject({
      subnet_id: '${azurerm_subnet.nodes.id}',
      network_security_group_id: '${azurerm_network_security_group.nodes-nsg.id}',
    });
  });

  it('keeps its state in the foundation storage under its own key', () => {
    expect(at(json, 'terraform', 'backend', 'azurerm', 'key')).toBe(`${layer}/terraform.tfstate`);
    expect(at(json, 'terraform', 'backend', 'azurerm', 'use_azuread_auth')).toBe(true);
  });

  it('publishes the VNet and node subnet ids', () => {
    expect(at(json, 'output')).toEqual({
      vnet_id: expect.objectContaining({ value: '${azurerm_virtual_network.vnet.id}' }),
      node_subnet_id: expect.objectContaining({ value: '${azurerm_subnet.nodes.id}' }),
    });
    expect(Object.keys(AZURE_NETWORK_OUTPUTS).sort()).toEqual(['node_subnet_id', 'vnet_id']);
  });
});
