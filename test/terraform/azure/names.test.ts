import { keyVaultName, kmsKeyVaultName, STATE_CONTAINER_NAME, stateBlobKey, stateKeyVaultName, stateStorageAccountName } from '../../../constructs/terraform/azure/names';
import type { AzureSubscription } from '../../../environments/types';
import { AZURE_ENVIRONMENTS, aksClusters } from './azure-test-helpers';

const subscription: AzureSubscription = { subscriptionId: '9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63', tenantId: 't', location: 'westeurope' };
const other: AzureSubscription = { ...subscription, subscriptionId: '0b2d6f8c-4e3a-4c7b-9f1d-2a5e8b3c0d74' };

const STORAGE_ACCOUNT = /^[a-z0-9]{3,24}$/;
const KEY_VAULT = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/;

describe('Azure names', () => {
  it('derives a storage account name of 3-24 lower-case letters and digits from the organisation prefix, the environment and the subscription', () => {
    const name = stateStorageAccountName('example', 'dev', subscription);
    expect(name).toMatch(STORAGE_ACCOUNT);
    expect(name).toMatch(/^exampletfstatedev[0-9a-f]{6}$/);
  });

  it('gives the same name on every synth and another one in another subscription', () => {
    expect(stateStorageAccountName('example', 'dev', subscription)).toBe(stateStorageAccountName('example', 'dev', subscription));
    expect(stateStorageAccountName('example', 'dev', other)).not.toBe(stateStorageAccountName('example', 'dev', subscription));
  });

  it('cuts a long environment name to fit and still keeps two such environments apart', () => {
    const a = stateStorageAccountName('example', 'production-eu-west', subscription);
    const b = stateStorageAccountName('example', 'production-eu-north', subscription);
    for (const name of [a, b]) expect(name).toMatch(STORAGE_ACCOUNT);
    expect(a).not.toBe(b);
  });

  it('derives Key Vault names of at most 24 characters that start with a letter and have no double dash', () => {
    const names = [
      stateKeyVaultName('dev', subscription),
      stateKeyVaultName('production-eu-west', subscription),
      kmsKeyVaultName('dev-aks-weu', subscription),
      kmsKeyVaultName('a-very-long-cluster-name-in-westeurope', subscription),
      keyVaultName('kms', 'cluster--with__odd..chars-', subscription),
    ];
    for (const name of names) {
      expect(name).toMatch(KEY_VAULT);
      expect(name).not.toContain('--');
    }
    expect(kmsKeyVaultName('a-very-long-cluster-name-in-westeurope', subscription)).not.toBe(kmsKeyVaultName('a-very-long-cluster-name-in-eastus', subscription));
  });

  it.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('fits every name of %s within the Azure limits', (_env, spec) => {
    const azure = spec.clouds.azure!;
    expect(stateStorageAccountName(spec.infrastructure.organisationPrefix, spec.name, azure)).toMatch(STORAGE_ACCOUNT);
    expect(stateKeyVaultName(spec.name, azure)).toMatch(KEY_VAULT);
    for (const cluster of aksClusters(spec)) expect(kmsKeyVaultName(cluster.name, azure)).toMatch(KEY_VAULT);
  });

  it('keys each stack state by the stack name in the tfstate container', () => {
    expect(STATE_CONTAINER_NAME).toBe('tfstate');
    expect(stateBlobKey('azure-network-dev-aks-weu')).toBe('azure-network-dev-aks-weu/terraform.tfstate');
  });
});
