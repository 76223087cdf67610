import type { Finding } from '../../../constructs/core/finding';
import { clusterProfile } from '../../../constructs/kubernetes/registered-cluster-profiles';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

/** Each cloud's copied outputs (CloudClusterProfile.stackOutputFindings). */
function outputFindings(cluster: ClusterSpec, at: string): Finding[] {
  return clusterProfile(cluster).stackOutputFindings(cluster, at);
}

/**
 * The values copied from a cluster stack's outputs after its first apply, that the other side
 * trusts or allows: the AKS OIDC issuer (trusted by GKE's workload identity pool for Argo CD), the
 * AKS egress address (in GKE's authorised networks) and the GKE project number (part of the
 * federation audience). A malformed one fails only at the first token exchange or connection.
 */
export const specClusterStackOutputs: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-stack-outputs',
  engine: 'spec',
  level: 'error',
  title: 'Copied cluster stack outputs have their formats',
  rationale:
    'The AKS OIDC issuer, the AKS egress address and the GKE project number are copied from Terraform outputs into the spec; a malformed copy fails only at the first token exchange or connection.',
  controls: NO_CONTROLS,
  check: (spec) => eachCluster(spec.clusters, outputFindings),
};
