import type { ClusterSpec } from './cluster-spec';
import { gcpWorkloadServiceAccountId, type IdentityWorkload, workloadIdentityName } from '../core/observability-contract';
import { eksAccountId, iamRoleArn } from '../terraform/aws/eks-identity-names';

/**
 * The Azure workload identity webhook injects the federated token (and AZURE_CLIENT_ID,
 * AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE) only into pods labelled so, value `"true"`.
 */
export const AZURE_USE_LABEL = 'azure.workload.identity/use';

/** A ServiceAccount annotation: the key each cloud's webhook reads, and the identity it names. */
export interface IdentityAnnotation {
  readonly key: string;
  readonly value: string;
}

/** AKS client ids come from the cluster stack's outputs (copied into the spec after apply). */
const AZURE_CLIENT_IDS: Readonly<Record<IdentityWorkload, ((ids: { terraformDrift: string; policyReporter: string }) => string) | undefined>> = {
  'terraform-drift': (ids) => ids.terraformDrift,
  'policy-reporter': (ids) => ids.policyReporter,
  // Fluent Bit's Azure output cannot use workload identity (fluent/fluent-bit#7525).
  'fluent-bit': undefined,
};

/**
 * How `workload`'s Kubernetes ServiceAccount on `cluster` is bound to the cloud identity the
 * cluster's Terraform stack creates under the contract's names: IRSA role ARN on EKS, managed
 * identity client id on AKS, Google service account e-mail on GKE. Undefined where the workload
 * has no cloud identity on that kind of cluster. `clouds` gives an EKS cluster its account (the
 * environment's `clouds.aws`).
 */
export function workloadIdentityAnnotation(cluster: ClusterSpec, workload: IdentityWorkload, clouds: { readonly aws?: { readonly accountId: string } }): IdentityAnnotation | undefined {
  switch (cluster.cloud) {
    case 'aws':
      return { key: 'eks.amazonaws.com/role-arn', value: iamRoleArn(eksAccountId(clouds, cluster.name), workloadIdentityName(cluster, workload)) };
    case 'azure': {
      const clientId = AZURE_CLIENT_IDS[workload];
      return clientId === undefined ? undefined : { key: 'azure.workload.identity/client-id', value: clientId(cluster.workloadClientIds) };
    }
    case 'gcp':
      return {
        key: 'iam.gke.io/gcp-service-account',
        value: `${gcpWorkloadServiceAccountId(cluster, workload)}@${cluster.projectId}.iam.gserviceaccount.com`,
      };
  }
}
