import { unless } from '../../../constructs/core/finding';
import { isLabelKey, isLabelValue } from '../../../constructs/core/kubernetes-names';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

/** Cluster labels are written on the Argo CD cluster secret, where Kubernetes validates them. */
export const specClusterLabels: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-labels',
  engine: 'spec',
  level: 'error',
  title: 'Cluster labels are valid Kubernetes labels',
  rationale: 'The labels are written on the Argo CD cluster secret: an invalid key or value makes Kubernetes reject the secret, and the cluster disappears from Argo CD.',
  controls: NO_CONTROLS,
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) =>
      Object.entries(cluster.labels ?? {}).flatMap(([key, value]) => [
        ...unless(
          isLabelKey(key),
          `${at}.labels`,
          key,
          'not a valid Kubernetes label key ([prefix/]name, name at most 63 alphanumerics, -, _, .): the Argo CD cluster secret would be rejected',
          `rename the key, e.g. 'gitops-cdk.io/zone'`,
        ),
        ...unless(
          isLabelValue(value),
          `${at}.labels[${JSON.stringify(key)}]`,
          value,
          'not a valid Kubernetes label value (at most 63 alphanumerics, -, _, ., alphanumeric at both ends): the Argo CD cluster secret would be rejected',
          'use letters, digits, -, _ and . only',
        ),
      ]),
    ),
};
