import type { CloudAccounts } from '../terraform/cloud-accounts';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { AZURE_USE_LABEL, workloadIdentityAnnotation } from '../kubernetes/workload-identity';

/** An environment variable of the check container. */
export interface EnvironmentVariable {
  readonly name: string;
  readonly value: string;
}

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
  if (cluster.cloud !== 'azure') {
    // IRSA: the EKS pod identity webhook injects AWS_ROLE_ARN and a projected web identity token;
    // GKE: the node's metadata server hands out the Google service account's tokens. The provider
    // and the backend find either through the default credential chain.
    return { serviceAccountAnnotations, podLabels: {}, env: [] };
  }
  const subscription = spec.clouds.azure?.subscriptionId;
  if (subscription === undefined) {
    throw new Error(`${spec.name}: clouds.azure is missing; cluster ${cluster.name} runs Azure drift checks, which plan in the environment's subscription (fix: set clouds.azure)`);
  }
  // The workload identity webhook injects AZURE_CLIENT_ID, AZURE_TENANT_ID and the federated
  // token file into pods labelled `azure.workload.identity/use`; ARM_USE_AKS_WORKLOAD_IDENTITY
  // makes the azurerm provider and backend read them. The ARM_* ids repeat them explicitly:
  // the provider refuses a tenant that differs from the injected one instead of guessing.
  return {
    serviceAccountAnnotations,
    podLabels: { [AZURE_USE_LABEL]: 'true' },
    env: [
      { name: 'ARM_USE_AKS_WORKLOAD_IDENTITY', value: 'true' },
      { name: 'ARM_TENANT_ID', value: cluster.tenantId },
      { name: 'ARM_CLIENT_ID', value: cluster.workloadClientIds.terraformDrift },
      { name: 'ARM_SUBSCRIPTION_ID', value: subscription },
    ],
  };
}
