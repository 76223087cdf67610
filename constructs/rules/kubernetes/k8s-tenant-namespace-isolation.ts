import { type Finding, unless } from '../../core/finding';
import { TENANT_LABEL } from '../../kubernetes/gitops-cdk-labels';
import type { KubeManifest } from '../../synth/kube-manifest';
import { KYVERNO_GENERATED_NAMES, TENANT_OBJECT_NAMES } from '../../tenancy/tenant-object-names';
import { TENANT_CLUSTER_ROLES } from '../../tenancy/tenant-role-bindings';
import type { KubernetesRule } from '../types';

const RBAC = 'rbac.authorization.k8s.io/v1';
const FIX_CONSTRUCT = 'render tenant namespaces with the Tenant construct (constructs/tenancy/tenant-chart.ts), which brings them';

interface Subject {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

interface Peer {
  readonly ipBlock?: unknown;
}

interface PolicySpec {
  readonly podSelector?: { readonly matchLabels?: object; readonly matchExpressions?: readonly unknown[] };
  readonly policyTypes?: readonly string[];
  readonly ingress?: readonly unknown[];
  readonly egress?: readonly { readonly to?: readonly Peer[]; readonly ports?: readonly { readonly port?: unknown }[] }[];
}

/** The namespaces the environment renders with the tenant label. */
function tenantNamespaces(objects: readonly KubeManifest[]): Set<string> {
  return new Set(objects.filter((o) => o.kind === 'Namespace' && o.metadata.labels?.[TENANT_LABEL] !== undefined).map((o) => o.metadata.name));
}

function isEmptySelector(selector: PolicySpec['podSelector']): boolean {
  return selector !== undefined && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/**
 * Denies every ingress and every egress of every pod of the namespace but DNS: an empty pod
 * selector, both policy types, no ingress rule, and egress rules only to named peers on port 53
 * (an empty podSelector selects every pod; a policy type without rules denies that direction,
 * k8s.io/api@v0.34.4 networking/v1/types.go `NetworkPolicySpec`).
 */
export function isDenyAll(policy: KubeManifest): boolean {
  const spec = (policy.spec ?? {}) as PolicySpec;
  const types = spec.policyTypes ?? [];
  const dnsOnly = (spec.egress ?? []).every(
    (rule) =>
      (rule.to ?? []).length > 0 && (rule.to ?? []).every((peer) => peer.ipBlock === undefined) && (rule.ports ?? []).length > 0 && (rule.ports ?? []).every((p) => p.port === 53),
  );
  return isEmptySelector(spec.podSelector) && types.includes('Ingress') && types.includes('Egress') && (spec.ingress ?? []).length === 0 && dnsOnly;
}

function namespaceFindings(namespace: KubeManifest, objects: readonly KubeManifest[]): Finding[] {
  const name = namespace.metadata.name;
  const inside = objects.filter((o) => o.metadata.namespace === name);
  const has = (kind: string, test: (o: KubeManifest) => boolean = () => true) => inside.some((o) => o.kind === kind && test(o));
  const where = `tenant namespace ${name} (${TENANT_LABEL}=${namespace.metadata.labels?.[TENANT_LABEL] ?? ''})`;
  return [
    ...unless(has('ResourceQuota'), 'metadata.name', name, `${where} has no ResourceQuota: its pods can take the whole cluster`, `${FIX_CONSTRUCT} ${TENANT_OBJECT_NAMES.quota}`),
    ...unless(
      has('LimitRange'),
      'metadata.name',
      name,
      `${where} has no LimitRange: containers without requests are refused by the quota or unbounded`,
      `${FIX_CONSTRUCT} ${TENANT_OBJECT_NAMES.limits}`,
    ),
    ...unless(
      has('NetworkPolicy', isDenyAll),
      'metadata.name',
      name,
      `${where} has no NetworkPolicy denying all ingress and egress (podSelector {}, policyTypes Ingress and Egress): every pod of the cluster can reach its pods and they can reach anything`,
      `${FIX_CONSTRUCT} ${TENANT_OBJECT_NAMES.defaultDeny}`,
    ),
  ];
}

function roleBindingFindings(binding: KubeManifest): Finding[] {
  const roleRef = (binding.roleRef ?? {}) as { kind?: string; name?: string };
  const subjects = (binding.subjects ?? []) as readonly Subject[];
  const where = `RoleBinding ${binding.metadata.namespace ?? ''}/${binding.metadata.name} in a tenant namespace`;
  return [
    ...unless(
      roleRef.kind === 'ClusterRole' && TENANT_CLUSTER_ROLES.includes(roleRef.name ?? ''),
      'roleRef',
      `${roleRef.kind ?? ''}/${roleRef.name ?? ''}`,
      `${where} grants a role other than the built-in admin, edit or view, which no review of the tenant covers`,
      'bind tenant groups with the Tenant construct: ownerGroups to admin, memberGroups to edit, viewerGroups to view',
    ),
    ...subjects.flatMap((subject, i) =>
      unless(
        subject.kind === 'Group',
        `subjects[${i}]`,
        `${subject.kind ?? ''}/${subject.name ?? ''}`,
        `${where} binds a ${subject.kind ?? 'subject'} instead of an SSO group of the tenant`,
        'list the group in the tenant spec (ownerGroups, memberGroups or viewerGroups); a service account gets its rights from a Role its application brings',
      ),
    ),
  ];
}

function clusterRoleBindingFindings(binding: KubeManifest, tenants: ReadonlySet<string>): Finding[] {
  const subjects = (binding.subjects ?? []) as readonly Subject[];
  return subjects.flatMap((subject, i) =>
    unless(
      !(subject.kind === 'ServiceAccount' && tenants.has(subject.namespace ?? '')),
      `subjects[${i}]`,
      `ServiceAccount/${subject.namespace ?? ''}/${subject.name ?? ''}`,
      `ClusterRoleBinding ${binding.metadata.name} grants a service account of tenant namespace ${subject.namespace ?? ''} rights across the cluster, other tenants' namespaces included`,
      'grant tenant service accounts rights in their own namespaces only (a RoleBinding there)',
    ),
  );
}

/**
 * Every tenant namespace the environment renders (a Namespace carrying the tenant label) has its
 * boundary: a ResourceQuota, a LimitRange and a deny-all NetworkPolicy. None of its objects takes a
 * name Kyverno generates (the two would overwrite each other, kyverno v1.19.1
 * pkg/background/generate/data.go); its RoleBindings bind SSO groups to admin, edit or view only;
 * no ClusterRoleBinding reaches a tenant's service account.
 */
export const k8sTenantNamespaceIsolation: KubernetesRule = {
  id: 'k8s-tenant-namespace-isolation',
  engine: 'kubernetes',
  level: 'error',
  title: 'Tenant namespaces have quota, limits, a deny-all NetworkPolicy and tenant-scoped RBAC only',
  rationale:
    'A tenant namespace without quota can starve every other tenant, without a deny-all NetworkPolicy its pods reach and are reached by every other tenant, ' +
    'and a binding outside admin/edit/view to its groups, or a cluster-wide binding of its service accounts, reaches past its own namespaces.',
  controls: { soc2: ['CC6.1', 'CC6.6'], pciDss: ['1.3.1', '7.2.1'], iso27001: ['A.8.3', 'A.8.22'], gdpr: ['Art. 32'] },
  objectTypes: ['v1/Namespace', 'v1/ResourceQuota', 'v1/LimitRange', 'networking.k8s.io/v1/NetworkPolicy', `${RBAC}/RoleBinding`, `${RBAC}/ClusterRoleBinding`],
  check(manifest, context) {
    const tenants = tenantNamespaces(context.objects);
    if (manifest.kind === 'Namespace') return tenants.has(manifest.metadata.name) ? namespaceFindings(manifest, context.objects) : [];
    if (manifest.kind === 'ClusterRoleBinding') return clusterRoleBindingFindings(manifest, tenants);
    if (!tenants.has(manifest.metadata.namespace ?? '')) return [];
    if (manifest.kind === 'RoleBinding') return roleBindingFindings(manifest);
    return unless(
      !KYVERNO_GENERATED_NAMES.includes(manifest.metadata.name),
      'metadata.name',
      manifest.metadata.name,
      `${manifest.kind} ${manifest.metadata.namespace ?? ''}/${manifest.metadata.name} in a tenant namespace takes a name Kyverno generates: Kyverno overwrites it and Argo CD reapplies it, forever`,
      `name it ${manifest.kind === 'ResourceQuota' ? TENANT_OBJECT_NAMES.quota : manifest.kind === 'LimitRange' ? TENANT_OBJECT_NAMES.limits : TENANT_OBJECT_NAMES.defaultDeny} as the Tenant construct does`,
    );
  },
};
