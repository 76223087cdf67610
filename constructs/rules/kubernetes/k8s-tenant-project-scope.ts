import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { type Finding, finding } from '../../core/finding';
import { TENANT_LABEL } from '../../kubernetes/gitops-cdk-labels';
import type { KubeManifest } from '../../synth/kube-manifest';
import { TENANCY_PROJECT } from '../../tenancy/tenant-placement';
import { TENANT_NAMESPACE_RESOURCE_BLACKLIST } from '../../tenancy/tenant-project';
import type { KubernetesRule } from '../types';

type ProjectSpec = Partial<IAppProject['spec']>;

/** What a tenant project must blacklist: the platform renders quotas, limits and RBAC, and owns the shared alerting. */
const REQUIRED_BLACKLIST = TENANT_NAMESPACE_RESOURCE_BLACKLIST;

const TENANT_PREFIX = 'tenant-';

/** The tenants each rendered Namespace name is labelled with (a namespace is rendered once per cluster it is on). */
function namespaceTenants(objects: readonly KubeManifest[]): Map<string, Set<string>> {
  const tenants = new Map<string, Set<string>>();
  for (const object of objects) {
    const tenant = object.kind === 'Namespace' ? object.metadata.labels?.[TENANT_LABEL] : undefined;
    if (tenant === undefined) continue;
    const set = tenants.get(object.metadata.name) ?? new Set<string>();
    set.add(tenant);
    tenants.set(object.metadata.name, set);
  }
  return tenants;
}

/**
 * Destination fields with a glob or a negation: `!` entries decide differently in Argo CD v2.13.2
 * and v2.14.2 (argoproj/argo-cd pkg/apis/application/v1alpha1/app_project_types.go
 * `isDestinationMatched`), `*` admits what nobody listed.
 */
function patternFindings(project: ProjectSpec, owner: string): Finding[] {
  return (project.destinations ?? []).flatMap((destination, i) =>
    (['server', 'name', 'namespace'] as const).flatMap((key) => {
      const value = destination[key];
      if (value === undefined || !/[*!?[]/.test(value)) return [];
      return [
        finding(
          `spec.destinations[${i}].${key}`,
          value,
          `${owner}: a pattern or negation admits destinations nobody listed`,
          'list each (cluster, namespace) pair of the tenant explicitly',
        ),
      ];
    }),
  );
}

/** A destination namespace that is not labelled with `allowed` (one tenant, or any tenant when undefined). */
function destinationFindings(project: ProjectSpec, owner: string, tenants: Map<string, Set<string>>, tenant: string | undefined): Finding[] {
  return (project.destinations ?? []).flatMap((destination, i) => {
    const namespace = destination.namespace ?? '';
    const labelled = tenants.get(namespace) ?? new Set<string>();
    const ok = tenant === undefined ? labelled.size > 0 : labelled.size === 1 && labelled.has(tenant);
    if (ok) return [];
    const found =
      labelled.size === 0 ? `no Namespace ${namespace} carries ${TENANT_LABEL}` : `Namespace ${namespace} is labelled ${TENANT_LABEL}=${[...labelled].sort().join(',')}`;
    const wanted = tenant === undefined ? 'a tenant namespace' : `a namespace of tenant ${tenant}`;
    return [
      finding(
        `spec.destinations[${i}].namespace`,
        namespace,
        `${owner} may deploy only to ${wanted}, but ${found}`,
        tenant === undefined
          ? 'list only the namespaces of the environment tenants (tenancyProject does)'
          : `declare the namespace among the namespaces of tenant ${tenant}, or drop the destination`,
      ),
    ];
  });
}

function tenantProjectFindings(project: ProjectSpec, name: string, tenants: Map<string, Set<string>>): Finding[] {
  const tenant = name.slice(TENANT_PREFIX.length);
  const owner = `AppProject ${name}`;
  const blacklist = project.namespaceResourceBlacklist ?? [];
  const missing = REQUIRED_BLACKLIST.filter((gk) => !blacklist.some((entry) => entry.group === gk.group && entry.kind === gk.kind));
  return [
    ...((project.clusterResourceWhitelist ?? []).length > 0
      ? [
          finding(
            'spec.clusterResourceWhitelist',
            project.clusterResourceWhitelist,
            `${owner} may manage cluster-scoped kinds`,
            'leave clusterResourceWhitelist empty: the platform renders the tenant Namespaces',
          ),
        ]
      : []),
    ...(missing.length > 0
      ? [
          finding(
            'spec.namespaceResourceBlacklist',
            project.namespaceResourceBlacklist,
            `${owner} may deliver ${missing.map((gk) => gk.kind).join(', ')}, which the platform renders for the tenant`,
            `blacklist ${REQUIRED_BLACKLIST.map((gk) => gk.kind).join(', ')} (TENANT_NAMESPACE_RESOURCE_BLACKLIST, constructs/tenancy/tenant-project.ts)`,
          ),
        ]
      : []),
    ...patternFindings(project, owner),
    ...destinationFindings(project, owner, tenants, tenant),
  ];
}

/**
 * A tenant's AppProject (`tenant-<name>`) stays inside the tenant: no cluster-scoped kind, no quota,
 * limits or RBAC, explicit destinations that are the tenant's own namespaces (Namespaces labelled
 * with it among the environment's objects). The platform's `tenancy` project deploys only to
 * tenant namespaces.
 */
export const k8sTenantProjectScope: KubernetesRule = {
  id: 'k8s-tenant-project-scope',
  engine: 'kubernetes',
  level: 'error',
  title: 'Tenant AppProjects deploy only to their own namespaces, without cluster kinds, quotas, limits or RBAC',
  rationale:
    "A tenant's AppProject is what keeps its repository from reaching another tenant or the platform: a destination outside its namespaces, " +
    'a cluster-scoped kind, or its own quota and RBAC would let a merge in its repository raise its limits, grant itself access or write into someone else’s namespace.',
  controls: {
    soc2: ['CC6.1', 'CC6.3'],
    pciDss: ['7.2.1'],
    iso27001: ['A.5.15', 'A.8.2'],
    gdpr: ['Art. 25'],
  },
  objectTypes: ['argoproj.io/v1alpha1/AppProject'],
  check(manifest, context) {
    const name = manifest.metadata.name;
    const project = (manifest.spec ?? {}) as ProjectSpec;
    if (name === TENANCY_PROJECT) {
      const owner = `AppProject ${name}`;
      return [...patternFindings(project, owner), ...destinationFindings(project, owner, namespaceTenants(context.objects), undefined)];
    }
    if (!name.startsWith(TENANT_PREFIX)) return [];
    return tenantProjectFindings(project, name, namespaceTenants(context.objects));
  },
};
