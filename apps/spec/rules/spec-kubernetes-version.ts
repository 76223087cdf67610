import { matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

const KUBERNETES_VERSION = /^1\.\d{2}$/;

/** Managed control planes take a minor version and choose the patch themselves. */
export const specKubernetesVersion: SpecRule<EnvironmentSpec> = {
  id: 'spec-kubernetes-version',
  engine: 'spec',
  level: 'error',
  title: 'Clusters name a Kubernetes minor version',
  rationale: 'EKS, AKS and GKE take major.minor and pick the patch: a patch version or a typo fails only when Terraform applies.',
  controls: NO_CONTROLS,
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) =>
      unless(
        matches(cluster.kubernetesVersion, KUBERNETES_VERSION),
        `${at}.kubernetesVersion`,
        cluster.kubernetesVersion,
        'must be a Kubernetes minor version like 1.34: the managed control planes take major.minor and pick the patch',
        "set kubernetesVersion: '1.34'",
      ),
    ),
};
