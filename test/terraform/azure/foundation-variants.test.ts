import { Testing } from 'cdktf';
import { azureEstate } from '../../../constructs/terraform/azure/estate';
import { AzureFoundationStack, trustedCidrs } from '../../../constructs/terraform/azure/foundation-stack';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import type { EnvironmentSpec } from '../../../environments/types';
import { block, blocksOf, withInfrastructure } from '../terraform-json';
import { azureBase, foundationJson } from './azure-test-helpers';

describe('AzureFoundationStack variants', () => {
  const { spec } = azureBase();

  it('stays zone-redundant in its location without a state replica', () => {
    const json = foundationJson(withInfrastructure(spec, { stateReplica: undefined }));
    expect(block(json, 'azurerm_storage_account', 'state').account_replication_type).toBe('ZRS');
  });

  it("replicates geo- and zone-redundantly to the location's pair when the spec asks for a replica there", () => {
    const replicated: EnvironmentSpec = {
      ...withInfrastructure(spec, { stateReplica: { azure: 'northeurope' } }),
      clouds: { ...spec.clouds, azure: { ...spec.clouds.azure!, location: 'westeurope' } },
    };
    const json = foundationJson(replicated);
    expect(block(json, 'azurerm_storage_account', 'state').account_replication_type).toBe('GZRS');
    expect(block(json, 'azurerm_storage_account', 'reports-account').account_replication_type).toBe('GZRS');
  });

  it('rejects a replica outside the pair, which geo-redundant storage cannot write to', () => {
    const elsewhere: EnvironmentSpec = {
      ...withInfrastructure(spec, { stateReplica: { azure: 'francecentral' } }),
      clouds: { ...spec.clouds, azure: { ...spec.clouds.azure!, location: 'westeurope' } },
    };
    expect(() => foundationJson(elsewhere)).toThrow('copies to the region pair, northeurope');
  });

  it('caps blob and container soft delete at 365 days while the policy keeps versions for the full retention', () => {
    const json = foundationJson(withInfrastructure(spec, { stateVersionRetentionDays: 730 }));
    expect(block(json, 'azurerm_storage_account', 'state').blob_properties).toMatchObject({
      change_feed_retention_in_days: 730,
      delete_retention_policy: { days: 365 },
      container_delete_retention_policy: { days: 365 },
    });
    expect(JSON.stringify(block(json, 'azurerm_storage_management_policy', 'state-retention'))).toContain('"delete_after_days_since_creation":730');
  });

  it('trusts the API allow lists of every cluster (CI runners, VPN), each range once and sorted', () => {
    const [first, ...rest] = spec.clusters;
    const clusters = [
      { ...first!, apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24', '198.51.100.0/24'] } },
      ...rest.map((c) => ({ ...c, apiAccess: { privateEndpoint: false, allowedCidrs: ['198.51.100.0/24', '192.0.2.0/24'] } })),
    ];
    // Without CI runner ranges (their own test: state-access.test.ts).
    const { runnerCidrs: _runners, ...ci } = spec.infrastructure.ci;
    expect(trustedCidrs({ ...spec, clusters, infrastructure: { ...spec.infrastructure, ci } })).toEqual(
      rest.length > 0 ? ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'] : ['198.51.100.0/24', '203.0.113.0/24'],
    );
  });

  it('trusts no public range when every cluster is private and no CI runner range is given (Terraform then runs from inside the network)', () => {
    const clusters = spec.clusters.map((c) => ({ ...c, apiAccess: { privateEndpoint: true, allowedCidrs: [] } }));
    const { runnerCidrs: _runners, ...ci } = spec.infrastructure.ci;
    const json = foundationJson({ ...spec, clusters, infrastructure: { ...spec.infrastructure, ci } });
    expect(block(json, 'azurerm_storage_account', 'state').network_rules).toEqual({ default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [] });
  });

  it('has no props, and so no foundation, for an environment without an Azure subscription', () => {
    const withoutAzure = { ...spec, clouds: { gcp: spec.clouds.gcp }, clusters: spec.clusters.filter((c) => c.cloud !== 'azure') };
    expect(() => AzureFoundationStack.propsFromSpec(withoutAzure)).toThrow(/clouds.azure is not set/);
    expect(addCloudStacks(azureEstate, Testing.app(), withoutAzure, (n) => n)).toEqual([]);
  });

  it('creates a Key Vault, a key and a storage account for the state, and another set each for the compliance reports and the backups', () => {
    const json = foundationJson(spec);
    const names = (type: string) => Object.keys(blocksOf(json, type)).sort();
    expect(names('azurerm_key_vault')).toEqual(['backups-encryption-vault', 'reports-encryption-vault', 'state-encryption-vault']);
    expect(names('azurerm_key_vault_key')).toEqual(['backups-encryption-key', 'reports-encryption-key', 'state-encryption-key']);
    expect(names('azurerm_storage_account')).toEqual(['backups-account', 'reports-account', 'state']);
  });
});
