import { stringAt, stringsAt } from '../inspect/attributes';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/**
 * Kubernetes Secrets are encrypted in etcd with a customer-managed key (envelope encryption):
 * EKS `encryption_config` for `secrets` with a KMS key, AKS `key_management_service`, GKE
 * `database_encryption` in state `ENCRYPTED` with a Cloud KMS key.
 */
export const tfClusterSecretsEncryption: TerraformRule = {
  id: 'tf-cluster-secrets-encryption',
  engine: 'terraform',
  level: 'error',
  title: 'Cluster Secrets are encrypted with a customer-managed key',
  rationale:
    'Secrets in etcd are only base64 encoded. Envelope encryption with our key keeps them unreadable in etcd ' +
    'backups and snapshots, and lets us revoke access by disabling the key.',
  controls: {
    soc2: ['CC6.1'],
    pciDss: ['3.5.1', '8.3.2'],
    iso27001: ['A.8.24'],
    gdpr: ['Art. 5(1)(f)', 'Art. 32'],
  },
  resourceTypes: ['aws_eks_cluster', 'azurerm_kubernetes_cluster', 'google_container_cluster'],
  check(resource) {
    if (resource.type === 'aws_eks_cluster') {
      const resources = stringsAt(resource.attributes, 'encryption_config.resources');
      const key = stringAt(resource.attributes, 'encryption_config.provider.key_arn');
      if (resources.includes('secrets') && key !== undefined && key !== '') return COMPLIANT;
      return nonCompliant(
        'encryption_config',
        resources.length === 0 ? undefined : resources,
        'Secrets are stored in etcd without envelope encryption',
        'set encryption_config { resources = ["secrets"], provider { key_arn = <aws_kms_key arn> } }',
      );
    }
    if (resource.type === 'azurerm_kubernetes_cluster') {
      const key = stringAt(resource.attributes, 'key_management_service.key_vault_key_id');
      if (key !== undefined && key !== '') return COMPLIANT;
      return nonCompliant(
        'key_management_service.key_vault_key_id',
        key,
        'Secrets are stored in etcd without KMS encryption',
        'set key_management_service { key_vault_key_id, key_vault_network_access }',
      );
    }
    const state = stringAt(resource.attributes, 'database_encryption.state');
    const key = stringAt(resource.attributes, 'database_encryption.key_name');
    if (state === 'ENCRYPTED' && key !== undefined && key !== '') return COMPLIANT;
    return nonCompliant(
      'database_encryption.state',
      state,
      'Secrets are stored in etcd without application-layer encryption',
      'set database_encryption { state = "ENCRYPTED", key_name = <google_kms_crypto_key id> }',
    );
  },
};
