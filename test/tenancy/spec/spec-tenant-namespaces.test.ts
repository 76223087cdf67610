import { fixtureTenant } from '../../support/fixture-tenant';
import { fixtureWorkload } from '../../support/fixture-workload';
import { failingFields, failuresOf, withTenants } from './tenant-rule-results';

const RULE = 'spec-tenant-namespaces';

describe(RULE, () => {
  it("accepts each tenant's own namespaces", () => {
    expect(failingFields(RULE, withTenants())).toEqual([]);
  });

  it('rejects a namespace of another tenant, and one listed twice by the same tenant', () => {
    const spec = withTenants([
      fixtureTenant({ namespaces: [{ name: 'alpha' }, { name: 'alpha' }] }),
      fixtureTenant({ name: 'beta', namespaces: [{ name: 'beta' }, { name: 'alpha' }] }),
    ]);
    const failures = failuresOf(RULE, spec);
    expect(failures.map((f) => `${f.field} ${f.problem}`)).toEqual([
      expect.stringMatching(/^tenants\[0\]\.namespaces\[1\]\.name is listed twice by tenant alpha/),
      expect.stringMatching(/^tenants\[1\]\.namespaces\[1\]\.name is already tenant alpha's \(tenants\[0\]\.namespaces\[0\]\)/),
    ]);
  });

  it.each(['kube-system', 'default', 'argocd', 'kyverno', 'monitoring', 'kube-node-lease'])('rejects the platform or Kubernetes namespace %s', (name) => {
    const spec = withTenants([fixtureTenant({ namespaces: [{ name: 'alpha' }, { name }] })]);
    expect(failuresOf(RULE, spec)).toEqual([
      expect.objectContaining({ field: 'tenants[0].namespaces[1].name', value: JSON.stringify(name), problem: expect.stringMatching(/platform or Kubernetes namespace/) }),
    ]);
  });

  it("rejects a delivered workload's namespace and a namespace name Kubernetes refuses", () => {
    const workload = fixtureWorkload();
    const spec = withTenants([fixtureTenant({ namespaces: [{ name: 'alpha' }, { name: workload.namespace }, { name: 'Alpha' }] })], 'staging', {
      delivery: { workloads: [workload] },
    });
    expect(failingFields(RULE, spec)).toEqual(['tenants[0].namespaces[1].name', 'tenants[0].namespaces[2].name']);
  });

  it('rejects clusters that do not exist, an empty cluster list, and an application outside the tenant', () => {
    const base = fixtureTenant();
    const tenant = fixtureTenant({
      namespaces: [
        { name: 'alpha', clusters: ['nowhere'] },
        { name: 'alpha-2', clusters: [] },
      ],
      applications: [{ ...base.applications[0]!, namespace: 'beta' }],
    });
    const failures = failuresOf(RULE, withTenants([tenant]));
    expect(failures.map((f) => f.field)).toEqual(['tenants[0].namespaces[0].clusters[0]', 'tenants[0].namespaces[1].clusters', 'tenants[0].applications[0].namespace']);
    expect(failures[2]?.fix).toMatch(/use one of alpha, alpha-2/);
  });
});
