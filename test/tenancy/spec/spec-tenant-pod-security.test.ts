import { fixtureTenant } from '../../support/fixture-tenant';
import { failingFields, failuresOf, withTenants } from './tenant-rule-results';

const RULE = 'spec-tenant-pod-security';

describe(RULE, () => {
  it('accepts restricted, stated or by default', () => {
    expect(failingFields(RULE, withTenants([fixtureTenant(), fixtureTenant({ name: 'beta', podSecurity: 'restricted' })]))).toEqual([]);
  });

  it("warns that baseline admits pods Kyverno's restricted policy refuses", () => {
    expect(failuresOf(RULE, withTenants([fixtureTenant({ podSecurity: 'baseline' })]))).toEqual([
      expect.objectContaining({ level: 'warning', field: 'tenants[0].podSecurity', value: '"baseline"', fix: expect.stringMatching(/PolicyException/) }),
    ]);
  });
});
