import { tfClusterWorkloadIdentity as rule } from '../../../constructs/rules/terraform/tf-cluster-workload-identity';
import { checkTerraform, expectCompliant, expectFailure, resource } from '../fixtures';

describe('tf-cluster-workload-identity', () => {
  it('accepts AKS with the OIDC issuer and workload identity', () => {
    const aks = resource('azurerm_kubernetes_cluster', 'cluster', { oidc_issuer_enabled: true, workload_identity_enabled: true });
    expectCompliant(checkTerraform(rule, aks, [aks]));
  });

  it('rejects AKS without the OIDC issuer or without workload identity', () => {
    const noIssuer = resource('azurerm_kubernetes_cluster', 'cluster', { workload_identity_enabled: true });
    expectFailure(checkTerraform(rule, noIssuer, [noIssuer]), { field: 'oidc_issuer_enabled', value: undefined });
    const noWorkload = resource('azurerm_kubernetes_cluster', 'cluster', { oidc_issuer_enabled: true });
    expectFailure(checkTerraform(rule, noWorkload, [noWorkload]), { field: 'workload_identity_enabled' });
  });

  it('accepts GKE with a workload pool', () => {
    const gke = resource('google_container_cluster', 'cluster', { workload_identity_config: { workload_pool: 'acme-platform-dev.svc.id.goog' } });
    expectCompliant(checkTerraform(rule, gke, [gke]));
  });

  it('rejects GKE without a workload pool', () => {
    const none = resource('google_container_cluster', 'cluster', {});
    expectFailure(checkTerraform(rule, none, [none]), { field: 'workload_identity_config.workload_pool', value: undefined });
  });
});
