import type { AccessSpec } from '../constructs/argocd/access-spec';
import type { GitOpsSource } from '../constructs/argocd/gitops-source';
import type { SyncSpec, SyncWindowSpec } from '../constructs/argocd/sync-spec';
import type { BackupSpec } from '../constructs/backup/backup-spec';
import type { Tier } from '../constructs/core/tier';
import type { DeliverySpec } from '../constructs/delivery/delivery-spec';
import type { DriftDetectionSpec } from '../constructs/drift/drift-detection-spec';
import type { ClusterSpec } from '../constructs/kubernetes/cluster-spec';
import type { KyvernoSpec } from '../constructs/kyverno/kyverno-spec';
import type { NotificationSpec } from '../constructs/monitoring/notification-spec';
import type { ChartVersions } from '../constructs/platform/chart-versions';
import type { EnvironmentSso } from '../constructs/platform/environment-sso';
import type { SecretsSpec } from '../constructs/secrets/secrets-spec';
import type { TenantSpec } from '../constructs/tenancy/tenant-spec';
import type { CloudAccounts } from '../constructs/terraform/cloud-accounts';
import type { InfrastructureSpec } from '../constructs/terraform/infrastructure-spec';

export type { AccessSpec } from '../constructs/argocd/access-spec';
export type { GitOpsSource, RevisionPolicy } from '../constructs/argocd/gitops-source';
export type { SyncSpec, SyncWindowSpec } from '../constructs/argocd/sync-spec';
export type { BackupScheduleSpec, BackupSpec } from '../constructs/backup/backup-spec';
export type { Cloud } from '../constructs/core/cloud';
export type { Tier } from '../constructs/core/tier';
export type {
  AnalysisThresholds,
  CanaryStepSpec,
  DeliveredWorkloadSpec,
  DeliverySpec,
  DeliveryStrategy,
  HttpProbeSpec,
  ImageSpec,
  ResourcesSpec,
  WorkloadMetricsSpec,
  WorkloadPortSpec,
} from '../constructs/delivery/delivery-spec';
export type { DriftDetectionSpec, DriftRemediation, DriftSeverity, RemediationStrategy, ResourceClass } from '../constructs/drift/drift-detection-spec';
export type { AksClusterSpec, ApiAccessSpec, ClusterRole, ClusterSpec, EksClusterSpec, GkeClusterSpec, NodePoolSpec } from '../constructs/kubernetes/cluster-spec';
export type { FailOpenPolicy, KyvernoMode, KyvernoSpec } from '../constructs/kyverno/kyverno-spec';
export type { NotificationSpec } from '../constructs/monitoring/notification-spec';
export type { ChartVersions } from '../constructs/platform/chart-versions';
export type { EnvironmentSso } from '../constructs/platform/environment-sso';
export type { OutOfBandSecret, SealedSecretData, SealingScope, SecretsSpec } from '../constructs/secrets/secrets-spec';
export type {
  TenantApplicationSpec,
  TenantEgressSpec,
  TenantLimitsSpec,
  TenantNamespaceSpec,
  TenantPodSecurityLevel,
  TenantPortSpec,
  TenantQuotaObject,
  TenantQuotaSpec,
  TenantSpec,
} from '../constructs/tenancy/tenant-spec';
export type { AwsAccount, AzureSubscription, CloudAccounts, GcpProject } from '../constructs/terraform/cloud-accounts';
export type { BreakGlassSpec, BudgetSpec, CiIdentitySpec, InfrastructureSpec } from '../constructs/terraform/infrastructure-spec';

/**
 * The typed contract of one environment. `dev.ts`, `staging.ts` and `prod.ts` are values of this
 * type; every difference between environments is a value here, never a branch in construct code.
 * Semantics that depend on how strict an environment is key off `tier`, not off its name, so a
 * second production environment (`prod-eu`) gets the production rules by declaring the tier.
 */
export interface EnvironmentSpec {
  /** Short DNS-label name: used in paths (`dist/k8s/<name>/`), resource names and labels. */
  readonly name: string;
  readonly tier: Tier;
  /** Team that owns the environment; tagged on every cloud resource and labelled on every object. */
  readonly owner: string;
  /** Cost centre charged for the environment's cloud spend (tag `cost-centre`). */
  readonly costCentre: string;
  /** The Kubernetes clusters of the environment. Exactly one has role `management` (runs Argo CD). */
  readonly clusters: readonly ClusterSpec[];
  /** Where Argo CD reads this repository's rendered manifests from, and which revision. */
  readonly gitops: GitOpsSource;
  readonly sync: SyncSpec;
  readonly driftDetection: DriftDetectionSpec;
  readonly notifications: NotificationSpec;
  readonly access: AccessSpec;
  /**
   * How people log in to the environment's Argo CD: OIDC single sign-on, whose groups claim the
   * `access` groups are matched against. Production requires it, with the local admin disabled.
   * @default - no SSO: the local `admin` is the only login and no `access` group ever applies
   */
  readonly sso?: EnvironmentSso;
  /** Allowed sync windows. Empty means automated sync may run at any time. */
  readonly syncWindows: readonly SyncWindowSpec[];
  /** Pinned upstream Helm chart versions, one per platform add-on. */
  readonly charts: ChartVersions;
  readonly kyverno: KyvernoSpec;
  /**
   * The environment whose pins this one receives by `npm run promote`; absent for the first
   * stage. Promotion follows this chain and never skips a stage.
   */
  readonly promotesFrom?: string;
  /** Cloud accounts that hold the environment's Terraform-managed infrastructure. */
  readonly clouds: CloudAccounts;
  readonly infrastructure: InfrastructureSpec;
  /**
   * Workloads delivered progressively through Argo Rollouts, with analysis and automated rollback.
   * @default - none
   */
  readonly delivery?: DeliverySpec;
  /**
   * The teams that run their applications on the environment's clusters, one entry each: their
   * namespaces, quota, network boundaries, access, delivery and budget (constructs/tenancy).
   * @default - none
   */
  readonly tenants?: readonly TenantSpec[];
  /** Where the value of every Secret the environment needs comes from: sealed, or provided out of band. */
  readonly secrets: SecretsSpec;
  /** Velero backups of every cluster, their store, schedules and the restore objectives. */
  readonly backup: BackupSpec;
}
