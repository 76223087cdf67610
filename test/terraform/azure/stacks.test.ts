import { TerraformResource } from 'cdktf';
import { standardTags } from '../../../constructs/terraform/tags';
import type { EnvironmentSpec } from '../../../environments/types';
import { blocksOf, synthJson } from '../terraform-json';
import { AZURE_ENVIRONMENTS, aksClusters, azureBase, buildAzure, secondAksCluster } from './azure-test-helpers';

describe.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the Azure stacks of %s', (_env, spec) => {
  const entries = buildAzure(spec);

  it('are the foundation, then per AKS cluster its network and the cluster, each depending on what it reads', () => {
    const management = aksClusters(spec).find((c) => c.role === 'management');
    expect(entries.map((e) => [e.name, e.dependsOn])).toEqual([
      ['azure-foundation', []],
      // The management cluster first: a workload cluster reads its stack (Argo CD's identity, which trusts the workload cluster's issuer).
      ...[...aksClusters(spec)]
        .sort((a, b) => Number(b.role === 'management') - Number(a.role === 'management'))
        .flatMap((c) => [
          [`azure-network-${c.name}`, ['azure-foundation']],
          [
            `azure-cluster-${c.name}`,
            ['azure-foundation', `azure-network-${c.name}`, ...(c.role === 'workload' && management !== undefined ? [`azure-cluster-${management.name}`] : [])],
          ],
        ]),
    ]);
  });

  it('tag every taggable resource with the standard tags', () => {
    const tags = standardTags(spec);
    let tagged = 0;
    for (const entry of entries) {
      for (const node of entry.stack.node.findAll()) {
        if (!(node instanceof TerraformResource) || !('tagsInput' in node)) continue;
        expect({ resource: node.node.path, tags: node.tagsInput }).toEqual({ resource: node.node.path, tags });
        tagged += 1;
      }
    }
    expect(tagged).toBeGreaterThan(10);
  });

  it('grant roles on a Key Vault key on its versionless id only, so that no grant is lost when the key rotates', () => {
    const keyScopes = entries.flatMap((entry) =>
      Object.entries(blocksOf(synthJson(entry.stack), 'azurerm_role_assignment'))
        .map(([name, assignment]) => ({ stack: entry.name, name, scope: String(assignment.scope) }))
        .filter((grant) => grant.scope.includes('azurerm_key_vault_key.')),
    );
    // The state key, the report key and each cluster's KMS key.
    expect(keyScopes.length).toBeGreaterThanOrEqual(2 + aksClusters(spec).length);
    for (const grant of keyScopes) {
      expect(grant).toEqual({ ...grant, scope: expect.stringMatching(/^\$\{azurerm_key_vault_key\.[\w-]+\.resource_versionless_id\}$/) });
    }
  });
});

describe('the Azure estate', () => {
  const { spec, cluster } = azureBase();

  it('adds nothing for an environment without a subscription and AKS cluster', () => {
    const none: EnvironmentSpec = { ...spec, clouds: { gcp: spec.clouds.gcp }, clusters: spec.clusters.filter((c) => c.cloud !== 'azure') };
    expect(buildAzure(none)).toEqual([]);
  });

  it('rejects AKS clusters in an environment without an Azure subscription', () => {
    expect(() => buildAzure({ ...spec, clouds: { gcp: spec.clouds.gcp } })).toThrow(`clusters ${cluster.name} run on AKS but clouds.azure is not set`);
  });

  it('applies the management cluster before the AKS clusters that trust its issuer, whatever the spec order', () => {
    const second = secondAksCluster(spec, cluster);
    const names = buildAzure({ ...spec, clusters: [second, ...spec.clusters] }).map((e) => e.name);
    expect(names).toEqual(['azure-foundation', `azure-network-${cluster.name}`, `azure-cluster-${cluster.name}`, `azure-network-${second.name}`, `azure-cluster-${second.name}`]);
  });
});
