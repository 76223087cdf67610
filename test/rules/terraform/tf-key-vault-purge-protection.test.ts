import { tfKeyVaultPurgeProtection as rule } from '../../../constructs/rules/terraform/tf-key-vault-purge-protection';
import { checkTerraform, expectCompliant, expectFailure, resource } from '../fixtures';

describe('tf-key-vault-purge-protection', () => {
  it('accepts a vault with purge protection', () => {
    const vault = resource('azurerm_key_vault', 'vault', { purge_protection_enabled: true, soft_delete_retention_days: 90 });
    expectCompliant(checkTerraform(rule, vault, [vault]));
  });

  it('rejects a vault without purge protection', () => {
    const vault = resource('azurerm_key_vault', 'vault', { soft_delete_retention_days: 7 });
    expectFailure(checkTerraform(rule, vault, [vault]), { field: 'purge_protection_enabled', value: undefined });
    const off = resource('azurerm_key_vault', 'off', { purge_protection_enabled: false });
    expectFailure(checkTerraform(rule, off, [off]), { field: 'purge_protection_enabled', value: false });
  });
});
