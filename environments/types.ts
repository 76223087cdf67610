import type { Duration } from 'cdk8s';
import type { OidcSingleSignOn } from '../constructs/argocd/argocd-sso';
import type { GrafanaSingleSignOn } from '../constructs/platform/addons/grafana-login';

/**
 * The typed contract of one environment. `dev.ts`, `staging.ts` and `prod.ts` are values of this
 * type; every difference between environments is a value here, never a branch in construct code.
 * Semantics that depend on how strict an environment is key off `tier`, not off its name, so a
 * second production environment (`prod-eu`) gets the production guardrails by declaring the tier.
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
}

/** What the Terraform side needs beyond accounts and clusters. */
export interface InfrastructureSpec {
  readonly ci: CiIdentitySpec;
  readonly budget: BudgetSpec;
  /**
   * A second region/location holding a replica of the Terraform state (production): losing the
   * state region must not lose the state. AWS region, Azure location or GCP region, per cloud.
   */
  readonly stateReplica?: { readonly aws?: string; readonly azure?: string; readonly gcp?: string };
  /** Days a non-current state version is kept before the lifecycle rule deletes it. */
  readonly stateVersionRetentionDays: number;
  /**
   * Minutes between two scheduled `terraform plan -detailed-exitcode` runs of each stack (the
   * Terraform drift check): 5 to 60 minutes dividing an hour, or whole hours dividing a day, so
   * that the cron schedule repeats evenly (constructs/drift/drift-check-schedule.ts).
   */
  readonly driftCheckIntervalMinutes: number;
  /**
   * Human emergency access to the environment's EKS clusters: who may assume the break-glass role
   * (`<env>-eks-break-glass`, cluster-admin on every EKS cluster through its own access entry),
   * with MFA only. Required in production when the environment has EKS clusters.
   * @default - no break-glass role (dev and staging reach their clusters through Argo CD only)
   */
  readonly breakGlass?: BreakGlassSpec;
}

/** Who may break the glass: named people, never a wildcard. */
export interface BreakGlassSpec {
  /**
   * Exact ARNs of the IAM users (or roles) of the environment's account allowed to assume the
   * break-glass role, e.g. `arn:aws:iam::123456789012:user/alice`. Each must sign in with MFA:
   * the role's trust requires `aws:MultiFactorAuthPresent`.
   */
  readonly awsPrincipals: readonly string[];
}

/**
 * Who may run Terraform from CI, with short-lived OIDC tokens only (no stored keys). Trust is
 * scoped to one GitHub repository; plan runs from any branch or pull request of it with read-only
 * rights; apply only from `applyFrom`.
 */
export interface CiIdentitySpec {
  /** `owner/name` of the GitHub repository whose workflows run Terraform. */
  readonly repository: string;
  /**
   * GitHub's numeric id of that repository (the `repository_id` claim of its OIDC tokens), as a
   * string of digits: `gh api repos/<owner>/<name> --jq .id`. Unlike the name, it is never reused:
   * a repository deleted and re-created (or a name taken over after a rename) gets a new id, so
   * trust pinned to it does not pass to a stranger's repository of the same name.
   */
  readonly repositoryId: string;
  /**
   * What may apply: pushes to a branch, or jobs of a GitHub deployment environment (which can
   * require reviewers and is limited to protected branches). Production applies only from an
   * environment.
   */
  readonly applyFrom: { readonly kind: 'branch'; readonly name: string } | { readonly kind: 'environment'; readonly name: string };
  /**
   * AWS: whether the foundation creates the account's GitHub Actions OIDC provider (`create`) or
   * reads the one the account already has (`existing`, a data source by URL). IAM allows one
   * provider per issuer URL and account: creating a second fails with EntityAlreadyExists. An
   * existing provider must list the audience `sts.amazonaws.com` (not checked by synth: see the README).
   * @default 'create'
   */
  readonly awsOidcProvider?: 'create' | 'existing';
  /**
   * Static public egress ranges of the CI runners that run Terraform (self-hosted runners behind
   * a NAT, or GitHub larger runners with static IPs): admitted by the Azure state account and Key
   * Vault firewalls, which refuse every other network. GitHub-hosted standard runners have no
   * fixed address and get 403 there.
   * @default - none: only the admin CIDRs (`apiAccess.allowedCidrs`) pass the firewalls
   */
  readonly runnerCidrs?: readonly string[];
}

