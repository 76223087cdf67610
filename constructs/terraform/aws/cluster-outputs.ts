import { VELERO_WORKLOAD } from '../../core/backup-contract';
import { FLUENT_BIT_WORKLOAD, POLICY_REPORTER_WORKLOAD, TERRAFORM_DRIFT_WORKLOAD } from '../../core/observability-contract';
import type { ClusterRole } from '../../kubernetes/cluster-spec';

/**
 * What a cluster stack publishes: what Argo CD's registration of the cluster needs (endpoint, CA,
 * the role it authenticates with) and what workload identities need (the OIDC issuer/provider).
 */
export const CLUSTER_OUTPUTS = {
  cluster_name: 'string',
  endpoint: 'string',
  certificate_authority_data: 'string',
  oidc_issuer_url: 'string',
  oidc_provider_arn: 'string',
  argocd_role_arn: 'string',
  terraform_drift_role_arn: 'string',
  policy_reporter_role_arn: 'string',
  fluent_bit_role_arn: 'string',
  velero_role_arn: 'string',
} as const;

/** The descriptions of CLUSTER_OUTPUTS, for a cluster of `role` shipping its container logs to `containerLogGroup`. */
export function clusterOutputDescriptions(role: ClusterRole, containerLogGroup: string): Record<keyof typeof CLUSTER_OUTPUTS, string> {
  return {
    cluster_name: 'Name of the EKS cluster',
    endpoint: 'HTTPS endpoint of the Kubernetes API server',
    certificate_authority_data: 'Base64 PEM CA bundle of the API server',
    oidc_issuer_url: 'OIDC issuer of the cluster service account tokens (IRSA)',
    oidc_provider_arn: 'IAM OIDC provider of the cluster, for IRSA role trust policies',
    argocd_role_arn:
      role === 'management'
        ? "IAM role of Argo CD's service accounts (IRSA); assumes the workload clusters' Argo CD roles"
        : 'IAM role Argo CD assumes to reach this cluster; cluster-admin through its access entry',
    terraform_drift_role_arn: `IRSA role of ${TERRAFORM_DRIFT_WORKLOAD.namespace}/${TERRAFORM_DRIFT_WORKLOAD.serviceAccount} (read-only terraform plan)`,
    policy_reporter_role_arn: `IRSA role of ${POLICY_REPORTER_WORKLOAD.namespace}/${POLICY_REPORTER_WORKLOAD.serviceAccount} (report upload)`,
    fluent_bit_role_arn: `IRSA role of ${FLUENT_BIT_WORKLOAD.namespace}/${FLUENT_BIT_WORKLOAD.serviceAccount} (writes ${containerLogGroup})`,
    velero_role_arn: `IRSA role of ${VELERO_WORKLOAD.namespace}/${VELERO_WORKLOAD.serviceAccount} (its prefix of the backup bucket)`,
  };
}
