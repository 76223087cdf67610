import { GENERATED_QUOTA_REQUESTS } from '../../../apps/spec/rules/support/tenant-capacity';
import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { addDefaultResourceQuota } from '../../../policies/add-default-resource-quota';
import { fixtureTenant } from '../../support/fixture-tenant';
import { fixtureWorkload } from '../../support/fixture-workload';
import { failuresOf, withTenants } from './tenant-rule-results';

const WARNING = 'spec-tenant-capacity';
const ERROR = 'spec-production-tenant-capacity';
const big = (name: string) => fixtureTenant({ name, quota: { ...fixtureTenant().quota, cpu: '8', memory: '8Gi' } });

function withNodePool(spec: EnvironmentSpec, nodePool: ClusterSpec['nodePool']): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((c) => ({ ...c, nodePool }) as ClusterSpec) };
}

describe('spec-tenant-capacity and spec-production-tenant-capacity', () => {
  it('accept quotas the node pools can reach', () => {
    for (const tier of ['staging', 'production'] as const) {
      const spec = withTenants(undefined, tier);
      expect([...failuresOf(WARNING, spec), ...failuresOf(ERROR, spec)]).toEqual([]);
    }
  });

  it('warn outside production when the quotas, with the workload namespaces, outgrow maxNodes after the reserves', () => {
    const spec = withNodePool(withTenants([big('alpha'), big('beta')], 'staging', { delivery: { workloads: [fixtureWorkload()] } }), {
      machineType: 'm6i.large',
      minNodes: 1,
      maxNodes: 5,
    });
    const [finding, ...rest] = failuresOf(WARNING, spec);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      level: 'warning',
      field: 'clusters[0].nodePool.maxNodes',
      value: '5',
      problem: expect.stringMatching(
        /requests of 20 CPU .*tenant alpha namespace alpha 8 CPU\/8Gi, tenant beta namespace beta 8 CPU\/8Gi, workload namespace echo 4 CPU\/8Gi.*5 m6i.large nodes/,
      ),
      fix: expect.stringMatching(/raise maxNodes/),
    });
    expect(failuresOf(ERROR, spec)).toEqual([]);
  });

  it('refuse the same in production, where the warning stays silent', () => {
    const spec = withNodePool(withTenants([big('alpha'), big('beta')], 'production'), { machineType: 'm6i.large', minNodes: 1, maxNodes: 3 });
    expect(failuresOf(ERROR, spec).map((f) => `${f.level} ${f.field}`)).toEqual(['error clusters[0].nodePool.maxNodes', 'error clusters[1].nodePool.maxNodes']);
    expect(failuresOf(WARNING, spec)).toEqual([]);
  });

  it('warn, in every tier, about a machine type the table does not size', () => {
    const spec = withNodePool(withTenants(undefined, 'production'), { machineType: 'c7g.large', minNodes: 1, maxNodes: 3 });
    expect(failuresOf(WARNING, spec)).toEqual([
      expect.objectContaining({
        level: 'warning',
        field: 'clusters[0].nodePool.machineType',
        value: '"c7g.large"',
        fix: expect.stringMatching(/constructs\/kubernetes\/machine-types.ts/),
      }),
      expect.objectContaining({ field: 'clusters[1].nodePool.machineType' }),
    ]);
  });

  it('count a workload namespace at the requests of the quota Kyverno generates for it', () => {
    const produced = addDefaultResourceQuota.cases.map((c) => c.produces).find((p) => p?.kind === 'ResourceQuota') as { spec: { hard: Record<string, string> } } | undefined;
    expect(produced?.spec.hard).toMatchObject({ 'requests.cpu': GENERATED_QUOTA_REQUESTS.cpu, 'requests.memory': GENERATED_QUOTA_REQUESTS.memory });
  });
});
