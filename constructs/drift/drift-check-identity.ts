import type { EnvironmentVariable } from '../kubernetes/cloud-cluster-profile';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { clusterProfile } from '../kubernetes/registered-cluster-profiles';
import { workloadIdentityAnnotation } from '../kubernetes/workload-identity';
import type { CloudAccounts } from '../terraform/cloud-accounts';

/** An environment variable of the check container. */

/**
 * How the drift check authenticates to its cloud without a stored key: the cloud identity the
 * Terraform side creates under the contract's names (read-only on the cloud, reader of the
 * state), bound to the `terraform-drift` ServiceAccount by each cloud's workload identity.
 */
export interface DriftCheckIdentity {
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  /** Labels the pod needs for the cloud's admission webhook to inject the token. */
  readonly podLabels: Readonly<Record<string, string>>;
  readonly env: readonly EnvironmentVariable[];
}

const WORKLOAD = 'terraform-drift';

/** The workload identity of the drift checks running on `cluster` (a cluster of the stacks' cloud). */
export function driftCheckIdentity(spec: { readonly name: string; readonly clouds: CloudAccounts }, cluster: ClusterSpec): DriftCheckIdentity {
  const annotation = workloadIdentityAnnotation(cluster, WORKLOAD, spec.clouds);
  const serviceAccountAnnotations = annotation === undefined ? {} : { [annotation.key]: annotation.value };
  // Each cloud's labels for its webhook and variables for Terraform (CloudClusterProfile).
  const profile = clusterProfile(cluster);
  return { serviceAccountAnnotations, podLabels: profile.identityPodLabels, env: profile.driftCheckEnv(cluster, spec) };
}
