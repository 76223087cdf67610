import { createHash } from 'node:crypto';
import type { AzureSubscription } from '../cloud-accounts';

/**
 * Names of the Azure resources of an environment, derived here and nowhere else: the foundation
 * creates the state store under these names and every other Azure stack's backend and remote
 * state point at them, so a rename in one place cannot leave the two disagreeing.
 *
 * Storage accounts and Key Vaults have globally unique DNS names (and a purge-protected vault's
 * name stays reserved for 90 days after deletion), so their names end in a short hash of the
 * subscription and the name they are derived from: deterministic, and distinct across tenants.
 */

/** Hex characters of the uniqueness suffix: 16^6 values, enough across subscriptions. */
const HASH_LENGTH = 6;

/** Blob container holding every Terraform state of the environment. */
export const STATE_CONTAINER_NAME = 'tfstate';

function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('/')).digest('hex').slice(0, HASH_LENGTH);
}

/** Letters and digits only, lower case: what storage account names accept. */
function alphanumeric(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Lower-case letters, digits and single dashes, no dash at either end: what Key Vault names accept. */
function dashed(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Storage account of the environment's Terraform state, `<organisation prefix>tfstate<env><hash>`,
 * e.g. `acmetfstatedev1a2b3c`: 3-24 lower-case letters and digits. The environment part is cut to
 * what fits; the hash covers the whole name.
 */
export function stateStorageAccountName(organisationPrefix: string, environment: string, subscription: AzureSubscription): string {
  const prefix = `${alphanumeric(organisationPrefix)}tfstate`;
  const room = 24 - prefix.length - HASH_LENGTH;
  return `${prefix}${alphanumeric(environment).slice(0, room)}${shortHash(subscription.subscriptionId, environment)}`;
}

/**
 * A Key Vault name `<purpose>-<base>-<hash>`: 3-24 letters, digits and dashes, starting with a
 * letter, no consecutive dashes. `base` is cut to what fits; the hash covers the whole of it.
 */
export function keyVaultName(purpose: string, base: string, subscription: AzureSubscription): string {
  const room = 24 - purpose.length - HASH_LENGTH - 2;
  const cut = dashed(base).slice(0, room).replace(/-$/, '');
  return `${purpose}-${cut}-${shortHash(subscription.subscriptionId, purpose, base)}`;
}

/** Key Vault holding the key that encrypts the state storage account. */
export function stateKeyVaultName(environment: string, subscription: AzureSubscription): string {
  return keyVaultName('tfstate', environment, subscription);
}

/** Key Vault holding the etcd (KMS) encryption key of one AKS cluster. */
export function kmsKeyVaultName(cluster: string, subscription: AzureSubscription): string {
  return keyVaultName('kms', cluster, subscription);
}

/** Resource group of the state store, the CI identities, the log workspace and the budget. */
export function foundationResourceGroupName(environment: string): string {
  return `rg-${environment}-tfstate`;
}

/** Blob name of one stack's state inside the container; relative, one folder per stack. */
export function stateBlobKey(stackName: string): string {
  return `${stackName}/terraform.tfstate`;
}

export function networkResourceGroupName(cluster: string): string {
  return `rg-${cluster}-network`;
}

export function clusterResourceGroupName(cluster: string): string {
  return `rg-${cluster}`;
}

/** Resource group AKS creates for the node VMs (instead of a generated `MC_...` name). */
export function nodeResourceGroupName(cluster: string): string {
  return `rg-${cluster}-nodes`;
}

/** User-assigned identity Argo CD authenticates as to reach the cluster (`argocd-k8s-auth azure`). */
export function argocdIdentityName(cluster: string): string {
  return `argocd-${cluster}`;
}
