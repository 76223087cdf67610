import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { Construct } from 'constructs';

/**
 * The built-in Azure roles the Azure stacks assign, by name (names are stable across tenants and
 * readable in review; the provider resolves them to role definition ids).
 */
export const AzureRole = {
  reader: 'Reader',
  contributor: 'Contributor',
  /** Assign roles, limited by a condition to the roles in `ROLES_APPLY_MAY_ASSIGN`. */
  rbacAdministrator: 'Role Based Access Control Administrator',
  storageBlobDataContributor: 'Storage Blob Data Contributor',
  /** Read and list blobs: plans read the state and take no lease (`-lock=false`, see terraformReadGrants). */
  storageBlobDataReader: 'Storage Blob Data Reader',
  /**
   * Request a user delegation key (`generateUserDelegationKey`), to sign SAS URLs that carry no
   * more than the signer's own data rights. Works only at storage account scope or above: the key
   * is the account's (Get User Delegation Key, Azure Storage REST reference).
   */
  storageBlobDelegator: 'Storage Blob Delegator',
  /** Read key metadata (data plane of RBAC vaults): what a plan needs to refresh a key. */
  keyVaultReader: 'Key Vault Reader',
  /** Create keys and manage their rotation policies (data plane of RBAC vaults). */
  keyVaultCryptoOfficer: 'Key Vault Crypto Officer',
  /** Wrap and unwrap with a key: what a storage account needs for its customer-managed key. */
  keyVaultCryptoServiceEncryptionUser: 'Key Vault Crypto Service Encryption User',
  /** Encrypt and decrypt with a key: what the AKS KMS plugin needs for etcd encryption. */
  keyVaultCryptoUser: 'Key Vault Crypto User',
  networkContributor: 'Network Contributor',
  /** `listClusterUserCredential`: the provider calls it when it refreshes an AKS cluster. */
  aksClusterUser: 'Azure Kubernetes Service Cluster User Role',
  aksRbacClusterAdmin: 'Azure Kubernetes Service RBAC Cluster Admin',
} as const;

export type AzureRoleName = (typeof AzureRole)[keyof typeof AzureRole];

/**
 * The only roles the apply identity may grant (the condition on its Role Based Access Control
 * Administrator assignment): the ones the Azure stacks give to workload identities. Anything else,
 * and in particular a role on the CI identities themselves, is granted by a human Owner, so that a
 * compromised apply workflow cannot grant itself or anyone else more than this.
 *
 * The read roles and the blob data roles are the cluster stacks' grants to the Terraform drift
 * check, policy-reporter and Velero (Velero's delegator role only signs links to what its container
 * grant already lets it read). Blob data access adds little to what apply already holds: Contributor
 * may list the keys of any storage account of the subscription that still accepts shared keys.
 */
export const ROLES_APPLY_MAY_ASSIGN: readonly AzureRoleName[] = [
  AzureRole.keyVaultCryptoServiceEncryptionUser,
  AzureRole.keyVaultCryptoUser,
  AzureRole.networkContributor,
  AzureRole.aksRbacClusterAdmin,
  AzureRole.reader,
  AzureRole.keyVaultReader,
  AzureRole.aksClusterUser,
  AzureRole.storageBlobDataReader,
  AzureRole.storageBlobDataContributor,
  AzureRole.storageBlobDelegator,
];

/** A role an identity holds, and where. */
export interface RoleGrant {
  /** Construct id of the assignment, below the identity's construct. */
  readonly id: string;
  readonly role: AzureRoleName;
  /** Resource Manager id of the scope: a subscription, a resource, a blob container. */
  readonly scope: string;
  /** ABAC condition (version 2.0) narrowing the grant. @default - none */
  readonly condition?: string;
}

/** Assigns `grant` to a managed identity's service principal. */
export function assignRole(scope: Construct, id: string, principalId: string, grant: RoleGrant): RoleAssignment {
  return new RoleAssignment(scope, id, {
    principalId,
    // Skips the Entra ID lookup that fails while a new identity is still replicating.
    principalType: 'ServicePrincipal',
    roleDefinitionName: grant.role,
    scope: grant.scope,
    ...(grant.condition === undefined ? {} : { condition: grant.condition, conditionVersion: '2.0' }),
  });
}

/**
 * What `terraform plan -lock=false` of the Azure stacks reads: every resource (Reader), key
 * metadata on the data plane of RBAC vaults (Key Vault Reader), the user credentials the provider
 * lists when it refreshes an AKS cluster (with local accounts disabled they hold no secret), and
 * the state blobs (Storage Blob Data Reader on the `tfstate` container). Shared by the CI plan
 * identity and the drift check, so that the two cannot diverge.
 *
 * No state lock, and so no write: the azurerm backend locks by taking a lease on the state blob
 * itself and writing the lock info into that blob's metadata (`AcquireLease` then `SetMetaData`,
 * and `PutBlockBlob` when the blob is missing; hashicorp/terraform,
 * internal/backend/remote-state/azure/client.go, `Lock`). Lease Blob and Set Blob Metadata need
 * the data action `.../containers/blobs/write`, the one that also overwrites the blob, and no ABAC
 * condition tells a lease from a write; there is no separate lock object to scope a grant to
 * (unlike the GCS backend's `.tflock`). A plan that could lock could therefore replace any state
 * of the environment, so plans run with `-lock=false`: a plan writes nothing, and applying a saved
 * plan made from a state that has changed since is refused by Terraform ("Saved plan is stale").
 */
export function terraformReadGrants(subscriptionId: string, stateContainerId: string): RoleGrant[] {
  const subscription = `/subscriptions/${subscriptionId}`;
  return [
    { id: 'reader', role: AzureRole.reader, scope: subscription },
    { id: 'key-vault-reader', role: AzureRole.keyVaultReader, scope: subscription },
    { id: 'aks-cluster-user', role: AzureRole.aksClusterUser, scope: subscription },
    { id: 'state', role: AzureRole.storageBlobDataReader, scope: stateContainerId },
  ];
}
