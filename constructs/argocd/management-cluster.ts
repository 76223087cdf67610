import type { EnvironmentSpec } from '../../environments/types';
import type { ClusterSpec } from '../kubernetes/cluster-spec';

/**
 * The cluster Argo CD runs on: the environment's one management cluster (spec validation requires
 * exactly one). Its Secrets, identities and federations are made there.
 * @throws Error naming the environment when no cluster has role 'management'
 */
export function managementOf(spec: Pick<EnvironmentSpec, 'name' | 'clusters'>): ClusterSpec {
  const management = spec.clusters.find((c) => c.role === 'management');
  if (management === undefined) throw new Error(`${spec.name}: no cluster has role 'management', so Argo CD runs nowhere (fix: give one cluster role: 'management')`);
  return management;
}
