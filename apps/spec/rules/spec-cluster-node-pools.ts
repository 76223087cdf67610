import { unless } from '../../../constructs/core/finding';
import { clusterProfile } from '../../../constructs/kubernetes/registered-cluster-profiles';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { eachCluster } from './support/each-cluster';

const MAX_NODES = 100;

/** Node pools autoscale within sane bounds; in production they survive the loss of a zone. */
export const specClusterNodePools: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-node-pools',
  engine: 'spec',
  level: 'error',
  title: 'Node pools autoscale within bounds, and production spans three zones',
  rationale:
    'Production keeps a node per availability zone so a zone outage leaves capacity; a region without zones, or fewer than three nodes, makes one data-centre failure an outage.',
  controls: { soc2: ['A1.1', 'A1.2'], pciDss: [], iso27001: ['A.8.6', 'A.8.14'], gdpr: ['Art. 32'] },
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) => {
      const production = spec.tier === 'production';
      const { nodePool } = cluster;
      return [
        ...unless(
          nodePool.machineType.trim() !== '',
          `${at}.nodePool.machineType`,
          nodePool.machineType,
          'a node pool needs a machine type',
          "set the cloud's type, e.g. 'm6i.large', 'Standard_D4s_v5' or 'e2-standard-4'",
        ),
        ...unless(
          Number.isInteger(nodePool.minNodes) &&
            Number.isInteger(nodePool.maxNodes) &&
            nodePool.minNodes >= 1 &&
            nodePool.minNodes <= nodePool.maxNodes &&
            nodePool.maxNodes <= MAX_NODES,
          `${at}.nodePool`,
          { minNodes: nodePool.minNodes, maxNodes: nodePool.maxNodes },
          `autoscaling bounds must be whole numbers with 1 <= minNodes <= maxNodes <= ${MAX_NODES}`,
          'e.g. { minNodes: 2, maxNodes: 5 }',
        ),
        ...unless(
          !production || nodePool.minNodes >= 3,
          `${at}.nodePool.minNodes`,
          nodePool.minNodes,
          'production keeps at least 3 nodes, one per availability zone, so a zone outage leaves capacity',
          'set minNodes: 3',
        ),
        // Each cloud's regions without zones (CloudClusterProfile.productionRegionFindings: AKS).
        ...(production ? clusterProfile(cluster).productionRegionFindings(cluster, at) : []),
      ];
    }),
};
