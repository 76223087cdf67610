import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';

/**
 * The cluster Argo CD runs on: the environment's one management cluster (spec validation requires
 * exactly one). Its Secrets, identities and federations are made there.
 * @throws Error naming the environment when no cluster has role 'management'
 */
export function managementOf(environment: EnvironmentClusters): ClusterSpec {
  const management = environment.clusters.find((c) => c.role === 'management');
  if (management === undefined) throw new Error(`${environment.name}: no cluster has role 'management', so Argo CD runs nowhere (fix: give one cluster role: 'management')`);
  return management;
}
