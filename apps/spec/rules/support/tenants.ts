import type { Finding } from '../../../../constructs/core/finding';
import type { ClusterSpec, EnvironmentSpec, TenantSpec } from '../../../../environments/types';

/** The findings of `check` on every tenant, each at its path (`tenants[1]`), in spec order. */
export function eachTenant(spec: EnvironmentSpec, check: (tenant: TenantSpec, at: string, index: number) => readonly Finding[]): Finding[] {
  return (spec.tenants ?? []).flatMap((tenant, index) => check(tenant, `tenants[${index}]`, index));
}

/** The clusters of the environment a tenant namespace is on, ignoring names that are not clusters (spec-tenant-namespaces reports those). */
export function clustersOfNamespace(spec: EnvironmentSpec, namespace: TenantSpec['namespaces'][number]): readonly ClusterSpec[] {
  if (namespace.clusters === undefined) return spec.clusters;
  return spec.clusters.filter((cluster) => namespace.clusters?.includes(cluster.name));
}

/** Which tenant owns each namespace name (the first that lists it). */
export function namespaceOwners(spec: EnvironmentSpec): ReadonlyMap<string, string> {
  const owners = new Map<string, string>();
  for (const tenant of spec.tenants ?? []) for (const namespace of tenant.namespaces) if (!owners.has(namespace.name)) owners.set(namespace.name, tenant.name);
  return owners;
}
