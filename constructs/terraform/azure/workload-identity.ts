import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { serviceAccountSubject } from '../../core/observability-contract';
import { addFederatedCredentials } from './federated-credentials';
import { assignRole, type RoleGrant } from './roles';

/** A Kubernetes service account that acts as the identity. */
export interface KubernetesServiceAccount {
  readonly namespace: string;
  readonly serviceAccount: string;
}

export interface KubernetesWorkloadIdentityProps {
  /** Name of the user-assigned identity, unique in its resource group. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** OIDC issuer URL of the cluster whose service account tokens the identity accepts. */
  readonly issuerUrl: string;
  /** The service accounts trusted, each by its exact subject (`system:serviceaccount:<ns>:<sa>`). */
  readonly serviceAccounts: readonly KubernetesServiceAccount[];
  /** What the identity may do. */
  readonly grants: readonly RoleGrant[];
}

/**
 * A user-assigned managed identity that pods use through AKS workload identity: federated with the
 * listed Kubernetes service accounts of one cluster's OIDC issuer (the pod's service account is
 * annotated with the identity's client id), so that no secret exists anywhere, and holding
 * `grants`. Each credential is named after its service account; each subject is exact.
 */
export class KubernetesWorkloadIdentity extends Construct {
  readonly identity: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: KubernetesWorkloadIdentityProps) {
    super(scope, id);
    if (props.serviceAccounts.length === 0) throw new Error(`${this.node.path}: an identity for Kubernetes workloads needs at least one service account to trust`);
    this.identity = new UserAssignedIdentity(this, 'identity', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    addFederatedCredentials(this, {
      identity: this.identity,
      resourceGroupName: props.resourceGroupName,
      issuer: props.issuerUrl,
      subjects: props.serviceAccounts.map((account) => ({ id: account.serviceAccount, name: account.serviceAccount, subject: serviceAccountSubject(account) })),
    });
    for (const grant of props.grants) assignRole(this, grant.id, this.identity.principalId, grant);
  }
}
