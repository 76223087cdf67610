import type { HelmValues } from '../../argocd/application-source';
import { AZURE_TOKEN_AUDIENCE, AZURE_TOKEN_DIR, AZURE_TOKEN_PATH } from '../../argocd/azure-token';
import { ARGOCD_GOOGLE_CONFIG_MAP, ARGOCD_GOOGLE_DIR, argocdGoogleAudience, federatedGkeClusters } from '../../argocd/google-federation';
import { managementOf } from '../../argocd/management-cluster';
import type { EnvironmentClusters, EnvironmentClustersAndAccounts } from '../../kubernetes/environment-clusters';
import { argocdRoleArn, eksAccountId } from '../../terraform/aws/eks-identity-names';

/** The chart values that give Argo CD's API clients (controller and server) their cloud identity. */
export interface ArgoCdIdentityValues {
  readonly controller: ArgoCdComponentIdentity;
  readonly server: ArgoCdComponentIdentity;
}

/** What one component (controller or server) gets; empty where the cloud needs nothing. */
export interface ArgoCdComponentIdentity {
  readonly serviceAccount?: { readonly annotations: Readonly<Record<string, string>> };
  readonly volumes?: readonly HelmValues[];
  readonly volumeMounts?: readonly HelmValues[];
}

/** Name of the projected volume with the Google credential configurations and tokens. */
export const GOOGLE_CREDENTIALS_VOLUME = 'google-credentials';

/** The key the EKS pod identity webhook reads on a ServiceAccount (IRSA). */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

/**
 * Cloud identity of Argo CD's application controller and server, from the cluster Argo CD runs on:
 * on EKS both service accounts are annotated with the management cluster's `argocdRoleArn` (the
 * IRSA role terraform/aws/argocd-access.ts creates), which `argocd-k8s-auth aws` starts from to
 * assume each workload cluster's role. Chart keys: `controller.serviceAccount.annotations`,
 * `server.serviceAccount.annotations` (argoproj/argo-helm charts/argo-cd values.yaml and
 * templates/argocd-{application-controller,server}/serviceaccount.yaml, 7.7.11 and 7.8.2).
 */
export function argoCdIdentityValues(environment: EnvironmentClustersAndAccounts): ArgoCdIdentityValues {
  const management = managementOf(environment);
  const component: ArgoCdComponentIdentity = {
    ...(management.cloud === 'aws' ? { serviceAccount: { annotations: { [IRSA_ROLE_ANNOTATION]: argocdRoleArn(eksAccountId(environment.clouds, management.name), management.name) } } } : {}),
    ...mounts([googleFederationMounts(environment), azureTokenMounts(environment)]),
  };
  return { controller: component, server: component };
}

/**
 * Argo CD outside GKE reaching GKE clusters (google-federation.ts): one projected volume, mounted
 * read-only at ARGOCD_GOOGLE_DIR in the controller and the server, holding each GKE cluster's
 * credential configuration (from the ConfigMap) and a service account token the kubelet issues
 * for that cluster's pool audience and rotates. Chart keys `controller.volumes`,
 * `controller.volumeMounts`, `server.volumes`, `server.volumeMounts` (argo-helm charts/argo-cd
 * values.yaml, 7.7.11 and 7.8.2: added to the pod spec and the main container as given).
 */
function googleFederationMounts(environment: EnvironmentClusters): Pick<ArgoCdComponentIdentity, 'volumes' | 'volumeMounts'> {
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

/**
 * Argo CD reaching AKS workload clusters (`argocd-k8s-auth azure`, workload identity): the token
 * file the cluster Secrets name (azure-token.ts), projected for Entra ID's exchange audience and
 * rotated by the kubelet, in the controller and the server.
 */
function azureTokenMounts(environment: EnvironmentClusters): Pick<ArgoCdComponentIdentity, 'volumes' | 'volumeMounts'> {
  if (!environment.clusters.some((c) => c.cloud === 'azure' && c.role === 'workload')) return {};
  return {
    volumes: [{ name: AZURE_TOKEN_VOLUME, projected: { sources: [{ serviceAccountToken: { audience: AZURE_TOKEN_AUDIENCE, expirationSeconds: 3600, path: AZURE_TOKEN_PATH } }] } }],
    volumeMounts: [{ name: AZURE_TOKEN_VOLUME, mountPath: AZURE_TOKEN_DIR, readOnly: true }],
  };
}

/** Name of the projected volume with the Azure workload identity token. */
export const AZURE_TOKEN_VOLUME = 'azure-identity-token';

/** Volumes and mounts of several sources together; no keys when there are none. */
function mounts(parts: readonly Pick<ArgoCdComponentIdentity, 'volumes' | 'volumeMounts'>[]): Pick<ArgoCdComponentIdentity, 'volumes' | 'volumeMounts'> {
  const volumes = parts.flatMap((p) => p.volumes ?? []);
  const volumeMounts = parts.flatMap((p) => p.volumeMounts ?? []);
  return volumes.length === 0 ? {} : { volumes, volumeMounts };
}
