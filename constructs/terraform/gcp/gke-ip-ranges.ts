import type { GkeClusterSpec } from '../../kubernetes/cluster-spec';
import { Ipv4Cidr } from '../ipv4-cidr';

/**
 * The address plan of one GKE cluster. Nodes use the cluster's `networkCidr` (the subnet's primary
 * range); pods, services and the control plane use fixed ranges outside RFC 1918, the same for
 * every cluster:
 *
 * - pods: `100.64.0.0/16` (RFC 6598 shared address space, which GKE supports for VPC-native
 *   clusters and SNATs to the node address on egress). GKE gives each node a /24 (110 pods), so
 *   the range holds 256 nodes, more than the node-pool bound the spec allows plus upgrade surge;
 * - services: `100.65.0.0/20` (4096 ClusterIPs);
 * - control plane: `172.16.0.0/28`, the private endpoint's peering range (the endpoint is
 *   typically `172.16.0.2`, the address a GKE cluster's `apiServer` in the spec then names).
 *
 * Fixed ranges are safe because every GKE cluster gets a VPC of its own (`gcp-network-<cluster>`)
 * and these ranges never leave it: the only range that must be unique across clusters is the
 * node range, which the spec validation checks. Peering two cluster VPCs (or moving clusters into
 * a shared VPC) would need per-cluster pod and service ranges: change them here, in one place.
 */
export const GKE_POD_RANGE = '100.64.0.0/16';
export const GKE_SERVICE_RANGE = '100.65.0.0/20';
export const GKE_CONTROL_PLANE_RANGE = '172.16.0.0/28';

/** Addresses a node takes from the pod range: a /24 per node at GKE's default of 110 pods. */
const POD_ADDRESSES_PER_NODE = 256;

export interface GkeIpRanges {
  /** Primary range of the subnet: the nodes. */
  readonly nodes: string;
  /** Secondary range for pods. */
  readonly pods: string;
  /** Secondary range for ClusterIP services. */
  readonly services: string;
  /** `master_ipv4_cidr_block` of the private cluster. */
  readonly controlPlane: string;
}

/**
 * The ranges of `cluster`.
 * @throws Error when the node range is not an IPv4 CIDR, overlaps a fixed range, or the pod range
 * cannot hold `nodePool.maxNodes` nodes.
 */
export function gkeIpRanges(cluster: GkeClusterSpec): GkeIpRanges {
  const ranges: GkeIpRanges = {
    nodes: cluster.networkCidr,
    pods: GKE_POD_RANGE,
    services: GKE_SERVICE_RANGE,
    controlPlane: GKE_CONTROL_PLANE_RANGE,
  };
  const nodes = Ipv4Cidr.tryParse(cluster.networkCidr);
  if (nodes === undefined) {
    throw new Error(`${cluster.name}: networkCidr '${cluster.networkCidr}' is not an IPv4 CIDR written as its network address (e.g. '10.11.0.0/16')`);
  }
  const problems: string[] = [];
  for (const [role, cidr] of [
    ['pods', GKE_POD_RANGE],
    ['services', GKE_SERVICE_RANGE],
    ['control plane', GKE_CONTROL_PLANE_RANGE],
  ] as const) {
    if (nodes.overlaps(Ipv4Cidr.parse(cidr))) problems.push(`overlaps the ${role} range ${cidr}`);
  }
  const nodeCapacity = Ipv4Cidr.parse(GKE_POD_RANGE).size / POD_ADDRESSES_PER_NODE;
  if (cluster.nodePool.maxNodes > nodeCapacity) {
    problems.push(`nodePool.maxNodes ${cluster.nodePool.maxNodes} exceeds the ${nodeCapacity} nodes the pod range ${GKE_POD_RANGE} holds`);
  }
  if (problems.length > 0) {
    throw new Error(
      `${cluster.name}: networkCidr ${cluster.networkCidr}: ${problems.join('; ')} ` +
        '(pick a node range in 10.0.0.0/8 or 192.168.0.0/16, or widen the fixed ranges in gke-ip-ranges.ts)',
    );
  }
  return ranges;
}
