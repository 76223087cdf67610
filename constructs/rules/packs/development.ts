import { estateCrossEngineConsistency } from '../estate/estate-cross-engine-consistency';
import { estateSecretsInventory } from '../estate/estate-secrets-inventory';
import { k8sExplicitProjectScope } from '../kubernetes/k8s-explicit-project-scope';
import { k8sNamespacePodSecurity } from '../kubernetes/k8s-namespace-pod-security';
import { k8sNoDefaultProject } from '../kubernetes/k8s-no-default-project';
import { k8sNoPlaintextSecrets } from '../kubernetes/k8s-no-plaintext-secrets';
import { k8sTenantNamespaceIsolation } from '../kubernetes/k8s-tenant-namespace-isolation';
import { k8sTenantNetworkIsolation } from '../kubernetes/k8s-tenant-network-isolation';
import { k8sTenantProjectScope } from '../kubernetes/k8s-tenant-project-scope';
import { tfBudgetAlerts } from '../terraform/tf-budget-alerts';
import { tfBudgetPerCloud } from '../terraform/tf-budget-per-cloud';
import { tfClusterControlPlaneLogging } from '../terraform/tf-cluster-control-plane-logging';
import { tfClusterEndpointRestricted } from '../terraform/tf-cluster-endpoint-restricted';
import { tfClusterSecretsEncryption } from '../terraform/tf-cluster-secrets-encryption';
import { tfClusterWorkloadIdentity } from '../terraform/tf-cluster-workload-identity';
import { tfKeyVaultPurgeProtection } from '../terraform/tf-key-vault-purge-protection';
import { tfKmsKeyRotation } from '../terraform/tf-kms-key-rotation';
import { tfNetworkFlowLogs } from '../terraform/tf-network-flow-logs';
import { tfNodeAutoscalingBounds } from '../terraform/tf-node-autoscaling-bounds';
import { tfOidcAudiencePinned } from '../terraform/tf-oidc-audience-pinned';
import { tfOidcSubjectScoped } from '../terraform/tf-oidc-subject-scoped';
import { tfRequiredTags } from '../terraform/tf-required-tags';
import { tfStorageAccessLogging } from '../terraform/tf-storage-access-logging';
import { tfStorageCmkEncryption } from '../terraform/tf-storage-cmk-encryption';
import { tfStoragePublicAccessBlocked } from '../terraform/tf-storage-public-access-blocked';
import { tfStorageTlsOnly } from '../terraform/tf-storage-tls-only';
import { tfStorageVersionRetention } from '../terraform/tf-storage-version-retention';
import { tfStorageVersioning } from '../terraform/tf-storage-versioning';
import type { RulePack } from './rule-pack';

/** Every tier's baseline: no default project, explicit project scope, no Secret values in Git, namespaces guarded, tenants isolated (objects, network, projects). */
export const BASELINE_KUBERNETES_RULES = [
  k8sNoDefaultProject,
  k8sExplicitProjectScope,
  k8sNoPlaintextSecrets,
  k8sNamespacePodSecurity,
  k8sTenantNamespaceIsolation,
  k8sTenantProjectScope,
  k8sTenantNetworkIsolation,
] as const;

/** Every tier's Terraform rules, grouped by what they protect: storage, keys, CI identities, clusters, networks, inventory, cost. */
export const BASELINE_TERRAFORM_RULES = [
  tfStorageCmkEncryption,
  tfStorageVersioning,
  tfStoragePublicAccessBlocked,
  tfStorageTlsOnly,
  tfStorageAccessLogging,
  tfStorageVersionRetention,
  tfKmsKeyRotation,
  tfKeyVaultPurgeProtection,
  tfOidcSubjectScoped,
  tfOidcAudiencePinned,
  tfClusterEndpointRestricted,
  tfClusterSecretsEncryption,
  tfClusterControlPlaneLogging,
  tfClusterWorkloadIdentity,
  tfNodeAutoscalingBounds,
  tfNetworkFlowLogs,
  tfRequiredTags,
  tfBudgetPerCloud,
  tfBudgetAlerts,
] as const;

/** Both engines' output agrees, and every Secret read is accounted for. */
export const BASELINE_ESTATE_RULES = [estateSecretsInventory, estateCrossEngineConsistency] as const;

export const DEVELOPMENT_PACK: RulePack = {
  tier: 'development',
  kubernetes: BASELINE_KUBERNETES_RULES,
  terraform: BASELINE_TERRAFORM_RULES,
  estate: BASELINE_ESTATE_RULES,
};
