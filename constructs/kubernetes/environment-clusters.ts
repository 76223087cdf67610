import type { ClusterSpec } from './cluster-spec';

/**
 * The clusters of one environment and the environment's name: what the constructs that place
 * something on a cluster (Argo CD's own, a per-cluster Helm value, an add-on) read of it. The name
 * labels and names what they make and says which environment an error is about.
 */
export interface EnvironmentClusters {
  /** The environment's name, e.g. `prod`. */
  readonly name: string;
  readonly clusters: readonly ClusterSpec[];
}
