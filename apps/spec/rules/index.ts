import type { FleetRule, SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { specAccessGroups } from './spec-access-groups';
import { specArgocdSso } from './spec-argocd-sso';
import { specAwsAccount } from './spec-aws-account';
import { specBackupObjectives } from './spec-backup-objectives';
import { specBackupRestoringClusters } from './spec-backup-restoring-clusters';
import { specBackupScheduleCron } from './spec-backup-schedule-cron';
import { specBackupScheduleNames } from './spec-backup-schedule-names';
import { specBackupStore } from './spec-backup-store';
import { specBudget } from './spec-budget';
import { specChartPins } from './spec-chart-pins';
import { specCiIdentity } from './spec-ci-identity';
import { specClusterApiAccess } from './spec-cluster-api-access';
import { specClusterCloudAccount } from './spec-cluster-cloud-account';
import { specClusterEndpoint } from './spec-cluster-endpoint';
import { specClusterLabels } from './spec-cluster-labels';
import { specClusterNames } from './spec-cluster-names';
import { specClusterNetworks } from './spec-cluster-networks';
import { specClusterNodePools } from './spec-cluster-node-pools';
import { specClusterOwnership } from './spec-cluster-ownership';
import { specClusterRegion } from './spec-cluster-region';
import { specClusterStackOutputs } from './spec-cluster-stack-outputs';
import { specClusterWorkloadIdentity } from './spec-cluster-workload-identity';
import { specDeliveryWorkloads } from './spec-delivery-workloads';
import { specDriftCheckInterval } from './spec-drift-check-interval';
import { specDriftDetection } from './spec-drift-detection';
import { specEnvironmentName } from './spec-environment-name';
import { specEnvironmentNamesUnique } from './spec-environment-names-unique';
import { specFleetNotEmpty } from './spec-fleet-not-empty';
import { specGcpBillingAccount } from './spec-gcp-billing-account';
import { specGitopsRepository } from './spec-gitops-repository';
import { specGitopsRevision } from './spec-gitops-revision';
import { specGrafanaSso } from './spec-grafana-sso';
import { specKubernetesVersion } from './spec-kubernetes-version';
import { specKyvernoFailOpen } from './spec-kyverno-fail-open';
import { specKyvernoRelease } from './spec-kyverno-release';
import { specManagementCluster } from './spec-management-cluster';
import { specOwnershipLabels } from './spec-ownership-labels';
import { specPolicyCanaryCoverage } from './spec-policy-canary-coverage';
import { specPolicyCatalog } from './spec-policy-catalog';
import { specProductionDriftRemediation } from './spec-production-drift-remediation';
import { specProductionPaging } from './spec-production-paging';
import { specProductionPinnedRevision } from './spec-production-pinned-revision';
import { specProductionSso } from './spec-production-sso';
import { specProductionSyncWindows } from './spec-production-sync-windows';
import { specProductionTenantCapacity } from './spec-production-tenant-capacity';
import { specPromotionChain } from './spec-promotion-chain';
import { specSealedSecrets } from './spec-sealed-secrets';
import { specSealingExampleCertificates } from './spec-sealing-example-certificates';
import { specSlackChannel } from './spec-slack-channel';
import { specSsoUrlsUnique } from './spec-sso-urls-unique';
import { specSyncRetry } from './spec-sync-retry';
import { specSyncWindows } from './spec-sync-windows';
import { specTenantApplications } from './spec-tenant-applications';
import { specTenantCapacity } from './spec-tenant-capacity';
import { specTenantCatalog } from './spec-tenant-catalog';
import { specTenantEgress } from './spec-tenant-egress';
import { specTenantGroups } from './spec-tenant-groups';
import { specTenantNames } from './spec-tenant-names';
import { specTenantNamespaces } from './spec-tenant-namespaces';
import { specTenantPodSecurity } from './spec-tenant-pod-security';
import { specTenantPolicyCanary } from './spec-tenant-policy-canary';
import { specTenantQuota } from './spec-tenant-quota';
import { specTenantSharedGroups } from './spec-tenant-shared-groups';
import { specTerraformState } from './spec-terraform-state';

/**
 * Every rule on one environment spec, in the order of `EnvironmentSpec`'s sections (findings are
 * reported in this order). Each rule runs on a spec of the right shape only (spec-schema.ts first).
 */
export const SPEC_RULES: readonly SpecRule<EnvironmentSpec>[] = [
  specEnvironmentName,
  specOwnershipLabels,
  specManagementCluster,
  specClusterNames,
  specClusterEndpoint,
  specClusterRegion,
  specClusterLabels,
  specClusterWorkloadIdentity,
  specAwsAccount,
  specClusterCloudAccount,
  specGitopsRepository,
  specGitopsRevision,
  specProductionPinnedRevision,
  specSyncRetry,
  specDriftDetection,
  specProductionDriftRemediation,
  specSlackChannel,
  specProductionPaging,
  specAccessGroups,
  specArgocdSso,
  specGrafanaSso,
  specProductionSso,
  specSyncWindows,
  specProductionSyncWindows,
  specChartPins,
  specKyvernoRelease,
  specPolicyCatalog,
  specTenantCatalog,
  specTenantPolicyCanary,
  specPolicyCanaryCoverage,
  specKyvernoFailOpen,
  specKubernetesVersion,
  specClusterNetworks,
  specClusterApiAccess,
  specClusterNodePools,
  specClusterStackOutputs,
  specCiIdentity,
  specBudget,
  specGcpBillingAccount,
  specTerraformState,
  specBackupStore,
  specDriftCheckInterval,
  specDeliveryWorkloads,
  specSealedSecrets,
  specSealingExampleCertificates,
  specBackupScheduleNames,
  specBackupScheduleCron,
  specBackupObjectives,
  specBackupRestoringClusters,
  specTenantNames,
  specTenantNamespaces,
  specTenantGroups,
  specTenantSharedGroups,
  specTenantQuota,
  specTenantPodSecurity,
  specTenantEgress,
  specTenantCapacity,
  specProductionTenantCapacity,
  specTenantApplications,
];

/** Every rule across the environments of the fleet, run after the rules of each spec. */
export const FLEET_RULES: readonly FleetRule<EnvironmentSpec>[] = [specFleetNotEmpty, specEnvironmentNamesUnique, specClusterOwnership, specPromotionChain, specSsoUrlsUnique];
