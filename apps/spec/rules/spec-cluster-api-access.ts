import { unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { Ipv4Cidr } from '../../../constructs/terraform/ipv4-cidr';
import type { EnvironmentSpec } from '../../../environments/types';
import { eachCluster } from './support/each-cluster';

/** Who can reach a cluster's API server: never the whole internet, and in production only the network. */
export const specClusterApiAccess: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-api-access',
  engine: 'spec',
  level: 'error',
  title: 'API servers are not open to the internet',
  rationale:
    'An API server reachable from every address is exposed to credential stuffing and to every unpatched vulnerability; production API servers are reached from inside the network only.',
  controls: { soc2: ['CC6.6'], pciDss: ['1.3.1', '1.4.1'], iso27001: ['A.8.20', 'A.8.22'], gdpr: ['Art. 32'] },
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) => {
      const { apiAccess } = cluster;
      return [
        ...apiAccess.allowedCidrs.flatMap((cidr, i) =>
          unless(
            (Ipv4Cidr.tryParse(cidr)?.prefix ?? 0) > 0,
            `${at}.apiAccess.allowedCidrs[${i}]`,
            cidr,
            'must be an IPv4 CIDR narrower than 0.0.0.0/0: the API server would be open to the internet',
            "list the CI runners' and VPN egress ranges, e.g. '203.0.113.0/24'",
          ),
        ),
        ...unless(
          apiAccess.privateEndpoint || apiAccess.allowedCidrs.length > 0,
          `${at}.apiAccess.allowedCidrs`,
          apiAccess.allowedCidrs,
          'a public API endpoint needs an allow list: without one every address on the internet can reach the API server',
          'list the admin CIDRs, or set privateEndpoint: true',
        ),
        ...unless(
          spec.tier !== 'production' || apiAccess.privateEndpoint,
          `${at}.apiAccess.privateEndpoint`,
          apiAccess.privateEndpoint,
          'production API servers have no public endpoint: they are reached from inside the network only',
          'set apiAccess: { privateEndpoint: true, allowedCidrs: [] }',
        ),
      ];
    }),
};
