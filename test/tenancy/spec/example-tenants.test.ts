import { checkSpecs } from '../../../apps/spec/check-specs';
import { dev } from '../../../environments/dev';
import { staging } from '../../../environments/staging';
import type { EnvironmentSpec } from '../../../environments/types';
import { withTenants } from './tenant-rule-results';

const TENANT_RULES = /^spec-(production-)?tenant-/;

describe('the tenant spec rules on the example estate and the fixture', () => {
  const failures = (spec: EnvironmentSpec) =>
    checkSpecs([spec], { today: '2026-12-03', exceptions: [], supportRules: [], fleetRules: [] })
      .results.filter((r) => TENANT_RULES.test(r.rule) && r.status === 'fail')
      .map((r) => `${r.level} ${r.rule} ${r.field}`);

  it.each([
    ['dev', dev],
    ['the fixture with two tenants', withTenants()],
  ])('find nothing wrong with %s', (_name, spec) => {
    expect(failures(spec)).toEqual([]);
  });

  // Three tenant namespaces of 1 CPU each and podinfo's generated 4 CPU quota on five m6i.large
  // nodes: 7 CPU promised, about 6.7 left after the reserves. A warning outside production.
  it("warn that staging's quotas promise more CPU than its node pool reaches", () => {
    expect(failures(staging)).toEqual(['warning spec-tenant-capacity clusters[0].nodePool.maxNodes']);
  });
});
