import { tfClusterSecretsEncryption as rule } from '../../../constructs/rules/terraform/tf-cluster-secrets-encryption';
import { checkTerraform, expectCompliant, expectFailure, resource } from '../fixtures';

describe('tf-cluster-secrets-encryption', () => {
  it('accepts EKS envelope encryption of secrets with a KMS key', () => {
    const eks = resource('aws_eks_cluster', 'cluster', { encryption_config: { resources: ['secrets'], provider: { key_arn: '${aws_kms_key.cluster.arn}' } } });
    expectCompliant(checkTerraform(rule, eks, [eks]));
  });

  it('rejects EKS without secrets encryption', () => {
    const plain = resource('aws_eks_cluster', 'cluster', {});
    expectFailure(checkTerraform(rule, plain, [plain]), { field: 'encryption_config', value: undefined });
  });

  it('accepts AKS KMS encryption', () => {
    const aks = resource('azurerm_kubernetes_cluster', 'cluster', {
      key_management_service: { key_vault_key_id: '${azurerm_key_vault_key.etcd.id}', key_vault_network_access: 'Public' },
    });
    expectCompliant(checkTerraform(rule, aks, [aks]));
  });

  it('rejects AKS without KMS encryption', () => {
    const plain = resource('azurerm_kubernetes_cluster', 'cluster', {});
    expectFailure(checkTerraform(rule, plain, [plain]), { field: 'key_management_service.key_vault_key_id' });
  });

  it('accepts GKE database encryption', () => {
    const gke = resource('google_container_cluster', 'cluster', { database_encryption: { state: 'ENCRYPTED', key_name: '${google_kms_crypto_key.etcd.id}' } });
    expectCompliant(checkTerraform(rule, gke, [gke]));
  });

  it('rejects GKE database encryption in state DECRYPTED', () => {
    const plain = resource('google_container_cluster', 'cluster', { database_encryption: { state: 'DECRYPTED' } });
    expectFailure(checkTerraform(rule, plain, [plain]), { field: 'database_encryption.state', value: 'DECRYPTED' });
  });
});
