import { finding } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';

/**
 * An environment has clusters, and exactly one of them is the management cluster: Argo CD runs
 * once per environment; two would fight over the same applications.
 */
export const specManagementCluster: SpecRule<EnvironmentSpec> = {
  id: 'spec-management-cluster',
  engine: 'spec',
  level: 'error',
  title: 'An environment has clusters, exactly one of them running Argo CD',
  rationale: 'Without a cluster Argo CD has nowhere to run; with two management clusters two Argo CD instances fight over the same applications.',
  controls: NO_CONTROLS,
  check: (spec) => {
    if (spec.clusters.length === 0) {
      return [
        finding(
          'clusters',
          spec.clusters,
          'an environment needs at least one cluster: Argo CD has nowhere to run and nothing to deploy to',
          `add a cluster with role: 'management'`,
        ),
      ];
    }
    const count = spec.clusters.filter((cluster) => cluster.role === 'management').length;
    if (count === 1) return [];
    return [
      finding(
        'clusters[].role',
        spec.clusters.map((cluster) => cluster.role),
        `exactly one cluster must have role 'management' (it runs Argo CD for the environment), found ${count}`,
        count === 0 ? `set role: 'management' on the cluster that should run Argo CD` : `keep role: 'management' on one cluster and set role: 'workload' on the others`,
      ),
    ];
  },
};
