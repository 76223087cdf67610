import type { GkeClusterSpec } from '../../kubernetes/cluster-spec';
import type { CloudStacks, TerraformStackEntry } from '../stack-entry';
import { GcpClusterStack } from './cluster-stack';
import { GcpFoundationStack } from './foundation-stack';
import { GcpNetworkStack } from './network-stack';
import { foundationStackName, networkStackName, clusterStackName } from '../stack-names';

/**
 * The GCP stacks of an environment with a GCP project, in apply order: the foundation, then per
 * GKE cluster its network and the cluster. Networks and clusters depend on the foundation because
 * it enables the APIs they call and holds their state; a cluster reads its network's outputs and
 * the foundation's (state and report buckets).
 */
export const gcpStacks: CloudStacks = (scope, spec, stackId) => {
  const gkeClusters = spec.clusters.filter((cluster): cluster is GkeClusterSpec => cluster.cloud === 'gcp');
  if (spec.clouds.gcp === undefined) {
    if (gkeClusters.length > 0) {
      throw new Error(
        `${spec.name}: clusters ${gkeClusters.map((c) => c.name).join(', ')} are GKE clusters but spec.clouds.gcp is not set ` +
          '(set clouds.gcp: { projectId, region, billingAccount }: the project holding their state and CI identities)',
      );
    }
    return [];
  }

  const foundation = new GcpFoundationStack(scope, stackId(foundationStackName('gcp')), spec);
  const entries: TerraformStackEntry[] = [{ name: foundation.stackName, stack: foundation, dependsOn: [] }];
  for (const cluster of gkeClusters) {
    const network = new GcpNetworkStack(scope, stackId(networkStackName('gcp', cluster.name)), { spec, cluster });
    const gke = new GcpClusterStack(scope, stackId(clusterStackName('gcp', cluster.name)), { spec, cluster, network, foundation });
    entries.push(
      { name: network.stackName, stack: network, dependsOn: [foundation.stackName] },
      { name: gke.stackName, stack: gke, dependsOn: [foundation.stackName, network.stackName] },
    );
  }
  return entries;
};
