import type { Document, KubeObject } from '../../apps/verify/documents';
import { TENANT_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';

/**
 * The documents a tenancy renders, written by hand (not by the TenantChart) so the engine checks can
 * be tested on their own: tenant `alpha` with namespaces alpha-api and alpha-jobs (owners admin,
 * members edit, viewers view), tenant `beta` with beta-api (owners admin, members edit), each
 * namespace at Pod Security `restricted` with a LimitRange, and a platform namespace `monitoring`.
 */

export const FIXTURE_LIMIT_DEFAULTS = { defaultRequest: { cpu: '50m', memory: '64Mi' }, default: { memory: '128Mi' } } as const;

function document(tenant: string, object: KubeObject): Document {
  const namespace = object.metadata.namespace === undefined ? '' : `${object.metadata.namespace}-`;
  return { file: `dist/k8s/fixture/tenant-${tenant}-fixture-cluster/${object.kind.toLowerCase()}-${namespace}${object.metadata.name}.yaml`, object };
}

export function tenantNamespace(tenant: string, name: string, labels: Readonly<Record<string, string>> = {}): Document {
  return document(tenant, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        [TENANT_LABEL]: tenant,
        owner: tenant,
        'cost-centre': `cc-${tenant}`,
        env: 'fixture',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
        ...labels,
      },
    } as KubeObject['metadata'],
  });
}

/** A RoleBinding of `group` to the ClusterRole `role` in `namespace`, filed under `tenant`'s component. */
export function groupBinding(tenant: string, namespace: string, group: string, role: string, kind: 'RoleBinding' | 'ClusterRoleBinding' = 'RoleBinding'): Document {
  return document(tenant, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name: `tenant-${group}-${role}`, ...(kind === 'RoleBinding' ? { namespace } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
  });
}

function limitRange(tenant: string, namespace: string): Document {
  return document(tenant, {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'tenant-limits', namespace },
    spec: { limits: [{ type: 'Container', ...FIXTURE_LIMIT_DEFAULTS }] },
  });
}

/** Namespaces, RoleBindings and LimitRanges of tenants alpha and beta, and the platform's monitoring namespace. */
export function fixtureTenancyDocuments(): Document[] {
  const alpha = ['alpha-api', 'alpha-jobs'];
  return [
    { file: 'dist/k8s/fixture/observability/namespace-monitoring.yaml', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring' } } },
    ...alpha.flatMap((ns) => [
      tenantNamespace('alpha', ns),
      limitRange('alpha', ns),
      groupBinding('alpha', ns, 'alpha-owners', 'admin'),
      groupBinding('alpha', ns, 'alpha-members', 'edit'),
      groupBinding('alpha', ns, 'alpha-viewers', 'view'),
    ]),
    tenantNamespace('beta', 'beta-api'),
    limitRange('beta', 'beta-api'),
    groupBinding('beta', 'beta-api', 'beta-owners', 'admin'),
    groupBinding('beta', 'beta-api', 'beta-members', 'edit'),
  ];
}
