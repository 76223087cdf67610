import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import type { DeliveredWorkloadSpec } from './delivery-spec';

/**
 * Where a workload runs: the clusters it names, else every workload cluster of the environment,
 * else (an environment of one cluster) the management cluster.
 */
export function workloadClusters(environment: EnvironmentClusters, workload: Pick<DeliveredWorkloadSpec, 'name' | 'clusters'>): readonly ClusterSpec[] {
  if (workload.clusters !== undefined) {
    return workload.clusters.map((name) => {
      const cluster = environment.clusters.find((c) => c.name === name);
      if (cluster === undefined) {
        throw new Error(`${environment.name}: delivery workload ${workload.name} names cluster ${name}, which is not one of ${environment.clusters.map((c) => c.name).join(', ')}`);
      }
      return cluster;
    });
  }
  const workloadRole = environment.clusters.filter((c) => c.role === 'workload');
  return workloadRole.length > 0 ? workloadRole : environment.clusters.filter((c) => c.role === 'management');
}

/** The role whose clusters a workload without `clusters` runs on (what its ApplicationSet selects). */
export function defaultWorkloadRole(environment: EnvironmentClusters): ClusterSpec['role'] {
  return environment.clusters.some((c) => c.role === 'workload') ? 'workload' : 'management';
}
