import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Testing } from 'cdktf';
import { EncryptionKeyVault, type EncryptionKeyVaultProps } from '../../../constructs/terraform/azure/encryption-key-vault';
import { block, synthJson } from '../terraform-json';
import { ProbeStack } from './azure-test-helpers';

const base: EncryptionKeyVaultProps = {
  name: 'kms-probe-123abc',
  resourceGroupName: 'rg-probe',
  location: 'westeurope',
  tenantId: 'tenant',
  firewall: { kind: 'deny-except', ipRules: ['203.0.113.0/24'] },
  keyName: 'probe',
  keyOperations: ['wrapKey', 'unwrapKey'],
};

function vaultJson(props: Partial<EncryptionKeyVaultProps> = {}): Record<string, unknown> {
  const stack = new ProbeStack(Testing.app(), 'probe', 'probe');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new EncryptionKeyVault(stack, 'probe', { ...base, ...props });
  return synthJson(stack);
}

describe('EncryptionKeyVault', () => {
  it('makes an RSA 3072 key by default, with exactly the operations asked for', () => {
    expect(block(vaultJson(), 'azurerm_key_vault_key', 'probe-key')).toMatchObject({ key_type: 'RSA', key_size: 3072, key_opts: ['wrapKey', 'unwrapKey'] });
  });

  it('makes a key of another size when asked', () => {
    expect(block(vaultJson({ keySize: 4096 }), 'azurerm_key_vault_key', 'probe-key').key_size).toBe(4096);
  });

  it('denies every network but the listed ranges and trusted Azure services by default', () => {
    expect(block(vaultJson(), 'azurerm_key_vault', 'probe-vault').network_acls).toEqual({
      default_action: 'Deny',
      bypass: 'AzureServices',
      ip_rules: ['203.0.113.0/24'],
    });
  });

  it('opens the firewall only with a stated reason', () => {
    const open = vaultJson({ firewall: { kind: 'open', reason: 'the AKS KMS plugin needs a vault without firewall' } });
    expect(block(open, 'azurerm_key_vault', 'probe-vault').network_acls).toEqual({ default_action: 'Allow', bypass: 'AzureServices', ip_rules: [] });
  });

  it('rejects an open firewall without a reason of at least 10 characters', () => {
    expect(() => vaultJson({ firewall: { kind: 'open', reason: 'needed' } })).toThrow("firewall 'open' needs a reason");
  });
});
