import type { AksClusterSpec, EksClusterSpec, EnvironmentSpec, GkeClusterSpec } from '../../../environments/types';
import { perClusterValue } from './per-cluster-value';

/** ServiceAccount annotations and pod labels through which each cloud's webhook grants an identity. */
const EKS_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';
const AZURE_CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';
/**
 * The Azure workload identity webhook injects the federated token (and AZURE_CLIENT_ID,
 * AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE) only into pods labelled so, value `"true"`.
 */
export const AZURE_USE_LABEL = 'azure.workload.identity/use';
const GKE_SERVICE_ACCOUNT_ANNOTATION = 'iam.gke.io/gcp-service-account';

/**
 * The cloud identity a workload's Kubernetes ServiceAccount maps to on each kind of cluster.
 * A cloud left out means the workload has no identity there (it needs none, or cannot use one).
 */
export interface CloudWorkloadIdentity {
  /** IAM role assumed through IRSA. */
  readonly aws?: (cluster: EksClusterSpec) => string;
  /** Client id of the user-assigned managed identity federated with the ServiceAccount. */
  readonly azure?: (cluster: AksClusterSpec) => string;
  /** E-mail of the GCP service account bound through GKE workload identity. */
  readonly gcp?: (cluster: GkeClusterSpec) => string;
}

/** What a chart needs to hand its pods a cloud identity; keys only for the clouds the environment uses. */
export interface WorkloadIdentityValues {
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
}

/**
 * ServiceAccount annotations and pod labels for `identity` on every cluster of the environment,
 * each value switched per cluster (an EKS cluster gets its role ARN and an empty client id, an
 * AKS cluster the reverse). Annotations of another cloud are inert: no webhook reads them there.
 */
export function workloadIdentityValues(spec: EnvironmentSpec, workload: string, identity: CloudWorkloadIdentity): WorkloadIdentityValues {
  const clouds = new Set(spec.clusters.map((cluster) => cluster.cloud));
  const annotations: Record<string, string> = {};
  const podLabels: Record<string, string> = {};
  const field = `${workload}/serviceAccount.annotations`;
  const { aws, azure, gcp } = identity;
  if (aws !== undefined && clouds.has('aws')) {
    annotations[EKS_ROLE_ANNOTATION] = perClusterValue(spec, field, (c) => (c.cloud === 'aws' ? aws(c) : ''));
  }
  if (azure !== undefined && clouds.has('azure')) {
    annotations[AZURE_CLIENT_ID_ANNOTATION] = perClusterValue(spec, field, (c) => (c.cloud === 'azure' ? azure(c) : ''));
    podLabels[AZURE_USE_LABEL] = perClusterValue(spec, `${workload}/podLabels`, (c) => String(c.cloud === 'azure'));
  }
  if (gcp !== undefined && clouds.has('gcp')) {
    annotations[GKE_SERVICE_ACCOUNT_ANNOTATION] = perClusterValue(spec, field, (c) => (c.cloud === 'gcp' ? gcp(c) : ''));
  }
  return { serviceAccountAnnotations: annotations, podLabels };
}
