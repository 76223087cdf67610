import type { GkeClusterSpec } from '../../kubernetes/cluster-spec';
import type { CloudEstate } from '../cloud-estate';
import { isGkeCluster } from './cluster-profile';
import { GcpClusterStack } from './cluster-stack';
import { GcpFoundationStack } from './foundation-stack';
import { GcpNetworkStack } from './network-stack';

/**
 * GCP, for an environment with a GCP project: the foundation, then per GKE cluster its network and
 * the cluster. Networks and clusters depend on the foundation because it enables the APIs they
 * call and holds their state; a cluster reads its network's outputs and the foundation's (state
 * and report buckets). No GKE cluster reads another's stack: Argo CD reaches each through GKE
 * workload identity or federation with the management cluster's issuer.
 */
export const gcpEstate: CloudEstate<GkeClusterSpec, GcpFoundationStack, GcpNetworkStack, GcpClusterStack> = {
  cloud: 'gcp',
  isOnCloud: isGkeCluster,
  usedBy(environment, clusters) {
    if (environment.clouds.gcp !== undefined) return true;
    if (clusters.length > 0) {
      throw new Error(
        `${environment.name}: clusters ${clusters.map((c) => c.name).join(', ')} are GKE clusters but spec.clouds.gcp is not set ` +
          '(set clouds.gcp: { projectId, region, billingAccount }: the project holding their state and CI identities)',
      );
    }
    return false;
  },
  foundation: (scope, id, environment) => new GcpFoundationStack(scope, id, { spec: environment }),
  network: (scope, id, environment, cluster) => new GcpNetworkStack(scope, id, { spec: environment, cluster }),
  cluster: (scope, id, environment, cluster, { foundation, network }) => new GcpClusterStack(scope, id, { spec: environment, cluster, network, foundation }),
  clusterReads: () => [],
};
