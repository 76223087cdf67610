import { unless } from '../../../constructs/core/finding';
import { isDnsLabel } from '../../../constructs/core/kubernetes-names';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

const MAX_CLUSTER_NAME = 40;

/** Names are the Argo CD cluster name and the `cluster` label; duplicates overwrite each other. */
export const specClusterNames: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-names',
  engine: 'spec',
  level: 'error',
  title: 'Cluster names are unique DNS labels',
  rationale:
    'A cluster name names the Argo CD cluster secret and labels objects: a second cluster of the same name replaces the first in Argo CD, and an invalid one is refused by Kubernetes.',
  controls: NO_CONTROLS,
  check: (spec) => {
    // The first cluster of each name, found once rather than by a search per cluster.
    const firstOfName = new Map<string, number>();
    spec.clusters.forEach((cluster, index) => {
      if (!firstOfName.has(cluster.name)) firstOfName.set(cluster.name, index);
    });
    return [
      ...eachCluster(spec.clusters, (cluster, at, index) =>
        unless(
          firstOfName.get(cluster.name) === index,
          `${at}.name`,
          cluster.name,
          'cluster names must be unique within the environment: the second cluster secret would replace the first in Argo CD',
          'give each cluster a distinct name, e.g. suffix the region',
        ),
      ),
      ...eachCluster(spec.clusters, (cluster, at) =>
        unless(
          isDnsLabel(cluster.name, MAX_CLUSTER_NAME),
          `${at}.name`,
          cluster.name,
          `a cluster name must be a DNS label (lowercase letters, digits and '-', starting with a letter, at most ${MAX_CLUSTER_NAME} characters): it names the Argo CD cluster secret and labels objects`,
          `rename it to something like 'prod-eks-euw1'`,
        ),
      ),
    ];
  },
};
