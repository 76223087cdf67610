import { terraformClusterAddedOrRemoved } from '../../../../apps/diff/risks/terraform/terraform-cluster-added-or-removed';
import { findings, terraformChange } from '../../change-builders';

// Trimmed from dist/terraform/dev/azure-cluster-dev-aks-weu/main.tf.
const AKS = `
resource "azurerm_kubernetes_cluster" "cluster" {
  automatic_upgrade_channel = "patch"
  dns_prefix                = "dev-aks-weu"
  kubernetes_version        = "1.35"
  location                  = "westeurope"
  name                      = "dev-aks-weu"
  resource_group_name       = azurerm_resource_group.resource-group.name
}
`;
// Trimmed from dist/terraform/dev/gcp-cluster-dev-gke-euw1/main.tf.
const GKE = `
resource "google_container_cluster" "cluster" {
  deletion_protection = true
  location            = "europe-west1"
  min_master_version  = "1.34"
  name                = "dev-gke-euw1"
}
`;
const AKS_STACK = { stack: 'azure-cluster-dev-aks-weu', environment: 'dev' };

describe('terraform-cluster-added-or-removed', () => {
  it('flags an AKS cluster created (low), naming it', async () => {
    const change = await terraformChange('azurerm_kubernetes_cluster.cluster', undefined, AKS, AKS_STACK);
    const [finding, ...rest] = findings(terraformClusterAddedOrRemoved, change, 'development');
    expect(rest).toEqual([]);
    expect(finding?.level).toBe('low');
    expect(finding?.reason).toContain('cluster dev-aks-weu created in dev');
  });

  it('flags a GKE cluster removed, high even in development', async () => {
    const change = await terraformChange('google_container_cluster.cluster', GKE, '', { stack: 'gcp-cluster-dev-gke-euw1', environment: 'dev' });
    const result = findings(terraformClusterAddedOrRemoved, change, 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('cluster dev-gke-euw1 removed from dev');
  });

  it('does not flag a cluster upgraded in place, nor a node pool added', async () => {
    const upgraded = await terraformChange('azurerm_kubernetes_cluster.cluster', AKS, AKS.replace('"1.35"', '"1.36"'), AKS_STACK);
    expect(findings(terraformClusterAddedOrRemoved, upgraded, 'production')).toEqual([]);
    const pool = await terraformChange(
      'google_container_node_pool.system',
      undefined,
      'resource "google_container_node_pool" "system" {\n  cluster = google_container_cluster.cluster.id\n}\n',
      {
        stack: 'gcp-cluster-dev-gke-euw1',
        environment: 'dev',
      },
    );
    expect(findings(terraformClusterAddedOrRemoved, pool, 'production')).toEqual([]);
  });
});
