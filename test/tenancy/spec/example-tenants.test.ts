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
    // Staging's quotas (7 CPU with podinfo's generated quota) fit six m6i.large nodes, not five.
    ['staging', staging],
    ['the fixture with two tenants', withTenants()],
  ])('find nothing wrong with %s', (_name, spec) => {
    expect(failures(spec)).toEqual([]);
  });
});
