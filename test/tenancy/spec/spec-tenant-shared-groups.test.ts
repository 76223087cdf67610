import { fixtureTenant } from '../../support/fixture-tenant';
import { failingFields, failuresOf, withTenants } from './tenant-rule-results';

const RULE = 'spec-tenant-shared-groups';

describe(RULE, () => {
  it('accepts tenants with groups of their own', () => {
    expect(failingFields(RULE, withTenants())).toEqual([]);
  });

  it('warns about a group that two tenants name, at the second', () => {
    const spec = withTenants([fixtureTenant(), fixtureTenant({ name: 'beta', viewerGroups: ['alpha-owners'] })]);
    expect(failuresOf(RULE, spec)).toEqual([
      expect.objectContaining({ level: 'warning', field: 'tenants[1].viewerGroups[0]', value: '"alpha-owners"', problem: expect.stringMatching(/also tenant alpha's group/) }),
    ]);
  });
});
