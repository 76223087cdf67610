import { k8sTenantNamespaceIsolation as rule } from '../../../constructs/rules/kubernetes/k8s-tenant-namespace-isolation';
import type { KubeManifest, RenderedObject } from '../../../constructs/synth/kube-manifest';
import { fixtureTenant } from '../../support/fixture-tenant';
import { renderTenant } from '../../tenancy/render-tenant';
import { expectAccepted, expectRejected, rendered } from './fixtures';

const { environment, manifests } = renderTenant(fixtureTenant());
const tenantObjects = (): RenderedObject[] => manifests.map((manifest, i) => rendered(`tenant/object-${i}`, manifest));
const without = (kind: string, name?: string): RenderedObject[] =>
  tenantObjects().filter((o) => !(o.manifest.kind === kind && (name === undefined || o.manifest.metadata.name === name)));
const namespaceObject = (objects: readonly RenderedObject[]): RenderedObject => objects.find((o) => o.manifest.kind === 'Namespace') as RenderedObject;
const others = (objects: readonly RenderedObject[]): RenderedObject[] => objects.filter((o) => o.manifest.kind !== 'Namespace');

function object(manifest: Record<string, unknown>): RenderedObject {
  return rendered('tenant/extra', manifest as unknown as KubeManifest);
}

describe('k8s-tenant-namespace-isolation', () => {
  it('accepts what the Tenant construct renders, and namespaces without the tenant label', () => {
    expectAccepted(rule, tenantObjects(), environment);
    expectAccepted(rule, [object({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kyverno' } })], environment);
  });

  it.each([
    ['ResourceQuota', /no ResourceQuota/, /tenant-quota/],
    ['LimitRange', /no LimitRange/, /tenant-limits/],
  ])('rejects a tenant namespace without a %s', (kind, problem, fix) => {
    const objects = without(kind);
    expectRejected(rule, namespaceObject(objects), environment, [{ field: 'metadata.name', value: '"alpha"', problem, fix }], others(objects));
  });

  it('rejects a tenant namespace whose NetworkPolicies do not deny all', () => {
    const objects = without('NetworkPolicy', 'tenant-default-deny');
    expectRejected(
      rule,
      namespaceObject(objects),
      environment,
      [{ field: 'metadata.name', value: '"alpha"', problem: /no NetworkPolicy denying all ingress and egress/, fix: /tenant-default-deny/ }],
      others(objects),
    );
    const leaky = object({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'tenant-default-deny', namespace: 'alpha' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 53 }] }] },
    });
    expectRejected(rule, namespaceObject(objects), environment, [{ field: 'metadata.name', problem: /denying all/, fix: /tenant-default-deny/ }], [...others(objects), leaky]);
  });

  it.each([
    ['v1', 'ResourceQuota', 'default-quota', /tenant-quota/],
    ['v1', 'LimitRange', 'default-limits', /tenant-limits/],
    ['networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', /tenant-default-deny/],
  ])('rejects a %s %s named as Kyverno generates it in a tenant namespace', (apiVersion, kind, name, fix) => {
    const generated = object({ apiVersion: `${apiVersion}`, kind, metadata: { name, namespace: 'alpha' }, spec: {} });
    expectRejected(rule, generated, environment, [{ field: 'metadata.name', value: JSON.stringify(name), problem: /Kyverno generates/, fix }], tenantObjects());
    expectAccepted(rule, [object({ apiVersion, kind, metadata: { name, namespace: 'podinfo' }, spec: {} })], environment);
  });

  it('rejects a RoleBinding in a tenant namespace to another role or of a service account', () => {
    const binding = object({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'extra', namespace: 'alpha' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'alpha-owners' },
        { kind: 'ServiceAccount', name: 'app', namespace: 'alpha' },
      ],
    });
    expectRejected(
      rule,
      binding,
      environment,
      [
        { field: 'roleRef', value: '"ClusterRole/cluster-admin"', problem: /other than the built-in admin, edit or view/, fix: /ownerGroups to admin/ },
        { field: 'subjects[1]', value: '"ServiceAccount/app"', problem: /binds a ServiceAccount/, fix: /tenant spec/ },
      ],
      tenantObjects(),
    );
  });

  it("rejects a ClusterRoleBinding of a tenant namespace's service account, not of a platform one", () => {
    const clusterBinding = (namespace: string) =>
      object({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `reader-${namespace}` },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name: 'app', namespace }],
      });
    expectRejected(
      rule,
      clusterBinding('alpha'),
      environment,
      [{ field: 'subjects[0]', value: '"ServiceAccount/alpha/app"', problem: /rights across the cluster/, fix: /own namespaces/ }],
      tenantObjects(),
    );
    expectAccepted(rule, [clusterBinding('monitoring'), ...tenantObjects()], environment);
  });
});
