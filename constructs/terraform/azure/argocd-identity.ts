import type { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from './ci-identities';
import { argocdIdentityName } from './names';
import { AzureRole } from './roles';

/** Namespace Argo CD runs in on the management cluster. */
export const ARGOCD_NAMESPACE = 'argocd';

/** Argo CD's service accounts that talk to managed clusters: sync (controller) and UI/API (server). */
export const ARGOCD_SERVICE_ACCOUNTS = ['argocd-application-controller', 'argocd-server'] as const;

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
export class ArgoCdIdentity extends Construct {
  readonly identity: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: ArgoCdIdentityProps) {
    super(scope, id);
    this.identity = new UserAssignedIdentity(this, 'identity', {
        name: argocdIdentityName(props.clusterName),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
      });
    // One at a time: Entra ID refuses concurrent writes of federated credentials on one identity.
    let previous: TerraformResource | undefined;
    for (const serviceAccount of ARGOCD_SERVICE_ACCOUNTS) {
      previous = new FederatedIdentityCredential(this, serviceAccount, {
          name: serviceAccount,
          parentId: this.identity.id,
          resourceGroupName: props.resourceGroupName,
          issuer: props.argocdIssuerUrl,
          audience: [AZURE_TOKEN_EXCHANGE_AUDIENCE],
          subject: `system:serviceaccount:${ARGOCD_NAMESPACE}:${serviceAccount}`,
          dependsOn: previous === undefined ? undefined : [previous],
        });
    }
    new RoleAssignment(this, 'cluster-admin', {
        principalId: this.identity.principalId,
        principalType: 'ServicePrincipal',
        roleDefinitionName: AzureRole.aksRbacClusterAdmin,
        scope: props.clusterId,
      });
  }
}
