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
 */
export const ROLES_APPLY_MAY_ASSIGN: readonly AzureRoleName[] = [
  AzureRole.keyVaultCryptoServiceEncryptionUser,
  AzureRole.keyVaultCryptoUser,
  AzureRole.networkContributor,
  AzureRole.aksRbacClusterAdmin,
];
