import type { HelmValues } from '../../argocd/application-source';
import { managementOf } from '../../argocd/management-cluster';
import type { ArgoCdMounts } from '../../kubernetes/cloud-cluster-profile';
import type { EnvironmentClustersAndAccounts } from '../../kubernetes/environment-clusters';
import { clusterProfile, registeredClusterProfiles } from '../../kubernetes/registered-cluster-profiles';

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

/**
 * Cloud identity of Argo CD's application controller and server: the service account annotations
 * of the cloud of the cluster Argo CD runs on (on EKS the management cluster's role `argocd-<cluster>`,
 * the IRSA role terraform/aws/argocd-access.ts creates, which `argocd-k8s-auth aws` starts from to
 * assume each workload cluster's role), and what each cloud mounts to reach its workload clusters
 * (`CloudClusterProfile.argoCdMounts`: the Google credential configurations of
 * terraform/gcp/argocd-google-federation.ts, the Azure token of argocd/azure-token.ts). Chart keys:
 * `controller.serviceAccount.annotations`, `server.serviceAccount.annotations`,
 * `controller.volumes`, `controller.volumeMounts`, `server.volumes`, `server.volumeMounts`
 * (argoproj/argo-helm charts/argo-cd values.yaml and
 * templates/argocd-{application-controller,server}/serviceaccount.yaml, 7.7.11 and 7.8.2).
 */
export function argoCdIdentityValues(environment: EnvironmentClustersAndAccounts): ArgoCdIdentityValues {
  const management = managementOf(environment);
  const annotations = clusterProfile(management).argoCdServiceAccountAnnotations(management, environment.clouds);
  const component: ArgoCdComponentIdentity = {
    ...(annotations === undefined ? {} : { serviceAccount: { annotations } }),
    ...mounts(registeredClusterProfiles().map((profile) => profile.argoCdMounts(environment))),
  };
  return { controller: component, server: component };
}

/** Volumes and mounts of several sources together; no keys when there are none. */
function mounts(parts: readonly ArgoCdMounts[]): ArgoCdMounts {
  const volumes = parts.flatMap((p) => p.volumes ?? []);
  const volumeMounts = parts.flatMap((p) => p.volumeMounts ?? []);
  return volumes.length === 0 ? {} : { volumes, volumeMounts };
}
