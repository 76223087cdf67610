import type { ComplianceRule, KubernetesComplianceRule, TerraformComplianceRule } from '../types';
import { k8sNamespacePodSecurity } from './kubernetes/k8s-namespace-pod-security';
import { k8sNoSecretData } from './kubernetes/k8s-no-secret-data';
import { k8sProdKyvernoEnforce } from './kubernetes/k8s-prod-kyverno-enforce';
import { k8sProdNoAutoPrune } from './kubernetes/k8s-prod-no-auto-prune';
import { tfBudgetAlerts } from './terraform/tf-budget-alerts';
import { tfBudgetPerCloud } from './terraform/tf-budget-per-cloud';
import { tfClusterControlPlaneLogging } from './terraform/tf-cluster-control-plane-logging';
import { tfClusterEndpointRestricted } from './terraform/tf-cluster-endpoint-restricted';
import { tfClusterSecretsEncryption } from './terraform/tf-cluster-secrets-encryption';
import { tfClusterWorkloadIdentity } from './terraform/tf-cluster-workload-identity';
import { tfKeyVaultPurgeProtection } from './terraform/tf-key-vault-purge-protection';
import { tfKmsKeyRotation } from './terraform/tf-kms-key-rotation';
import { tfNetworkFlowLogs } from './terraform/tf-network-flow-logs';
import { tfNodeAutoscalingBounds } from './terraform/tf-node-autoscaling-bounds';
import { tfOidcAudiencePinned } from './terraform/tf-oidc-audience-pinned';
import { tfOidcSubjectScoped } from './terraform/tf-oidc-subject-scoped';
import { tfProdApplyProtectedEnvironment } from './terraform/tf-prod-apply-protected-environment';
import { tfProdNoWildcardIamAction } from './terraform/tf-prod-no-wildcard-iam-action';
import { tfRequiredTags } from './terraform/tf-required-tags';
import { tfStateReplication } from './terraform/tf-state-replication';
import { tfStorageAccessLogging } from './terraform/tf-storage-access-logging';
import { tfStorageCmkEncryption } from './terraform/tf-storage-cmk-encryption';
import { tfStoragePublicAccessBlocked } from './terraform/tf-storage-public-access-blocked';
import { tfStorageTlsOnly } from './terraform/tf-storage-tls-only';
import { tfStorageVersionRetention } from './terraform/tf-storage-version-retention';
import { tfStorageVersioning } from './terraform/tf-storage-versioning';

/** Every Terraform rule, grouped by what it protects: storage, keys, CI identities, IAM, clusters, networks, inventory, cost. */
export const TERRAFORM_COMPLIANCE_RULES: readonly TerraformComplianceRule[] = [
  tfStorageCmkEncryption,
  tfStorageVersioning,
  tfStoragePublicAccessBlocked,
  tfStorageTlsOnly,
  tfStorageAccessLogging,
  tfStorageVersionRetention,
  tfStateReplication,
  tfKmsKeyRotation,
  tfKeyVaultPurgeProtection,
  tfOidcSubjectScoped,
  tfOidcAudiencePinned,
  tfProdApplyProtectedEnvironment,
  tfProdNoWildcardIamAction,
  tfClusterEndpointRestricted,
  tfClusterSecretsEncryption,
  tfClusterControlPlaneLogging,
  tfClusterWorkloadIdentity,
  tfNodeAutoscalingBounds,
  tfNetworkFlowLogs,
  tfRequiredTags,
  tfBudgetPerCloud,
  tfBudgetAlerts,
];

/** Every Kubernetes rule, run on each synthesized object of a chart. */
export const KUBERNETES_COMPLIANCE_RULES: readonly KubernetesComplianceRule[] = [
  k8sProdNoAutoPrune,
  k8sNamespacePodSecurity,
  k8sProdKyvernoEnforce,
  k8sNoSecretData,
];

/** Both engines' rules: the catalogue `complianceReport` prints. */
export const COMPLIANCE_RULES: readonly ComplianceRule[] = [...TERRAFORM_COMPLIANCE_RULES, ...KUBERNETES_COMPLIANCE_RULES];
