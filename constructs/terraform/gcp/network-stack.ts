import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import type { Construct } from 'constructs';
import type { GkeClusterSpec } from '../../kubernetes/cluster-spec';
import { networkStackName } from '../stack-names';
import { type OutputShape, publishOutputs } from '../stack-outputs';
import type { TerraformEnvironment } from '../terraform-environment';
import { GcpStack } from './gcp-stack';
import { gkeIpRanges } from './gke-ip-ranges';

/** What the network of a GKE cluster publishes for the cluster stack. */
export const GCP_NETWORK_OUTPUTS = {
  network_self_link: 'string',
  subnet_self_link: 'string',
  pods_range_name: 'string',
  services_range_name: 'string',
} as const satisfies OutputShape;

/** Names of the subnet's secondary ranges; the cluster reads them from this stack's outputs. */
const POD_RANGE_NAME = 'pods';
const SERVICE_RANGE_NAME = 'services';

export interface GcpNetworkStackProps {
  readonly spec: TerraformEnvironment;
  readonly cluster: GkeClusterSpec;
}

/**
 * The VPC of one GKE cluster, in the cluster's region: one subnet whose primary range is the
 * cluster's `networkCidr` (nodes) with secondary ranges for pods and services (see
 * `gkeIpRanges`), Private Google Access (private nodes reach Google APIs without public
 * addresses) and VPC flow logs; a Cloud Router with Cloud NAT gives the private nodes outbound
 * internet access (image pulls, updates) without any inbound path.
 */
export class GcpNetworkStack extends GcpStack {
  readonly network: ComputeNetwork;
  readonly subnet: ComputeSubnetwork;

  constructor(scope: Construct, id: string, props: GcpNetworkStackProps) {
    const { spec, cluster } = props;
    super(scope, id, { spec, stackName: networkStackName('gcp', cluster.name), region: cluster.region });
    const ranges = gkeIpRanges(cluster);

    this.network = new ComputeNetwork(this, 'network', {
      name: `${cluster.name}-vpc`,
      description: `Network of GKE cluster ${cluster.name}`,
      // Subnets only where declared: auto mode would create one per region with ranges that
      // collide with other networks.
      autoCreateSubnetworks: false,
      routingMode: 'REGIONAL',
    });

    this.subnet = new ComputeSubnetwork(this, 'subnet', {
      name: `${cluster.name}-nodes`,
      description: `Nodes, pods and services of GKE cluster ${cluster.name}`,
      network: this.network.id,
      region: cluster.region,
      ipCidrRange: ranges.nodes,
      secondaryIpRange: [
        { rangeName: POD_RANGE_NAME, ipCidrRange: ranges.pods },
        { rangeName: SERVICE_RANGE_NAME, ipCidrRange: ranges.services },
      ],
      privateIpGoogleAccess: true,
      // Flow logs for incident response and egress review; half the flows sampled at 5 s
      // aggregation keeps the cost bounded while still showing every talker.
      logConfig: {
        aggregationInterval: 'INTERVAL_5_SEC',
        flowSampling: 0.5,
        metadata: 'INCLUDE_ALL_METADATA',
      },
    });

    const router = new ComputeRouter(this, 'router', {
      name: `${cluster.name}-router`,
      description: `Cloud NAT of GKE cluster ${cluster.name}`,
      network: this.network.id,
      region: cluster.region,
    });
    new ComputeRouterNat(this, 'nat', {
      name: `${cluster.name}-nat`,
      router: router.name,
      region: cluster.region,
      natIpAllocateOption: 'AUTO_ONLY',
      // Only this subnet, all of its ranges (nodes and pods): nothing else in the VPC gets egress.
      sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
      subnetwork: [{ name: this.subnet.id, sourceIpRangesToNat: ['ALL_IP_RANGES'] }],
      logConfig: { enable: true, filter: 'ERRORS_ONLY' },
    });

    publishOutputs(
      this,
      GCP_NETWORK_OUTPUTS,
      {
        network_self_link: this.network.selfLink,
        subnet_self_link: this.subnet.selfLink,
        // Read from the subnet (not the constants) so that the output is what GCP holds.
        pods_range_name: this.subnet.secondaryIpRange.get(0).rangeName,
        services_range_name: this.subnet.secondaryIpRange.get(1).rangeName,
      },
      {
        network_self_link: `VPC of GKE cluster ${cluster.name}`,
        subnet_self_link: `Node subnet of GKE cluster ${cluster.name}`,
        pods_range_name: 'Secondary range of the subnet for pods',
        services_range_name: 'Secondary range of the subnet for services',
      },
    );
  }
}
