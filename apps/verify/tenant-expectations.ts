import { TENANT_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import type { Document } from './documents';

/**
 * What the tenants of dist/ may and may not do, read from the documents themselves (not from the
 * spec): a tenant is the value of TENANT_LABEL on Namespaces, its groups are the Group subjects of
 * RoleBindings in its namespaces that bind the ClusterRole admin, edit or view. So the matrix
 * states what the rendered output grants, and the API server is asked whether it grants exactly that.
 */

export const TENANT_ROLES = ['admin', 'edit', 'view'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** One Group subject of a tenant RoleBinding. */
export interface TenantBinding {
  readonly group: string;
  readonly role: TenantRole;
  readonly namespace: string;
  /** The document that binds it, for messages. */
  readonly file: string;
}

export interface DerivedTenant {
  readonly name: string;
  readonly namespaces: readonly string[];
  readonly bindings: readonly TenantBinding[];
}

/** A request the authorizer is asked about (a SelfSubjectAccessReview's resourceAttributes). */
export interface AccessCheck {
  readonly verb: string;
  /** `''` for the core group. */
  readonly apiGroup: string;
  readonly resource: string;
  /** Absent: a cluster-scoped request. */
  readonly namespace?: string;
}

/** One cell of the matrix: a tenant group, a request, the answer dist/ promises and why. */
export interface AccessExpectation {
  readonly tenant: string;
  readonly group: string;
  readonly check: AccessCheck;
  readonly allowed: boolean;
  /** Where the namespace stands for this group: `own (admin)`, `tenant search`, `platform`, `cluster`. */
  readonly scope: string;
}

interface LabelledMetadata {
  readonly labels?: Readonly<Record<string, string>>;
}

interface RoleBindingShape {
  readonly roleRef?: { readonly kind?: string; readonly name?: string };
  readonly subjects?: readonly { readonly kind?: string; readonly name?: string }[];
}

function isTenantRole(name: string | undefined): name is TenantRole {
  return (TENANT_ROLES as readonly (string | undefined)[]).includes(name);
}

/** The tenants of the documents, by name; a namespace rendered for several clusters counts once. */
export function tenantsOf(documents: readonly Document[]): DerivedTenant[] {
  const tenantOfNamespace = new Map<string, string>();
  for (const { object } of documents.filter((d) => d.object.kind === 'Namespace')) {
    const tenant = (object.metadata as LabelledMetadata).labels?.[TENANT_LABEL];
    if (tenant !== undefined && !tenantOfNamespace.has(object.metadata.name)) tenantOfNamespace.set(object.metadata.name, tenant);
  }
  const bindings = new Map<string, TenantBinding[]>();
  const seen = new Set<string>();
  for (const { object, file } of documents.filter((d) => d.object.kind === 'RoleBinding' && d.object.apiVersion.startsWith('rbac.authorization.k8s.io/'))) {
    const namespace = object.metadata.namespace;
    const tenant = namespace === undefined ? undefined : tenantOfNamespace.get(namespace);
    const { roleRef, subjects = [] } = object as RoleBindingShape;
    if (tenant === undefined || namespace === undefined || roleRef?.kind !== 'ClusterRole' || !isTenantRole(roleRef.name)) continue;
    for (const subject of subjects.filter((s) => s.kind === 'Group' && s.name !== undefined)) {
      const binding = { group: subject.name ?? '', role: roleRef.name, namespace, file };
      const key = `${binding.group}\n${binding.role}\n${namespace}`;
      if (seen.has(key)) continue;
      seen.add(key);
      bindings.set(tenant, [...(bindings.get(tenant) ?? []), binding]);
    }
  }
  const names = [...new Set(tenantOfNamespace.values())].sort();
  return names.map((name) => ({
    name,
    namespaces: [...tenantOfNamespace]
      .filter(([, t]) => t === name)
      .map(([namespace]) => namespace)
      .sort(),
    bindings: bindings.get(name) ?? [],
  }));
}

/** Groups bound in the namespaces of more than one tenant: each crosses into another tenant. */
export function groupsCrossingTenants(tenants: readonly DerivedTenant[]): string[] {
  const tenantsOfGroup = new Map<string, Set<string>>();
  for (const tenant of tenants) for (const { group } of tenant.bindings) tenantsOfGroup.set(group, (tenantsOfGroup.get(group) ?? new Set()).add(tenant.name));
  return [...tenantsOfGroup]
    .filter(([, owners]) => owners.size > 1)
    .map(([group, owners]) => {
      const where = tenants.flatMap((t) => t.bindings.filter((b) => b.group === group).map((b) => `${b.namespace} (tenant ${t.name}, ${b.role}, ${b.file})`));
      return `group ${group} is bound in the namespaces of tenants ${[...owners].sort().join(' and ')}: ${where.join('; ')}; a tenant's groups belong in its own namespaces only`;
    });
}

const check = (verb: string, resource: string, apiGroup = '', namespace?: string): AccessCheck => ({ verb, apiGroup, resource, ...(namespace === undefined ? {} : { namespace }) });

/**
 * What each role may do in the tenant's own namespace (the default ClusterRoles, k8s.io/kubernetes
 * v1.34.4 plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go: view reads but never secrets,
 * edit writes workloads, config and secrets, admin adds roles and rolebindings; none may touch
 * quota or limits, which the platform renders).
 */
export function ownNamespaceChecks(role: TenantRole, namespace: string): readonly { readonly check: AccessCheck; readonly allowed: boolean }[] {
  const writes = role !== 'view';
  return [
    { check: check('get', 'pods', '', namespace), allowed: true },
    { check: check('create', 'deployments', 'apps', namespace), allowed: writes },
    { check: check('create', 'configmaps', '', namespace), allowed: writes },
    { check: check('create', 'secrets', '', namespace), allowed: writes },
    { check: check('get', 'secrets', '', namespace), allowed: writes },
    { check: check('create', 'rolebindings', 'rbac.authorization.k8s.io', namespace), allowed: role === 'admin' },
    { check: check('create', 'resourcequotas', '', namespace), allowed: false },
    { check: check('create', 'limitranges', '', namespace), allowed: false },
  ];
}

/** Nothing at all in a namespace that is not the group's: not even a read. */
export function foreignNamespaceChecks(namespace: string): readonly AccessCheck[] {
  return [
    check('get', 'pods', '', namespace),
    check('get', 'secrets', '', namespace),
    check('create', 'configmaps', '', namespace),
    check('create', 'deployments', 'apps', namespace),
  ];
}

/** Cluster-scoped writes, refused to every tenant group. */
export const CLUSTER_CHECKS: readonly AccessCheck[] = [
  check('create', 'namespaces'),
  check('create', 'clusterroles', 'rbac.authorization.k8s.io'),
  check('create', 'clusterrolebindings', 'rbac.authorization.k8s.io'),
];

const ROLE_STRENGTH: Readonly<Record<TenantRole, number>> = { view: 0, edit: 1, admin: 2 };

/** The strongest role each of the tenant's groups holds in each namespace it is bound in. */
export function rolesOfGroups(tenant: DerivedTenant): Map<string, Map<string, TenantRole>> {
  const roles = new Map<string, Map<string, TenantRole>>();
  for (const { group, role, namespace } of tenant.bindings) {
    const inNamespaces = roles.get(group) ?? new Map<string, TenantRole>();
    const held = inNamespaces.get(namespace);
    if (held === undefined || ROLE_STRENGTH[role] > ROLE_STRENGTH[held]) inNamespaces.set(namespace, role);
    roles.set(group, inNamespaces);
  }
  return roles;
}

/**
 * The matrix: for every group of every tenant, its role's rights in each namespace it is bound in,
 * nothing in every other namespace of the cluster (another tenant's, the platform's, its own tenant's
 * where it is not bound), and no cluster-scoped writes.
 */
export function accessMatrix(tenants: readonly DerivedTenant[], clusterNamespaces: readonly string[]): AccessExpectation[] {
  const tenantOf = new Map(tenants.flatMap((t) => t.namespaces.map((n) => [n, t.name] as const)));
  const matrix: AccessExpectation[] = [];
  for (const tenant of tenants) {
    for (const [group, roles] of rolesOfGroups(tenant)) {
      const cell = (c: AccessCheck, allowed: boolean, scope: string) => matrix.push({ tenant: tenant.name, group, check: c, allowed, scope });
      for (const namespace of [...new Set([...clusterNamespaces, ...tenant.namespaces])].sort()) {
        const role = roles.get(namespace);
        if (role !== undefined) {
          for (const own of ownNamespaceChecks(role, namespace)) cell(own.check, own.allowed, `own (${role})`);
          continue;
        }
        const owner = tenantOf.get(namespace);
        const scope = owner === undefined ? 'platform' : owner === tenant.name ? `tenant ${owner}, not bound` : `tenant ${owner}`;
        for (const c of foreignNamespaceChecks(namespace)) cell(c, false, scope);
      }
      for (const c of CLUSTER_CHECKS) cell(c, false, 'cluster');
    }
  }
  return matrix;
}

/** `create deployments.apps -n payments-api` */
export function describeCheck(c: AccessCheck): string {
  return `${c.verb} ${c.resource}${c.apiGroup === '' ? '' : `.${c.apiGroup}`}${c.namespace === undefined ? ' (cluster scope)' : ` -n ${c.namespace}`}`;
}
