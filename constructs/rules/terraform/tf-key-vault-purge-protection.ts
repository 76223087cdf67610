import { boolAt } from '../inspect/attributes';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/**
 * Key Vaults holding customer-managed keys have purge protection: a deleted key stays recoverable
 * for the soft-delete period and nobody, not even an owner, can purge it earlier. Azure requires
 * it for storage and AKS customer-managed keys anyway.
 */
export const tfKeyVaultPurgeProtection: TerraformRule = {
  id: 'tf-key-vault-purge-protection',
  engine: 'terraform',
  level: 'error',
  title: 'Key Vaults cannot be purged before their retention ends',
  rationale:
    'Purging the key that encrypts the state or the cluster secrets destroys that data for good. Purge protection ' +
    'turns a mistaken or malicious deletion into a recoverable one.',
  controls: {
    soc2: ['CC6.1', 'A1.2'],
    pciDss: ['3.6.1'],
    iso27001: ['A.8.13', 'A.8.24'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['azurerm_key_vault'],
  check(resource) {
    const value = boolAt(resource.attributes, 'purge_protection_enabled');
    if (value === true) return COMPLIANT;
    return nonCompliant('purge_protection_enabled', value, 'keys of the vault can be purged at once after deletion', 'set purge_protection_enabled = true');
  },
};
