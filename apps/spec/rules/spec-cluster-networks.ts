import { finding, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { Ipv4Cidr } from '../../../constructs/terraform/ipv4-cidr';
import type { EnvironmentSpec } from '../../../environments/types';
import { eachCluster } from './support/each-cluster';

/** RFC 1918 private ranges: cluster networks must not be routable on the internet. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => Ipv4Cidr.parse(c));

/** Room for node, pod (AWS VPC CNI) and service ranges: /16 to /20. */
const NETWORK_PREFIX = { min: 16, max: 20 } as const;

/** Each cluster network is a private range of its own, large enough for nodes, pods and services. */
export const specClusterNetworks: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-networks',
  engine: 'spec',
  level: 'error',
  title: 'Cluster networks are private, sized, and do not overlap',
  rationale:
    'Nodes, pods and services are carved from the cluster network: a public range is routable from the internet, and overlapping ranges make peering or a transit gateway between the clusters impossible.',
  controls: { soc2: ['CC6.6'], pciDss: [], iso27001: ['A.8.20', 'A.8.22'], gdpr: [] },
  check: (spec) => {
    // Parsed once: each cluster is compared with every earlier one, which re-parsed them all per cluster.
    const networks = spec.clusters.map((cluster) => Ipv4Cidr.tryParse(cluster.networkCidr));
    return eachCluster(spec.clusters, (cluster, at, index) => {
      const network = networks[index];
      const clash = network === undefined ? -1 : firstOverlap(network, networks, index);
      return [
        ...unless(
          network !== undefined && PRIVATE_RANGES.some((range) => range.contains(network)) && network.prefix >= NETWORK_PREFIX.min && network.prefix <= NETWORK_PREFIX.max,
          `${at}.networkCidr`,
          cluster.networkCidr,
          `must be a private (RFC 1918) IPv4 network between /${NETWORK_PREFIX.min} and /${NETWORK_PREFIX.max}, written as its network address: nodes, pods and services are carved from it`,
          "use a free range such as '10.40.0.0/16'",
        ),
        ...(clash < 0
          ? []
          : [
              finding(
                `${at}.networkCidr`,
                cluster.networkCidr,
                `overlaps clusters[${clash}] (${spec.clusters[clash]!.networkCidr}): peering or a transit gateway between them would be impossible`,
                'give every cluster its own range',
              ),
            ]),
      ];
    });
  },
};

/** The first of `networks[0..before)` that overlaps `network`, or -1. */
function firstOverlap(network: Ipv4Cidr, networks: readonly (Ipv4Cidr | undefined)[], before: number): number {
  for (let j = 0; j < before; j++) if (networks[j]?.overlaps(network)) return j;
  return -1;
}
