import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import type { TenantSpec } from './tenant-spec';

/** The platform-owned AppProject that syncs every tenant's Namespaces, quota, limits, NetworkPolicies and RoleBindings. */
export const TENANCY_PROJECT = 'tenancy';

/** The AppProject of one tenant: its repositories, its namespaces, its groups. */
export function tenantProjectName(tenant: Pick<TenantSpec, 'name'>): string {
  return `tenant-${tenant.name}`;
}

/** The folder (`dist/k8s/<env>/<component>/`) and chart id of a tenant's objects on one cluster. */
export function tenantComponent(tenant: Pick<TenantSpec, 'name'>, cluster: Pick<ClusterSpec, 'name'>): string {
  return `tenant-${tenant.name}-${cluster.name}`;
}

/** The clusters a tenant namespace is on: those it names, else every cluster of the environment. */
export function namespaceClusters(environment: EnvironmentClusters, tenant: Pick<TenantSpec, 'name'>, namespace: TenantSpec['namespaces'][number]): readonly ClusterSpec[] {
  if (namespace.clusters === undefined) return environment.clusters;
  return namespace.clusters.map((name) => {
    const cluster = environment.clusters.find((c) => c.name === name);
    if (cluster === undefined) {
      throw new Error(
        `${environment.name}: tenant ${tenant.name} namespace ${namespace.name} names cluster ${name}, which is not one of ${environment.clusters.map((c) => c.name).join(', ')}`,
      );
    }
    return cluster;
  });
}

/** The tenant's namespaces on one cluster, sorted. */
export function tenantNamespacesOn(environment: EnvironmentClusters, tenant: Pick<TenantSpec, 'name' | 'namespaces'>, cluster: Pick<ClusterSpec, 'name'>): string[] {
  return tenant.namespaces
    .filter((namespace) => namespaceClusters(environment, tenant, namespace).some((c) => c.name === cluster.name))
    .map((namespace) => namespace.name)
    .sort();
}

/** The clusters holding at least one of the tenant's namespaces, in the environment's order. */
export function tenantClusters(environment: EnvironmentClusters, tenant: Pick<TenantSpec, 'name' | 'namespaces'>): readonly ClusterSpec[] {
  return environment.clusters.filter((cluster) => tenantNamespacesOn(environment, tenant, cluster).length > 0);
}
