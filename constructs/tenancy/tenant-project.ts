import type { Construct } from 'constructs';
import { AppProject, type GroupKind } from '../argocd/app-project';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { operatorRoles } from '../argocd/operator-roles';
import type { ProjectRole } from '../argocd/project-role';
import { type TenancyEnvironment, tenantDestinations } from './tenancy-project';
import { tenantProjectName } from './tenant-placement';
import type { TenantSpec } from './tenant-spec';

/**
 * Namespaced kinds a tenant may never deliver: its quota and limits, and RBAC, which the platform
 * renders (constructs/tenancy/tenant-chart.ts); and Prometheus rules and Alertmanager
 * configurations, which the shared Prometheus and Alertmanager load from every namespace
 * (kube-prometheus-stack's rule and config selectors are open): a tenant's rule could record the
 * cost series other tenants' budgets read, or page the platform's on-call. Every other namespaced kind is allowed, so a
 * tenant's charts need no list of their kinds; cluster-scoped kinds are all refused (an empty
 * `clusterResourceWhitelist` admits none: argoproj/argo-cd
 * pkg/apis/application/v1alpha1/app_project_types.go `IsGroupKindPermitted`, v2.13.2 and v2.14.2).
 */
export const TENANT_NAMESPACE_RESOURCE_BLACKLIST: readonly GroupKind[] = [
  { group: '', kind: 'ResourceQuota' },
  { group: '', kind: 'LimitRange' },
  { group: 'rbac.authorization.k8s.io', kind: 'Role' },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
  { group: 'monitoring.coreos.com', kind: 'PrometheusRule' },
  { group: 'monitoring.coreos.com', kind: 'AlertmanagerConfig' },
];

/** The repositories a tenant's project admits: its applications', and the environment's when it has progressive workloads (rendered into that repository). */
export function tenantSourceRepos(environment: Pick<TenancyEnvironment, 'gitops'>, tenant: TenantSpec): string[] {
  const repos = tenant.applications.map((application) => application.repoUrl);
  if ((tenant.workloads ?? []).length > 0) repos.push(environment.gitops.repoUrl);
  return [...new Set(repos)].sort();
}

/**
 * The tenant's Argo CD roles: its viewers, owners and members read; owners and members sync and
 * run resource actions (Rollout promote/abort) except where sync windows exist, where changes go
 * through Git inside a window (as the platform's deployers: constructs/platform/projects-chart.ts);
 * the environment's emergency groups keep the break-glass role.
 */
export function tenantRoles(environment: Pick<TenancyEnvironment, 'access' | 'syncWindows'>, tenant: TenantSpec): ProjectRole[] {
  const operators = [...tenant.ownerGroups, ...tenant.memberGroups];
  return operatorRoles({
    what: `the applications of tenant ${tenant.name}`,
    readers: [...new Set([...(tenant.viewerGroups ?? []), ...operators])],
    deployers: [...new Set(operators)],
    emergency: environment.access.emergencyGroups,
    windowed: environment.syncWindows.length > 0,
  });
}

/**
 * The AppProject `tenant-<name>` of one tenant, in the projects chart: its repositories only, its
 * own namespaces as explicit (cluster, namespace) pairs (never `*` or `!`: negation decides
 * differently in Argo CD v2.13 and v2.14, app_project_types.go `isDestinationMatched`), no
 * cluster-scoped kind, no quota, limits or RBAC, its groups' roles and the environment's sync windows.
 */
export function tenantProject(scope: Construct, environment: TenancyEnvironment, tenant: TenantSpec, registrations: readonly ClusterRegistration[]): AppProject {
  const name = tenantProjectName(tenant);
  return new AppProject(scope, name, {
    name,
    description: tenant.description,
    sourceRepos: tenantSourceRepos(environment, tenant),
    clusters: [],
    namespaces: [],
    destinations: tenantDestinations(environment, tenant, registrations),
    namespaceResourceBlacklist: TENANT_NAMESPACE_RESOURCE_BLACKLIST,
    roles: tenantRoles(environment, tenant),
    syncWindows: environment.syncWindows,
  });
}
