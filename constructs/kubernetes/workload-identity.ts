import type { IdentityWorkload } from '../core/observability-contract';
import type { DerivedAccounts, IdentityAnnotation } from './cloud-cluster-profile';
import type { ClusterSpec } from './cluster-spec';
import { clusterProfile } from './registered-cluster-profiles';

export type { IdentityAnnotation } from './cloud-cluster-profile';

/**
 * How `workload`'s Kubernetes ServiceAccount on `cluster` is bound to the cloud identity the
 * cluster's Terraform stack creates under the contract's names: IRSA role ARN on EKS, managed
 * identity client id on AKS, Google service account e-mail on GKE (each cloud's
 * `CloudClusterProfile.workloadIdentity`). Undefined where the workload has no cloud identity on
 * that kind of cluster. `clouds` gives an EKS cluster its account (the environment's `clouds.aws`).
 */
export function workloadIdentityAnnotation(cluster: ClusterSpec, workload: IdentityWorkload, clouds: DerivedAccounts): IdentityAnnotation | undefined {
  return clusterProfile(cluster).workloadIdentity(cluster, workload, clouds);
}
