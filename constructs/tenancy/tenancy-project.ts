import type { Construct } from 'constructs';
import { AppProject, type GroupKind, type ProjectDestination } from '../argocd/app-project';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { type ProjectsEnvironment, platformProjectRoles } from '../platform/projects-chart';
import { TENANCY_PROJECT, tenantClusters, tenantNamespacesOn } from './tenant-placement';
import type { TenantSpec } from './tenant-spec';

/** What the tenancy project reads of the environment: the platform projects' view, and its tenants. */
export interface TenancyEnvironment extends ProjectsEnvironment {
  readonly tenants?: readonly TenantSpec[];
}

/** The only cluster-scoped kind a tenant folder holds: the tenant's Namespaces. */
export const TENANCY_CLUSTER_RESOURCES: readonly GroupKind[] = [{ group: '', kind: 'Namespace' }];

/**
 * The only namespaced kinds a tenant folder holds (constructs/tenancy/tenant-chart.ts): the
 * namespace's quota and limits, its NetworkPolicies and the RoleBindings of the tenant's groups.
 */
export const TENANCY_NAMESPACE_RESOURCES: readonly GroupKind[] = [
  { group: '', kind: 'ResourceQuota' },
  { group: '', kind: 'LimitRange' },
  { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
];

/** The registration of `cluster`, or an error naming the environment and the tenant that needs it. */
export function registrationOf(environment: string, registrations: readonly ClusterRegistration[], cluster: string, tenant: string): ClusterRegistration {
  const registration = registrations.find((r) => r.clusterName === cluster);
  if (registration === undefined) throw new Error(`${environment}: tenant ${tenant} has namespaces on cluster ${cluster}, which is not registered with Argo CD`);
  return registration;
}

/** Every (cluster, namespace) pair of `tenant`, in the environment's cluster order, namespaces sorted. */
export function tenantDestinations(environment: TenancyEnvironment, tenant: TenantSpec, registrations: readonly ClusterRegistration[]): ProjectDestination[] {
  return tenantClusters(environment, tenant).flatMap((cluster) => {
    const registration = registrationOf(environment.name, registrations, cluster.name, tenant.name);
    return tenantNamespacesOn(environment, tenant, cluster).map((namespace) => ({ cluster: registration, namespace }));
  });
}

/**
 * The platform-owned `tenancy` AppProject, in the projects chart: the environment's repository
 * only, every tenant namespace on the clusters it is on (explicit pairs: a namespace may be on some
 * clusters only), Namespaces and the tenancy kinds only. It is the one project that may write
 * quotas and limits (no blacklist): the tenant projects blacklist them, so a tenant's own
 * repository can never raise its quota. Roles and sync windows are the platform's.
 */
export function tenancyProject(scope: Construct, environment: TenancyEnvironment, registrations: readonly ClusterRegistration[]): AppProject {
  return new AppProject(scope, TENANCY_PROJECT, {
    name: TENANCY_PROJECT,
    description: `Tenant namespaces, quotas, limits, network policies and role bindings of ${environment.name}`,
    sourceRepos: [environment.gitops.repoUrl],
    clusters: [],
    namespaces: [],
    destinations: (environment.tenants ?? []).flatMap((tenant) => tenantDestinations(environment, tenant, registrations)),
    clusterResources: TENANCY_CLUSTER_RESOURCES,
    namespaceResources: TENANCY_NAMESPACE_RESOURCES,
    // The whitelist above is the boundary; the default blacklist would refuse the quotas and limits this project exists for.
    namespaceResourceBlacklist: [],
    roles: platformProjectRoles(environment),
    syncWindows: environment.syncWindows,
  });
}