/** Monthly cloud budget of the environment, per cloud account it uses. */
export interface BudgetSpec {
  /** Monthly limit in `currency`, per cloud. */
  readonly monthlyLimit: number;
  readonly currency: 'USD' | 'EUR';
  /** Percentages of the limit at which actual spend alerts, ascending, e.g. [50, 80, 100]. */
  readonly alertThresholds: readonly number[];
  /** Addresses that receive the budget alerts. */
  readonly notifyEmails: readonly string[];
}

export type Tier = 'development' | 'staging' | 'production';

export type Cloud = 'aws' | 'azure' | 'gcp';

/** `management` runs Argo CD for the environment; `workload` clusters are managed remotely. */
export type ClusterRole = 'management' | 'workload';

interface ClusterSpecBase {
  /** Unique within the environment; the Argo CD cluster name and the `cluster` label. */
  readonly name: string;
  readonly role: ClusterRole;
  readonly region: string;
  /** Extra labels on the Argo CD cluster secret, for ApplicationSet cluster generators. */
  readonly labels?: Readonly<Record<string, string>>;
  /** HTTPS URL of the Kubernetes API server. */
  readonly apiServer: string;
  /** Base64-encoded PEM CA bundle of the API server (public; Argo CD verifies TLS with it). */
  readonly caData: string;
  /** Kubernetes minor version of the managed control plane, e.g. `1.31`. */
  readonly kubernetesVersion: string;
  /** Address space of the cluster's own network (VPC / VNet / subnet), e.g. `10.20.0.0/16`. */
  readonly networkCidr: string;
  readonly apiAccess: ApiAccessSpec;
  readonly nodePool: NodePoolSpec;
}

/** Who can reach the cluster's API server. */
export interface ApiAccessSpec {
  /** No public endpoint at all: reachable only from inside the network (production). */
  readonly privateEndpoint: boolean;
  /** Public CIDRs allowed to reach a public endpoint (CI runners, office VPN); never 0.0.0.0/0. */
  readonly allowedCidrs: readonly string[];
}

/**
 * The managed node pool and its autoscaling bounds. AKS and GKE autoscale between them natively;
 * on EKS the cluster-autoscaler add-on (`charts.clusterAutoscaler`) scales the managed node group
 * between them, starting at `minNodes`.
 */
export interface NodePoolSpec {
  /** Instance type / VM size / machine type of the cloud, e.g. `m6i.large`, `Standard_D4s_v5`, `e2-standard-4`. */
  readonly machineType: string;
  readonly minNodes: number;
  readonly maxNodes: number;
}

/** EKS: Argo CD assumes an IAM role through IRSA / Pod Identity; no token is stored. */
export interface EksClusterSpec extends ClusterSpecBase {
  readonly cloud: 'aws';
  readonly accountId: string;
  /**
   * Argo CD's IAM role for this cluster, created by the cluster's stack under this ARN. Management
   * cluster: the IRSA role of Argo CD's controller and server (annotated on their service
   * accounts), which reaches its own cluster in-cluster. Workload cluster: the role that IRSA role
   * assumes (`awsAuthConfig.roleARN` of the cluster Secret), cluster admin through an access entry.
   */
  readonly argocdRoleArn: string;
}

