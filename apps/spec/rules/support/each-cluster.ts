import type { Finding } from '../../../../constructs/core/finding';
import type { ClusterSpec } from '../../../../environments/types';

/** The findings of `check` on every cluster, each at its path (`clusters[1]`), in spec order. */
export function eachCluster(clusters: readonly ClusterSpec[], check: (cluster: ClusterSpec, at: string, index: number) => readonly Finding[]): Finding[] {
  return clusters.flatMap((cluster, index) => check(cluster, `clusters[${index}]`, index));
}
