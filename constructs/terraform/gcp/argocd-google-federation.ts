import { Construct } from 'constructs';
import { argoCdConfigMap } from '../../argocd/config-map';
import { ARGOCD_API_SERVICE_ACCOUNTS, ARGOCD_NAMESPACE } from '../../argocd/constants';
import { managementOf } from '../../argocd/management-cluster';
import type { ArgoCdMounts } from '../../kubernetes/cloud-cluster-profile';
import type { ClusterSpec, GkeClusterSpec } from '../../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../../kubernetes/environment-clusters';
import { serviceAccountId } from './service-account-id';

/**
 * How Argo CD running outside GKE (on AKS in dev) authenticates to a GKE cluster, as one contract
 * both engines read: the Terraform side (terraform/gcp/argocd-federation.ts) creates a workload
 * identity pool per GKE cluster whose OIDC provider trusts the management cluster's issuer, and
 * lets Argo CD's two service accounts impersonate the cluster's `argocd-<cluster>` Google service
 * account; the Kubernetes side mounts a credential configuration and a projected token per GKE
 * cluster into the controller and the server, and points the cluster Secret's exec provider at it.
 *
 * `argocd-k8s-auth gcp` calls `google.FindDefaultCredentials` (argoproj/argo-cd
 * cmd/argocd-k8s-auth/commands/gcp.go, v2.13.2 and v2.14.2): Application Default Credentials,
 * which read the file named by GOOGLE_APPLICATION_CREDENTIALS first, and golang.org/x/oauth2/google
 * accepts an `external_account` file there (STS token exchange, then service account
 * impersonation). A pod on AKS has no GKE metadata server, so without the file it has no Google
 * credentials at all. Argo CD passes `execProviderConfig.env` to the plugin
 * (pkg/apis/application/v1alpha1/types.go `RawRestConfig`), so each cluster names its own file.
 */

/** Where the credential configurations and tokens are mounted in the controller and server pods. */
export const ARGOCD_GOOGLE_DIR = '/var/run/secrets/argocd-google';

/** Name of the ConfigMap with one credential configuration per GKE cluster (not secret: no key in it). */
export const ARGOCD_GOOGLE_CONFIG_MAP = 'argocd-google-credentials';

/** Pool and provider ids: 4 to 32 lower-case letters, digits and dashes. */
const MAX_ID = 32;

/** Whether Argo CD reaches `cluster` through workload identity federation (it runs outside GKE). */
export function federatesWithGoogle(environment: EnvironmentClusters, cluster: ClusterSpec): cluster is GkeClusterSpec {
  const management = managementOf(environment);
  return cluster.cloud === 'gcp' && cluster.role === 'workload' && management.cloud !== 'gcp';
}

/** The GKE clusters of the environment Argo CD reaches through federation. */
export function federatedGkeClusters(environment: EnvironmentClusters): GkeClusterSpec[] {
  return environment.clusters.filter((c): c is GkeClusterSpec => federatesWithGoogle(environment, c));
}

function shortId(id: string): string {
  return id.slice(0, MAX_ID).replace(/-+$/, '');
}

/** Workload identity pool of Argo CD's access to `gke` (in the cluster's project). */
export function argocdPoolId(gke: GkeClusterSpec): string {
  return shortId(`argocd-${gke.name}`);
}

/** The pool's OIDC provider, named after the management cluster whose issuer it trusts. */
export function argocdProviderId(management: ClusterSpec): string {
  return shortId(management.name);
}

/**
 * The provider's canonical resource name: the audience of the projected token (the provider has
 * no `allowed_audiences`, so GCP accepts exactly this name) and of the STS exchange.
 */
export function argocdGoogleAudience(gke: GkeClusterSpec, management: ClusterSpec): string {
  return `//iam.googleapis.com/projects/${gke.projectNumber}/locations/global/workloadIdentityPools/${argocdPoolId(gke)}/providers/${argocdProviderId(management)}`;
}

