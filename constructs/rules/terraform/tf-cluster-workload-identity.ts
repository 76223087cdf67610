import { boolAt, stringAt } from '../inspect/attributes';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/**
 * Workloads (Argo CD first) reach cloud APIs with federated identities, not stored keys: AKS with
 * the OIDC issuer and workload identity enabled, GKE with a workload pool. EKS clusters use IAM
 * roles through access entries and Pod Identity, which need no cluster setting here.
 */
export const tfClusterWorkloadIdentity: TerraformRule = {
  id: 'tf-cluster-workload-identity',
  engine: 'terraform',
  level: 'error',
  title: 'Clusters give workloads federated identities instead of keys',
  rationale:
    'Without workload identity, pods that call cloud APIs need long-lived keys in Secrets, which leak through ' +
    'backups, logs and Git. Federated tokens expire within the hour and are bound to one service account.',
  controls: {
    soc2: ['CC6.1', 'CC6.2'],
    pciDss: ['8.6.2'],
    iso27001: ['A.5.17', 'A.8.5'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['azurerm_kubernetes_cluster', 'google_container_cluster'],
  check(resource) {
    if (resource.type === 'azurerm_kubernetes_cluster') {
      const issuer = boolAt(resource.attributes, 'oidc_issuer_enabled');
      if (issuer !== true) return nonCompliant('oidc_issuer_enabled', issuer, 'the cluster issues no OIDC tokens for federation', 'set oidc_issuer_enabled = true');
      const workload = boolAt(resource.attributes, 'workload_identity_enabled');
      if (workload !== true)
        return nonCompliant('workload_identity_enabled', workload, 'pods cannot exchange tokens for Entra ID identities', 'set workload_identity_enabled = true');
      return COMPLIANT;
    }
    const pool = stringAt(resource.attributes, 'workload_identity_config.workload_pool');
    if (pool !== undefined && pool !== '') return COMPLIANT;
    return nonCompliant(
      'workload_identity_config.workload_pool',
      pool,
      'pods cannot use Google service accounts without keys',
      'set workload_identity_config { workload_pool = "<project>.svc.id.goog" }',
    );
  },
};
