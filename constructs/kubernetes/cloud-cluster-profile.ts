import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { HelmValues } from '../argocd/application-source';
import type { BackupStore } from '../core/backup-contract';
import type { Cloud } from '../core/cloud';
import type { Finding } from '../core/finding';
import type { ComplianceReportStore, IdentityWorkload } from '../core/observability-contract';
import type { FluentBitSection } from '../platform/addons/fluent-bit-config';
import type { RequiredSecretKey } from '../secrets/required-secret';
import type { CloudAccounts } from '../terraform/cloud-accounts';
import type { ClusterSpec } from './cluster-spec';
import type { EnvironmentClusters } from './environment-clusters';

/** A ServiceAccount annotation: the key each cloud's webhook reads, and the identity it names. */
export interface IdentityAnnotation {
  readonly key: string;
  readonly value: string;
}

/**
 * The account ids a cluster derives from the environment's accounts instead of copying them
 * (an EKS cluster lives in `clouds.aws.accountId`). A narrow view of CloudAccounts.
 */
export interface DerivedAccounts {
  readonly aws?: { readonly accountId: string };
}

/** How Argo CD authenticates to a workload cluster: the identity part of its cluster Secret's `config`, never a credential. */
export interface ArgoCdClusterAuth {
  readonly awsAuthConfig?: { readonly clusterName: string; readonly roleARN: string };
  readonly execProviderConfig?: {
    readonly command: string;
    readonly args: readonly string[];
    readonly env?: Readonly<Record<string, string>>;
    readonly apiVersion: string;
  };
}

/** What a cluster registration knows besides the cluster, for the clouds whose authentication needs it. */
export interface ArgoCdAuthContext {
  /**
   * The Google credential configuration `argocd-k8s-auth gcp` reads when Argo CD runs outside GKE.
   * @default - none: Application Default Credentials of the pod
   */
  readonly googleCredentialFile?: string;
  /** The environment's AWS account, which holds an EKS cluster and Argo CD's role for it. @default - none */
  readonly awsAccountId?: string;
}

/** An environment variable of a container. */
export interface EnvironmentVariable {
  readonly name: string;
  readonly value: string;
}

/** Volumes and mounts Argo CD's controller and server get (chart keys `<component>.volumes`, `<component>.volumeMounts`). */
export interface ArgoCdMounts {
  readonly volumes?: readonly HelmValues[];
  readonly volumeMounts?: readonly HelmValues[];
}

/** A Secret Fluent Bit reads on a cloud whose log service it cannot reach with workload identity. */
export interface LogCredentialsSecret {
  readonly name: string;
  readonly readBy: string;
  readonly keys: readonly RequiredSecretKey[];
}

/** Where a cluster's account id copy must equal the environment's account (`clouds.<field>`). */
export interface AccountIdentity {
  /** Path below `clouds`, e.g. `azure.tenantId`. */
  readonly cloudField: string;
  readonly cluster: string;
  readonly account: string;
}

/**
 * What the Kubernetes side asks of a cloud, implemented once per cloud
 * (constructs/terraform/<cloud>/cluster-profile.ts) and registered once
 * (registered-cluster-profiles.ts). `K` is the cloud's variant of ClusterSpec: each method gets
 * a cluster of its own cloud only, so it reads the cloud's fields without checking the cloud.
 */
export interface CloudClusterProfile<K extends ClusterSpec = ClusterSpec> {
  readonly cloud: K['cloud'] & Cloud;
  /** Whether `cluster` runs on this cloud. */
  isOnCloud(cluster: ClusterSpec): cluster is K;

