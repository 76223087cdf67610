import { blocks, stringAt, stringsAt } from '../inspect/attributes';
import { companionsOf } from '../inspect/references';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { TerraformResourceView, TerraformRule } from '../types';

/** EKS control plane log types that must be on: API requests and the audit trail. */
export const EKS_REQUIRED_LOG_TYPES: readonly string[] = ['api', 'audit'];

/** AKS diagnostic log categories (and groups) that carry the API server's audit trail. */
const AKS_AUDIT_CATEGORIES: ReadonlySet<string> = new Set(['kube-audit', 'kube-audit-admin']);
const AKS_AUDIT_GROUPS: ReadonlySet<string> = new Set(['audit', 'allLogs']);

/**
 * The control plane's API and audit logs are collected: EKS `enabled_cluster_log_types` with
 * `api` and `audit`; GKE `logging_config.enable_components` with `APISERVER` (and logging not
 * `none`); AKS a diagnostic setting on the cluster with `kube-audit` or `kube-audit-admin` (or the
 * `audit` / `allLogs` group). Container Insights (`oms_agent`) collects workload logs, not the
 * audit trail, so it does not count.
 */
export const tfClusterControlPlaneLogging: TerraformRule = {
  id: 'tf-cluster-control-plane-logging',
  engine: 'terraform',
  level: 'error',
  title: 'Cluster control plane audit logs are collected',
  rationale:
    'The API server audit log is the only record of who read a Secret, changed RBAC or exec-ed into a pod. Managed ' +
    'clusters do not keep it unless told to, and it cannot be recovered after an incident.',
  controls: {
    soc2: ['CC7.2', 'CC7.3'],
    pciDss: ['10.2.1', '10.2.1.2'],
    iso27001: ['A.8.15', 'A.8.16'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['aws_eks_cluster', 'azurerm_kubernetes_cluster', 'google_container_cluster'],
  check(resource, context) {
    if (resource.type === 'aws_eks_cluster') {
      const types = stringsAt(resource.attributes, 'enabled_cluster_log_types');
      const missing = EKS_REQUIRED_LOG_TYPES.filter((t) => !types.includes(t));
      if (missing.length === 0) return COMPLIANT;
      return nonCompliant(
        'enabled_cluster_log_types',
        types,
        `control plane logs ${missing.join(', ')} are off`,
        'set enabled_cluster_log_types = ["api", "audit", "authenticator"]',
      );
    }
    if (resource.type === 'google_container_cluster') {
      const service = stringAt(resource.attributes, 'logging_service');
      if (service === 'none') return nonCompliant('logging_service', service, 'cluster logging is switched off', 'remove logging_service = "none"');
      const components = stringsAt(resource.attributes, 'logging_config.enable_components');
      if (components.includes('APISERVER')) return COMPLIANT;
      return nonCompliant(
        'logging_config.enable_components',
        components.length === 0 ? undefined : components,
        'API server logs are not collected (the default is system components and workloads only)',
        'set logging_config { enable_components = ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"] }',
      );
    }
    if (aksAuditLogged(resource, context.stackResources)) return COMPLIANT;
    return nonCompliant(
      'azurerm_monitor_diagnostic_setting.enabled_log',
      undefined,
      'no diagnostic setting of the cluster collects kube-audit logs',
      'add an azurerm_monitor_diagnostic_setting with target_resource_id = the cluster id and enabled_log { category = "kube-audit-admin" }',
    );
  },
};

function aksAuditLogged(cluster: TerraformResourceView, resources: readonly TerraformResourceView[]): boolean {
  return companionsOf(cluster, resources, 'azurerm_monitor_diagnostic_setting', 'target_resource_id').some((d) =>
    blocks(d.attributes.enabled_log).some(
      (log) => (typeof log.category === 'string' && AKS_AUDIT_CATEGORIES.has(log.category)) || (typeof log.category_group === 'string' && AKS_AUDIT_GROUPS.has(log.category_group)),
    ),
  );
}
