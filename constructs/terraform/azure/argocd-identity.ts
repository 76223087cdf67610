import type { Construct } from 'constructs';
import { ARGOCD_API_SERVICE_ACCOUNTS, ARGOCD_NAMESPACE } from '../../argocd/constants';
import { argocdIdentityName } from './names';
import { AzureRole } from './roles';
import { KubernetesWorkloadIdentity } from './workload-identity';

/** Argo CD's service accounts that talk to managed clusters: sync (controller) and UI/API (server). */
export const ARGOCD_SERVICE_ACCOUNTS = ARGOCD_API_SERVICE_ACCOUNTS;

export interface ArgoCdIdentityProps {
  /** Name of the cluster Argo CD manages with this identity. */
  readonly clusterName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Resource Manager id of the AKS cluster; scope of the cluster-admin role. */
  readonly clusterId: string;
  /** OIDC issuer URL of the cluster Argo CD runs on (the management cluster). */
  readonly argocdIssuerUrl: string;
}

/**
 * The managed identity Argo CD reaches one AKS cluster as (`argocd-k8s-auth azure` in the cluster
 * secret; its client id is the spec's `argocdClientId`): federated with Argo CD's service accounts
 * through the management cluster's OIDC issuer, so no token or secret is stored anywhere, and
 * `Azure Kubernetes Service RBAC Cluster Admin` on the cluster (Azure RBAC for Kubernetes).
 */
export class ArgoCdIdentity extends KubernetesWorkloadIdentity {
  constructor(scope: Construct, id: string, props: ArgoCdIdentityProps) {
    super(scope, id, {
      name: argocdIdentityName(props.clusterName),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      issuerUrl: props.argocdIssuerUrl,
      serviceAccounts: ARGOCD_SERVICE_ACCOUNTS.map((serviceAccount) => ({ namespace: ARGOCD_NAMESPACE, serviceAccount })),
      grants: [{ id: 'cluster-admin', role: AzureRole.aksRbacClusterAdmin, scope: props.clusterId }],
    });
  }
}