  /**
   * How `workload`'s ServiceAccount on `cluster` is bound to the cloud identity the cluster's
   * Terraform stack creates under the contract's names; undefined where the workload has none there.
   */
  workloadIdentity(cluster: K, workload: IdentityWorkload, clouds: DerivedAccounts): IdentityAnnotation | undefined;
  /**
   * Labels a pod with a cloud identity needs on this cloud (the webhook injects the token only
   * into pods labelled so). Each is a switch: on the clusters of other clouds its value is `false`.
   */
  readonly identityPodLabels: Readonly<Record<string, string>>;
  /**
   * Variables Terraform's providers and backend need in the drift check on `cluster` to use its
   * workload identity (none where the default credential chain finds it).
   * @throws Error naming the fix when `environment` lacks the account the check plans in
   */
  driftCheckEnv(cluster: K, environment: { readonly name: string; readonly clouds: CloudAccounts }): readonly EnvironmentVariable[];
  /** Egress a pod with a cloud identity needs besides HTTPS to the cloud APIs (a metadata server). */
  readonly identityEgress: readonly INetworkPolicyEgressRule[];

  /** How Argo CD authenticates to `cluster` as a workload cluster. @throws Error naming the fix when `context` lacks what the cloud needs */
  argoCdAuth(cluster: K, context: ArgoCdAuthContext): ArgoCdClusterAuth;
  /** ServiceAccount annotations of Argo CD's controller and server when it runs on `management`. @default - none */
  argoCdServiceAccountAnnotations(management: K, clouds: DerivedAccounts): Readonly<Record<string, string>> | undefined;
  /** What Argo CD mounts to reach this cloud's workload clusters of `environment` (none when it needs nothing). */
  argoCdMounts(environment: EnvironmentClusters): ArgoCdMounts;
  /**
   * Whether a pod on this cloud's clusters gets Google Application Default Credentials from a
   * metadata server (GKE's): then `argocd-k8s-auth gcp` needs no mounted credential configuration.
   */
  readonly servesGoogleCredentials: boolean;

  /** Fluent Bit's output to the log service of the cluster's cloud. */
  logDestination(environment: { readonly name: string }, cluster: K): FluentBitSection;
  /** The Secret that output reads. @default - none: it authenticates with workload identity */
  readonly logCredentials?: LogCredentialsSecret;

  /** The environment's compliance report store on this cloud; undefined without an account here. */
  reportStore(environment: { readonly name: string; readonly clouds: CloudAccounts }): ComplianceReportStore | undefined;
  /** The environment's Velero backup store on this cloud; undefined without an account here. */
  backupStore(environment: { readonly name: string; readonly clouds: CloudAccounts }): BackupStore | undefined;
  /** The store as a URL an engineer pastes into the cloud's CLI. */
  storeUrl(store: ComplianceReportStore): string;
  /** Variables the cloud's CLI needs in the upload step. */
  uploadEnv(store: ComplianceReportStore): Readonly<Record<string, string>>;
  /** Why the upload step cannot use `store` (a problem and its fix), or undefined. */
  storeProblem(store: ComplianceReportStore): string | undefined;

  /** The region of the environment's account on this cloud (where its state lives); undefined without one. */
  accountRegion(clouds: CloudAccounts): string | undefined;
  /** The account id the cluster copies, to compare with `clouds` (undefined: it copies none). */
  accountIdentity(cluster: K, clouds: CloudAccounts): AccountIdentity | undefined;
  /** Findings on the ids Argo CD's workload identity uses to log in, in the cloud's formats. */
  identityFindings(cluster: K, at: string): Finding[];
  /**
   * Findings on the cluster's region for a production node pool, which spreads over three
   * availability zones (none where every region of the cloud has zones the cluster stack uses).
   */
  productionRegionFindings(cluster: K, at: string): Finding[];
  /** Findings on the values copied from the cluster stack's outputs. */
  stackOutputFindings(cluster: K, at: string): Finding[];

  /** The OIDC issuer of the cluster's tokens as the spec records it (other clouds trust it). @default - none recorded */
  recordedOidcIssuer(cluster: K): string | undefined;
  /** The static address the cluster's pods leave through, as the spec records it. @default - none recorded */
  recordedEgressIp(cluster: K): string | undefined;
  /** The project whose workload identity pool issues the cluster's identities (`<project>.svc.id.goog`). @default - none */
  identityPoolProject(cluster: K): string | undefined;
}
