import { tfClusterControlPlaneLogging as rule } from '../../../constructs/rules/terraform/tf-cluster-control-plane-logging';
import { checkTerraform, expectCompliant, expectFailure, ref, resource } from '../fixtures';

describe('tf-cluster-control-plane-logging', () => {
  it('accepts EKS with api and audit logs', () => {
    const eks = resource('aws_eks_cluster', 'cluster', { enabled_cluster_log_types: ['api', 'audit', 'authenticator'] });
    expectCompliant(checkTerraform(rule, eks, [eks]));
  });

  it('rejects EKS without audit logs', () => {
    const noAudit = resource('aws_eks_cluster', 'cluster', { enabled_cluster_log_types: ['api'] });
    expectFailure(checkTerraform(rule, noAudit, [noAudit]), { field: 'enabled_cluster_log_types', value: ['api'], problem: /audit are off/ });
  });

  it('accepts GKE with API server logs', () => {
    const gke = resource('google_container_cluster', 'cluster', { logging_config: { enable_components: ['SYSTEM_COMPONENTS', 'APISERVER'] } });
    expectCompliant(checkTerraform(rule, gke, [gke]));
  });

  it('rejects GKE with the default components or logging off', () => {
    const defaulted = resource('google_container_cluster', 'cluster', {});
    expectFailure(checkTerraform(rule, defaulted, [defaulted]), { field: 'logging_config.enable_components', value: undefined });
    const off = resource('google_container_cluster', 'cluster', { logging_service: 'none', logging_config: { enable_components: ['APISERVER'] } });
    expectFailure(checkTerraform(rule, off, [off]), { field: 'logging_service', value: 'none' });
  });

  it('accepts AKS with a kube-audit diagnostic setting', () => {
    const aks = resource('azurerm_kubernetes_cluster', 'cluster', { oms_agent: { log_analytics_workspace_id: 'x' } });
    const audit = resource('azurerm_monitor_diagnostic_setting', 'cluster-diagnostics', { target_resource_id: ref(aks, 'id'), enabled_log: [{ category: 'kube-audit-admin' }] });
    expectCompliant(checkTerraform(rule, aks, [aks, audit]));
  });

  it('rejects AKS with Container Insights alone or API server logs without audit', () => {
    const aks = resource('azurerm_kubernetes_cluster', 'cluster', { oms_agent: { log_analytics_workspace_id: 'x' } });
    expectFailure(checkTerraform(rule, aks, [aks]), { field: 'azurerm_monitor_diagnostic_setting.enabled_log' });
    const apiOnly = resource('azurerm_monitor_diagnostic_setting', 'cluster-diagnostics', { target_resource_id: ref(aks, 'id'), enabled_log: [{ category: 'kube-apiserver' }] });
    expectFailure(checkTerraform(rule, aks, [aks, apiOnly]), { field: 'azurerm_monitor_diagnostic_setting.enabled_log' });
  });
});
