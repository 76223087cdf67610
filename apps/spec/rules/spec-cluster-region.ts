import { matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

/** Region spellings differ per cloud; a region of the wrong cloud is a copy-paste error. */
const REGION_FORMATS: Readonly<Record<ClusterSpec['cloud'], { pattern: RegExp; example: string }>> = {
  aws: { pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, example: 'eu-west-1' },
  gcp: { pattern: /^[a-z]+-[a-z]+\d{1,2}$/, example: 'europe-west1' },
  azure: { pattern: /^[a-z][a-z0-9]*$/, example: 'westeurope' },
};

export const specClusterRegion: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-region',
  engine: 'spec',
  level: 'error',
  title: "Every cluster's region is spelled for its cloud",
  rationale: 'A region of another cloud or a typo puts the cluster and its resources in the wrong place, or fails only when Terraform applies.',
  controls: NO_CONTROLS,
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) => {
      const format = REGION_FORMATS[cluster.cloud];
      return unless(
        matches(cluster.region, format.pattern),
        `${at}.region`,
        cluster.region,
        `not a ${cluster.cloud} region name: a region of another cloud or a typo puts the cluster and its resources in the wrong place`,
        `use the ${cluster.cloud} spelling, e.g. '${format.example}'`,
      );
    }),
};
