import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { TENANT_OBJECT_NAMES } from './tenant-object-names';
import type { TenantSpec } from './tenant-spec';

/** The built-in ClusterRoles a tenant's groups are bound to, in its namespaces only (never a ClusterRoleBinding). */
export const TENANT_CLUSTER_ROLES: readonly string[] = ['admin', 'edit', 'view'];

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * The RoleBindings of one tenant namespace: owners get `admin`, members `edit`, viewers `view`.
 * A RoleBinding to a ClusterRole grants its rules in the binding's namespace only. None of the
 * three writes ResourceQuota or LimitRange (read-only in the bootstrap roles, kubernetes v1.34.4
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go); admin and edit do write
 * NetworkPolicies, which can open only the tenant's own side. A role without groups is not bound.
 */
export function tenantRoleBindings(namespace: string, tenant: Pick<TenantSpec, 'ownerGroups' | 'memberGroups' | 'viewerGroups'>): IRoleBinding[] {
  const bindings: readonly [string, string, readonly string[]][] = [
    [TENANT_OBJECT_NAMES.owners, 'admin', tenant.ownerGroups],
    [TENANT_OBJECT_NAMES.members, 'edit', tenant.memberGroups],
    [TENANT_OBJECT_NAMES.viewers, 'view', tenant.viewerGroups ?? []],
  ];
  return bindings
    .filter(([, , groups]) => groups.length > 0)
    .map(([name, role, groups]) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
      subjects: [...groups].sort().map((group) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name: group })),
    }));
}
