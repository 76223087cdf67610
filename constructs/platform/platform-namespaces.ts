import { ARGOCD_NAMESPACE } from '../argocd/constants';
import type { SyncPolicyOptions } from '../argocd/sync-policy';
import { TERRAFORM_DRIFT_WORKLOAD } from '../core/observability-contract';
import { PLATFORM_ADDONS } from './addon-catalog';
import type { PlatformAddon } from './addons/platform-addon';

/**
 * Namespace of the cluster-wide configuration Application. Its content is cluster-scoped
 * (Namespaces, ClusterPolicies), but Argo CD needs a permitted destination namespace all the same.
 */
export const CLUSTER_CONFIG_NAMESPACE = 'kube-system';

/** Namespaces the add-ons run in, in a stable order. */
export function addonNamespaces(addons: readonly PlatformAddon[]): string[] {
  return [...new Set(addons.map((addon) => addon.namespace))].sort();
}

/** Namespaces the platform add-ons run in, in a stable order. */
export const ADDON_NAMESPACES: readonly string[] = addonNamespaces(PLATFORM_ADDONS);

/**
 * Every namespace the platform project may deploy into: the add-ons', the cluster configuration's
 * and the Terraform drift checks' (constructs/drift/), which brings its own Namespace object.
 */
export function platformNamespaces(addons: readonly PlatformAddon[]): string[] {
  return [...new Set([...addonNamespaces(addons), CLUSTER_CONFIG_NAMESPACE, TERRAFORM_DRIFT_WORKLOAD.namespace])].sort();
}

/** Every namespace the platform project may deploy into, with the platform add-ons. */
export const PLATFORM_NAMESPACES: readonly string[] = platformNamespaces(PLATFORM_ADDONS);

/** The namespaces Kubernetes makes on every cluster, whether or not the estate renders them. */
export const KUBERNETES_NAMESPACES: readonly string[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * Namespaces no tenant or delivered workload may take, and tenants may not reach: the platform
 * add-ons', Argo CD's and the ones Kubernetes makes (`default` included: Kyverno's generate rules
 * do not exempt it, and every unqualified kubectl lands there).
 */
export const RESERVED_NAMESPACES: ReadonlySet<string> = new Set([...PLATFORM_NAMESPACES, ARGOCD_NAMESPACE, ...KUBERNETES_NAMESPACES]);

/**
 * Namespaces whose pods need host access (node-exporter mounts the host and shares its PID and
 * network namespaces); every other platform namespace enforces the baseline Pod Security Standard.
 */
const PRIVILEGED_NAMESPACES: ReadonlySet<string> = new Set(['monitoring']);

/**
 * The add-on namespaces the config component declares: all but Argo CD's own (made at bootstrap)
 * and `kube-system` (the cluster-autoscaler's), which Kubernetes creates and whose system pods
 * (CNI, kube-proxy) must keep the Pod Security level the cloud gave it.
 */
export function configNamespaces(addons: readonly PlatformAddon[]): string[] {
  return addonNamespaces(addons).filter((ns) => ns !== ARGOCD_NAMESPACE && ns !== CLUSTER_CONFIG_NAMESPACE);
}

/** The namespaces the config component declares, with the platform add-ons. */
export const CONFIG_NAMESPACES: readonly string[] = configNamespaces(PLATFORM_ADDONS);

/** The Pod Security labels of a platform namespace, wherever it is created. */
export function podSecurityLabels(namespace: string): Record<string, string> {
  const level = PRIVILEGED_NAMESPACES.has(namespace) ? 'privileged' : 'baseline';
  return {
    'pod-security.kubernetes.io/enforce': level,
    // Warn and audit at restricted so the gap to the strictest level stays visible.
    'pod-security.kubernetes.io/warn': 'restricted',
    'pod-security.kubernetes.io/audit': 'restricted',
  };
}

/**
 * Sync options of an Application deploying into `namespace`: where Argo CD creates a platform
 * namespace before the config component has synced it (a fresh cluster), it creates it with the
 * same Pod Security labels, so no pod is ever admitted there unchecked. `addons` (@default
 * PLATFORM_ADDONS) are those the config component declares the namespaces of.
 */
export function namespaceSyncOptions(namespace: string, addons: readonly PlatformAddon[] = PLATFORM_ADDONS): SyncPolicyOptions {
  return configNamespaces(addons).includes(namespace) ? { managedNamespaceLabels: podSecurityLabels(namespace) } : {};
}
