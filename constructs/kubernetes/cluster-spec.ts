/** `management` runs Argo CD for the environment; `workload` clusters are managed remotely. */
export type ClusterRole = 'management' | 'workload';

export interface ClusterSpecBase {
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

/**
 * EKS: Argo CD assumes an IAM role through IRSA; no token is stored. The cluster lives in the
 * environment's AWS account (`clouds.aws.accountId`), and Argo CD's role for it is derived from
 * that account and the cluster's name (`argocdRoleArn` in terraform/aws/eks-identity-names.ts),
 * so the spec stores neither.
 */
export interface EksClusterSpec extends ClusterSpecBase {
  readonly cloud: 'aws';
}

/** AKS: Argo CD authenticates with Azure workload identity via `argocd-k8s-auth azure`. */
export interface AksClusterSpec extends ClusterSpecBase {
  readonly cloud: 'azure';
  readonly tenantId: string;
  /** Client id of the managed identity federated with Argo CD's service accounts. */
  readonly argocdClientId: string;
  /**
   * Client ids of the cluster's other workload identities (output of the cluster stack after the
   * first apply): the read-only Terraform drift check, policy-reporter's report upload and Velero's backups.
   */
  readonly workloadClientIds: { readonly terraformDrift: string; readonly policyReporter: string; readonly velero: string };
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