/** E-mail of the Google service account Argo CD acts as on `gke` (created by its cluster stack). */
export function argocdGoogleServiceAccount(gke: GkeClusterSpec): string {
  return `${serviceAccountId('argocd', gke.name)}@${gke.projectId}.iam.gserviceaccount.com`;
}

/** Subjects (service-account token `sub`) the pool admits: Argo CD's controller and server. */
export const ARGOCD_SUBJECTS: readonly string[] = ARGOCD_API_SERVICE_ACCOUNTS.map((sa) => `system:serviceaccount:${ARGOCD_NAMESPACE}:${sa}`);

export function credentialFile(gke: GkeClusterSpec): string {
  return `${ARGOCD_GOOGLE_DIR}/${gke.name}.json`;
}

export function tokenFile(gke: GkeClusterSpec): string {
  return `${ARGOCD_GOOGLE_DIR}/${gke.name}.token`;
}

/**
 * The credential configuration (`type: external_account`, what `gcloud iam workload-identity-pools
 * create-cred-config --credential-source-file` writes): no secret in it, the token file is the
 * projected service account token the kubelet rotates.
 */
export function credentialConfiguration(gke: GkeClusterSpec, management: ClusterSpec): string {
  return JSON.stringify({
    type: 'external_account',
    audience: argocdGoogleAudience(gke, management),
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: 'https://sts.googleapis.com/v1/token',
    service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${argocdGoogleServiceAccount(gke)}:generateAccessToken`,
    credential_source: { file: tokenFile(gke), format: { type: 'text' } },
  });
}

/**
 * The ConfigMap of credential configurations, one key `<cluster>.json` per GKE cluster Argo CD
 * reaches through federation (none: no ConfigMap). Not a Secret: it holds no key, only where to
 * exchange the token and which service account to impersonate.
 */
export interface ArgoCdGoogleCredentialsProps {
  /** The environment whose GKE clusters Argo CD reaches, and the management cluster it runs on. */
  readonly environment: EnvironmentClusters;
}

export class ArgoCdGoogleCredentials extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdGoogleCredentialsProps) {
    super(scope, id);
    const management = managementOf(props.environment);
    const clusters = federatedGkeClusters(props.environment);
    argoCdConfigMap(this, ARGOCD_GOOGLE_CONFIG_MAP, Object.fromEntries(clusters.map((c) => [`${c.name}.json`, credentialConfiguration(c, management)])));
  }
}

/** Name of the projected volume with the Google credential configurations and tokens. */
export const GOOGLE_CREDENTIALS_VOLUME = 'google-credentials';

/**
 * Argo CD outside GKE reaching GKE clusters: one projected volume, mounted read-only at
 * ARGOCD_GOOGLE_DIR in the controller and the server, holding each GKE cluster's credential
 * configuration (from the ConfigMap) and a service account token the kubelet issues for that
 * cluster's pool audience and rotates. Chart keys `controller.volumes`, `controller.volumeMounts`,
 * `server.volumes`, `server.volumeMounts` (argo-helm charts/argo-cd values.yaml, 7.7.11 and 7.8.2:
 * added to the pod spec and the main container as given).
 */
export function googleFederationMounts(environment: EnvironmentClusters): ArgoCdMounts {
  const clusters = federatedGkeClusters(environment);
  if (clusters.length === 0) return {};
  const management = managementOf(environment);
  const sources = [
    { configMap: { name: ARGOCD_GOOGLE_CONFIG_MAP, items: clusters.map((c) => ({ key: `${c.name}.json`, path: `${c.name}.json` })) } },
    // One hour: the kubelet renews the token at 80 % of its life; the STS exchange needs it valid.
    ...clusters.map((c) => ({ serviceAccountToken: { audience: argocdGoogleAudience(c, management), expirationSeconds: 3600, path: `${c.name}.token` } })),
  ];
  return {
    volumes: [{ name: GOOGLE_CREDENTIALS_VOLUME, projected: { sources } }],
    volumeMounts: [{ name: GOOGLE_CREDENTIALS_VOLUME, mountPath: ARGOCD_GOOGLE_DIR, readOnly: true }],
  };
}
