import { TERRAFORM_DRIFT_WORKLOAD } from '../observability-contract';
import { PLATFORM_ADDONS } from './addon-catalog';

/**
 * Namespace of the cluster-wide configuration Application. Its content is cluster-scoped
 * (Namespaces, ClusterPolicies), but Argo CD needs a permitted destination namespace all the same.
 */
export const CLUSTER_CONFIG_NAMESPACE = 'kube-system';

/** Namespaces the platform add-ons run in, in a stable order. */
export const ADDON_NAMESPACES: readonly string[] = [...new Set(PLATFORM_ADDONS.map((addon) => addon.namespace))].sort();

/**
 * Every namespace the platform project may deploy into: the add-ons', the cluster configuration's
 * and the Terraform drift checks' (constructs/drift/), which brings its own Namespace object.
 */
export const PLATFORM_NAMESPACES: readonly string[] = [...ADDON_NAMESPACES, CLUSTER_CONFIG_NAMESPACE, TERRAFORM_DRIFT_WORKLOAD.namespace].sort();