/** AKS: Argo CD authenticates with Azure workload identity via `argocd-k8s-auth azure`. */
export interface AksClusterSpec extends ClusterSpecBase {
  readonly cloud: 'azure';
  readonly tenantId: string;
  /** Client id of the managed identity federated with Argo CD's service accounts. */
  readonly argocdClientId: string;
  /**
   * Client ids of the cluster's other workload identities (output of the cluster stack after the
   * first apply): the read-only Terraform drift check and policy-reporter's report upload.
   */
  readonly workloadClientIds: { readonly terraformDrift: string; readonly policyReporter: string };
  /**
   * OIDC issuer of the cluster's service account tokens (output `oidc_issuer_url` of the cluster
   * stack, copied after the first apply): clouds outside Azure that trust Argo CD's service
   * accounts (GKE's workload identity pool) federate with it.
   */
  readonly oidcIssuerUrl: string;
  /**
   * The static public address the cluster's pods leave through (output `egress_ip` of the cluster
   * stack, copied after the first apply): allowed on the GKE authorised networks Argo CD calls and
   * on the Azure state account and Key Vault firewalls the drift check reads.
   */
  readonly egressIp: string;
}

/** GKE: Argo CD authenticates with GKE workload identity via `argocd-k8s-auth gcp`. */
export interface GkeClusterSpec extends ClusterSpecBase {
  readonly cloud: 'gcp';
  readonly projectId: string;
  /**
   * Project number of `projectId` (`gcloud projects describe <id> --format='value(projectNumber)'`):
   * part of the workload identity provider's name, the audience Argo CD's token is issued for when
   * Argo CD runs outside GKE. A wrong number makes every token exchange fail (STS: invalid audience).
   */
  readonly projectNumber: string;
}

export type ClusterSpec = EksClusterSpec | AksClusterSpec | GkeClusterSpec;

/** How an environment follows Git: track a branch (dev), or pin an immutable tag or commit (prod). */
export type RevisionPolicy =
  | { readonly kind: 'track'; readonly branch: string }
  | { readonly kind: 'pin'; readonly ref: string };

export interface GitOpsSource {
  /** HTTPS URL of this repository, as Argo CD clones it. */
  readonly repoUrl: string;
  readonly revision: RevisionPolicy;
}

export interface SyncSpec {
  /** Let Argo CD delete resources that disappeared from Git. Production forbids it. */
  readonly prune: boolean;
  /** Bounded retries: a failed sync is retried this many times, then alerts instead of looping. */
  readonly retryLimit: number;
  readonly retryBackoff: {
    readonly initial: Duration;
    readonly factor: number;
    readonly max: Duration;
  };
}

/**
 * The drift policy of an environment (seed WS5): how often Argo CD compares Git with the clusters,
 * how severe drift of each class of resources is, and what happens to drift of each severity.
 * constructs/drift/drift-policy.ts turns it into Argo CD sync policies, Application labels and
 * Prometheus alerts.
 */
export interface DriftDetectionSpec {
  /** Argo CD reconciliation interval (argocd-cm `timeout.reconciliation`). */
  readonly interval: Duration;
  /** Severity of drift in each class of resources (policies and RBAC are critical, ...). */
  readonly severityByClass: Readonly<Record<ResourceClass, DriftSeverity>>;
  /** What is done about drift of each severity, and how long it may last before it alerts. */
  readonly remediation: Readonly<Record<DriftSeverity, DriftRemediation>>;
}

/**
 * What an Argo CD Application deploys, for the drift policy: `policies` (Kyverno policies and
 * exceptions), `rbac` (AppProjects, Argo CD RBAC and the app of apps), `platform` (the add-on
 * charts), `configuration` (namespaces and their Pod Security labels), `observability` (rules,
 * dashboards, drift checks), `workloads` (tenant applications).
 */
export type ResourceClass = 'policies' | 'rbac' | 'platform' | 'configuration' | 'observability' | 'workloads';

export type DriftSeverity = 'critical' | 'warning' | 'info';

/**
 * `sync`: Argo CD self-heal puts the live objects back to Git at once. `rollback`: self-heal as
 * well, and deliveries of the class that fail their analysis are aborted back to the stable
 * version by Argo Rollouts instead of waiting for a human. `alert`: nothing is changed
 * automatically (no self-heal); a human decides after the alert.
 */
export type RemediationStrategy = 'sync' | 'rollback' | 'alert';

