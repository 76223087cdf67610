import { clusterProfile } from '../../../constructs/kubernetes/registered-cluster-profiles';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

/** The ids Argo CD's workload identity uses to log in to AKS and GKE clusters, in their formats. */
export const specClusterWorkloadIdentity: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-workload-identity',
  engine: 'spec',
  level: 'error',
  title: 'AKS and GKE workload identity ids have their cloud formats',
  rationale:
    'Argo CD authenticates to AKS and GKE with workload identity: a tenant name instead of its GUID, or a project name or number instead of its id, fails only at the first login.',
  controls: NO_CONTROLS,
  check: (spec) =>
    // Each cloud's formats (CloudClusterProfile.identityFindings); the EKS identity is spec-eks-account-identity's.
    eachCluster(spec.clusters, (cluster, at) => clusterProfile(cluster).identityFindings(cluster, at)),
};
