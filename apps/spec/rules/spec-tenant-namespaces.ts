import { type Finding, unless } from '../../../constructs/core/finding';
import { isDnsLabel } from '../../../constructs/core/kubernetes-names';
import { RESERVED_NAMESPACES } from '../../../constructs/platform/platform-namespaces';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec, TenantSpec } from '../../../environments/types';
import { eachTenant } from './support/tenants';

/** Where each namespace name is first listed, across every tenant. */
function firstListing(spec: EnvironmentSpec): Map<string, { tenant: string; at: string }> {
  const first = new Map<string, { tenant: string; at: string }>();
  eachTenant(spec, (tenant, at) => {
    tenant.namespaces.forEach((namespace, j) => {
      if (!first.has(namespace.name)) first.set(namespace.name, { tenant: tenant.name, at: `${at}.namespaces[${j}]` });
    });
    return [];
  });
  return first;
}

function namespaceFindings(spec: EnvironmentSpec, tenant: TenantSpec, at: string, first: Map<string, { tenant: string; at: string }>): Finding[] {
  const clusters = spec.clusters.map((c) => c.name);
  const workloadNamespaces = new Set((spec.delivery?.workloads ?? []).map((w) => w.namespace));
  return tenant.namespaces.flatMap((namespace, j) => {
    const field = `${at}.namespaces[${j}].name`;
    const owner = first.get(namespace.name);
    return [
      ...unless(
        isDnsLabel(namespace.name, 63),
        field,
        namespace.name,
        'is not a DNS label Kubernetes takes as a namespace name',
        "use lower-case letters, digits and '-', e.g. 'payments'",
      ),
      ...unless(
        owner === undefined || owner.at === `${at}.namespaces[${j}]`,
        field,
        namespace.name,
        owner?.tenant === tenant.name
          ? `is listed twice by tenant ${tenant.name}`
          : `is already tenant ${owner?.tenant ?? ''}'s (${owner?.at ?? ''}): a namespace belongs to one tenant, or each could deploy into the other's`,
        owner?.tenant === tenant.name ? 'list each namespace once (name the clusters in one entry)' : 'give the tenant a namespace of its own, e.g. prefixed with its name',
      ),
      ...unless(
        !RESERVED_NAMESPACES.has(namespace.name),
        field,
        namespace.name,
        'is a platform or Kubernetes namespace: the tenant would get admin over the platform add-ons, which the tenant policies exempt',
        `use a namespace of its own, e.g. '${tenant.name}'`,
      ),
      ...unless(
        !workloadNamespaces.has(namespace.name),
        field,
        namespace.name,
        "is a delivered workload's namespace (delivery.workloads): its Namespace object would be rendered twice and Kyverno's generated quota would cap the tenant's",
        `use another namespace, or deliver the workload as the tenant's (tenants[].workloads)`,
      ),
      ...(namespace.clusters ?? []).flatMap((cluster, k) =>
        unless(clusters.includes(cluster), `${at}.namespaces[${j}].clusters[${k}]`, cluster, 'is not a cluster of this environment', `use one of ${clusters.join(', ')}`),
      ),
      ...unless(
        namespace.clusters === undefined || namespace.clusters.length > 0,
        `${at}.namespaces[${j}].clusters`,
        namespace.clusters,
        'an empty list puts the namespace on no cluster',
        'leave clusters out for every cluster of the environment',
      ),
    ];
  });
}

function applicationFindings(tenant: TenantSpec, at: string): Finding[] {
  const own = tenant.namespaces.map((n) => n.name);
  return tenant.applications.flatMap((application, i) =>
    unless(
      own.includes(application.namespace),
      `${at}.applications[${i}].namespace`,
      application.namespace,
      `is not one of tenant ${tenant.name}'s namespaces: its AppProject permits no other destination, so the application could never sync`,
      `use one of ${own.join(', ')}, or add the namespace to the tenant`,
    ),
  );
}

/**
 * Each tenant namespace is a DNS label, belongs to one tenant only, is never a platform or
 * Kubernetes namespace nor a delivered workload's, names clusters that exist, and the tenant's
 * applications deliver into its own namespaces.
 */
export const specTenantNamespaces: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-namespaces',
  engine: 'spec',
  level: 'error',
  title: 'Each tenant namespace belongs to one tenant and to no platform component',
  rationale:
    "The namespace is the tenant boundary: its RoleBindings, quota and NetworkPolicies are the tenant's. A namespace shared by two tenants, " +
    'or one the platform runs in, would give a tenant admin over code that is not its own.',
  controls: { soc2: ['CC6.1', 'CC6.3'], pciDss: ['7.2.1'], iso27001: ['A.8.3'], gdpr: ['Art. 32'] },
  check: (spec) => {
    const first = firstListing(spec);
    return eachTenant(spec, (tenant, at) => [...namespaceFindings(spec, tenant, at, first), ...applicationFindings(tenant, at)]);
  },
};