export interface DriftRemediation {
  readonly strategy: RemediationStrategy;
  /** How long drift may stay unremediated before its alert fires (Prometheus `for:`). */
  readonly alertAfter: Duration;
}

export interface NotificationSpec {
  /** Slack channel that receives every notification of the environment. */
  readonly slackChannel: string;
  /** PagerDuty service (key name in argocd-notifications-secret) paged on failures; prod only. */
  readonly pagerDutyService?: string;
}

/** The environment's single sign-on: Argo CD's, and Grafana's through the same provider. */
export interface EnvironmentSso extends OidcSingleSignOn {
  /**
   * Grafana (kube-prometheus-stack, every cluster) logs in through the same provider: deployer and
   * emergency groups get Grafana's Admin role, read-only groups Viewer, anyone else is refused;
   * production hides the login form (constructs/platform/addons/grafana-login.ts).
   * @default - no Grafana SSO: only Grafana's admin, from the Secret grafana-admin, logs in
   */
  readonly grafana?: GrafanaSingleSignOn;
}

/** SSO groups bound to the roles of the environment's AppProjects. */
export interface AccessSpec {
  readonly readOnlyGroups: readonly string[];
  readonly deployerGroups: readonly string[];
  /** May sync manually outside sync windows; the two-approver break-glass of the seeds. */
  readonly emergencyGroups: readonly string[];
}

export interface SyncWindowSpec {
  /** Cron expression of the window start, e.g. `0 8 * * 1-4`. */
  readonly schedule: string;
  readonly duration: Duration;
  /** IANA time zone the schedule is read in. */
  readonly timeZone: string;
}

export interface ChartVersions {
  readonly argoCd: string;
  readonly kyverno: string;
  readonly policyReporter: string;
  readonly kubePrometheusStack: string;
  readonly argoRollouts: string;
  readonly sealedSecrets: string;
  /** Receives the results of batch jobs (the Terraform drift checks) for Prometheus to scrape. */
  readonly pushgateway: string;
  readonly fluentBit: string;
  readonly tempo: string;
  /** kubernetes/autoscaler's cluster-autoscaler chart, installed on EKS clusters only. */
  readonly clusterAutoscaler: string;
}

/**
 * How strictly the environment applies Kyverno policies (see constructs/kyverno/policy-lifecycle.ts):
 * audit everywhere; canary (new policy revisions enforce on namespaces labelled
 * `policy.gitops-cdk.io/canary=true` and audit elsewhere); or enforce everywhere.
 */
export type KyvernoMode = 'audit' | 'canary' | 'enforce';

/** A policy whose admission webhook fails open (Ignore) in this environment, and why. */
export interface FailOpenPolicy {
  readonly policy: string;
  /** Recorded on the policy; reviewers read it, so say what breaks otherwise. */
  readonly reason: string;
}

export interface KyvernoSpec {
  readonly mode: KyvernoMode;
  /** Policy catalog release the environment runs (pin data: environments/pins.json). */
  readonly catalog: string;
  /**
   * Canary mode only: the newest catalog release whose policies finished their canary and enforce
   * everywhere. Equal to `catalog` when the canary stage is done (pin data).
   */
  readonly canaryPassed?: string;
  /** Policies whose webhook fails open; production fails closed for every other policy. */
  readonly failOpen?: readonly FailOpenPolicy[];
}

export interface AwsAccount {
  readonly accountId: string;
  readonly region: string;
}

export interface AzureSubscription {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly location: string;
}

export interface GcpProject {
  readonly projectId: string;
  readonly region: string;
  /**
   * Cloud Billing account the project is billed to, `XXXXXX-XXXXXX-XXXXXX` (`gcloud billing
   * projects describe <project> --format='value(billingAccountName)'`, without `billingAccounts/`).
   * The budget lives on it, and the Terraform identities get their budget roles on it.
   */
  readonly billingAccount: string;
}

export interface CloudAccounts {
  readonly aws?: AwsAccount;
  readonly azure?: AzureSubscription;
  readonly gcp?: GcpProject;
}
