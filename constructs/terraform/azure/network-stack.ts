import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import type { Construct } from 'constructs';
import type { AksClusterSpec } from '../../kubernetes/cluster-spec';
import { suppressCompliance } from '../../rules/suppressions';
import type { ComplianceSuppression } from '../../rules/types';
import type { AzureSubscription } from '../cloud-accounts';
import { Ipv4Cidr } from '../ipv4-cidr';
import { ReadableNamesStack } from '../readable-names-stack';
import { networkStackName } from '../stack-names';
import { publishOutputs, readOutputs } from '../stack-outputs';
import { standardTags } from '../tags';
import type { TerraformEnvironment } from '../terraform-environment';
import { addAzureProvider, tagEveryResource } from './azure-provider';
import { addAzurermStateBackend, azureRemoteState } from './azurerm-state-backend';
import { AZURE_FOUNDATION_OUTPUTS, type AzureFoundationStack } from './foundation-stack';
import { networkResourceGroupName } from './names';
import { StatePrivateEndpoints } from './state-private-endpoints';

/** What a network stack publishes to its cluster stack (read with `readOutputs`). */
export const AZURE_NETWORK_OUTPUTS = {
  vnet_id: 'string',
  node_subnet_id: 'string',
} as const;

/**
 * Bits the node subnet adds to the cluster network: a /16 gives /20 (4096 addresses), a /20 gives
 * /24. Pods take their addresses from the overlay, not from the VNet, so nodes need few; the rest
 * stays free for later subnets (private endpoints, API server VNet integration).
 */
const NODE_SUBNET_EXTRA_BITS = 4;

export interface AzureNetworkStackProps {
  /** The organisation's prefix of globally unique names (`infrastructure.organisationPrefix`), for the state storage account's name. */
  readonly organisationPrefix: string;
  readonly environment: string;
  readonly subscription: AzureSubscription;
  readonly tags: Readonly<Record<string, string>>;
  readonly cluster: AksClusterSpec;
  /** The environment's foundation, whose state account and vaults get private endpoints here. */
  readonly foundation: AzureFoundationStack;
}

/**
 * VNet flow logs in azurerm 4.x write only to a storage account reached with shared keys, which
 * the storage rules (shared keys off, CMK, private) refuse for every account of the estate. Until
 * the provider supports identity-based flow log storage the VNet has no flow logs; accepted for a
 * limited time, and the synth refuses it again after the expiry date.
 */
const VNET_FLOW_LOGS_PENDING: ComplianceSuppression = {
  rule: 'tf-network-flow-logs',
  reason: 'azurerm 4.x flow logs need a shared-key storage account, which the storage rules forbid; tracked in PLAT-231',
  expires: '2027-02-26',
};

/**
 * The network of one AKS cluster: a VNet with the cluster's `networkCidr`, private endpoints of
 * the foundation's state account and Key Vaults (StatePrivateEndpoints), a node subnet without
 * default outbound access (nodes leave through the cluster's load balancer) and a network security
 * group on it. The NSG keeps Azure's default rules (VNet and load balancer traffic in, everything
 * else from the internet denied); AKS adds the rules of the services it exposes on its own NSG.
 */
export class AzureNetworkStack extends ReadableNamesStack {
  static propsFromSpec(spec: TerraformEnvironment, cluster: AksClusterSpec, foundation: AzureFoundationStack): AzureNetworkStackProps {
    const subscription = spec.clouds.azure;
    if (subscription === undefined) throw new Error(`${spec.name}: cluster ${cluster.name} is on AKS but clouds.azure is not set`);
    return { organisationPrefix: spec.infrastructure.organisationPrefix, environment: spec.name, subscription, tags: standardTags(spec), cluster, foundation };
  }

  /** `azure-network-<cluster>`: the dist folder and the state blob key. */
  readonly stackName: string;
  readonly nodeSubnet: Subnet;

  constructor(scope: Construct, id: string, props: AzureNetworkStackProps) {
    super(scope, id, `${props.environment}: ${id}`);
    const { cluster, subscription } = props;
    const location = cluster.region;
    const network = Ipv4Cidr.parse(cluster.networkCidr);

    addAzureProvider(this, subscription);
    this.stackName = networkStackName('azure', cluster.name);
    addAzurermStateBackend(this, { organisationPrefix: props.organisationPrefix, environment: props.environment, subscription, stackName: this.stackName });

    const group = new ResourceGroup(this, 'resource-group', { name: networkResourceGroupName(cluster.name), location });
    const vnet = new VirtualNetwork(this, 'vnet', {
      name: `vnet-${cluster.name}`,
      resourceGroupName: group.name,
      location,
      addressSpace: [network.toString()],
    });
    // Reviewed exception, not an oversight: see VNET_FLOW_LOGS_PENDING.
    suppressCompliance(vnet, [VNET_FLOW_LOGS_PENDING]);
    this.nodeSubnet = new Subnet(this, 'nodes', {
      name: `snet-${cluster.name}-nodes`,
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [network.subnet(NODE_SUBNET_EXTRA_BITS, 0).toString()],
      defaultOutboundAccessEnabled: false,
    });
    const nsg = new NetworkSecurityGroup(this, 'nodes-nsg', {
      name: `nsg-${cluster.name}-nodes`,
      resourceGroupName: group.name,
      location,
    });
    new SubnetNetworkSecurityGroupAssociation(this, 'nodes-nsg-association', {
      subnetId: this.nodeSubnet.id,
      networkSecurityGroupId: nsg.id,
    });

    // The foundation's state account and vaults refuse every network but the admin and CI
    // ranges; pods of this cluster (the drift check) reach them through private endpoints here.
    const endpointsSubnet = new Subnet(this, 'endpoints', {
      name: `snet-${cluster.name}-endpoints`,
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [network.subnet(NODE_SUBNET_EXTRA_BITS, 1).toString()],
      defaultOutboundAccessEnabled: false,
    });
    const foundation = readOutputs(
      azureRemoteState(this, 'foundation', { organisationPrefix: props.organisationPrefix, environment: props.environment, subscription, stackName: props.foundation.stackName }),
      AZURE_FOUNDATION_OUTPUTS,
    );
    new StatePrivateEndpoints(this, 'state-endpoints', {
      clusterName: cluster.name,
      resourceGroupName: group.name,
      location,
      virtualNetworkId: vnet.id,
      subnetId: endpointsSubnet.id,
      targets: [
        { id: 'state-blob', resourceId: foundation.state_storage_account_id, subresource: 'blob' },
        { id: 'state-vault', resourceId: foundation.state_key_vault_id, subresource: 'vault' },
        { id: 'report-vault', resourceId: foundation.report_key_vault_id, subresource: 'vault' },
      ],
    });

    publishOutputs(
      this,
      AZURE_NETWORK_OUTPUTS,
      { vnet_id: vnet.id, node_subnet_id: this.nodeSubnet.id },
      { vnet_id: `VNet of ${cluster.name}`, node_subnet_id: `Subnet of the node pools of ${cluster.name}` },
    );
    tagEveryResource(this, props.tags);
  }
}
