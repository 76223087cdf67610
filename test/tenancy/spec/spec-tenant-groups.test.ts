import { fixtureTenant } from '../../support/fixture-tenant';
import { failingFields, failuresOf, withTenants } from './tenant-rule-results';

const RULE = 'spec-tenant-groups';

describe(RULE, () => {
  it('accepts SSO group names, with spaces inside', () => {
    expect(failingFields(RULE, withTenants([fixtureTenant({ memberGroups: ['Payments Developers', 'acme:payments/devs'] })]))).toEqual([]);
  });

  it('rejects a tenant without an owner group', () => {
    const failures = failuresOf(RULE, withTenants([fixtureTenant({ ownerGroups: [] })]));
    expect(failures).toEqual([expect.objectContaining({ field: 'tenants[0].ownerGroups', level: 'error', problem: expect.stringMatching(/nobody would be admin/) })]);
  });

  it.each([
    ['a quote', 'team"x', /quote/],
    ['a comma', 'a,b', /comma/],
    ['a tab', 'a\tb', /tab/],
    ['a leading space', ' team', /starts or ends with a space/],
    ['a Kubernetes system group', 'system:authenticated', /system group/],
    ['an empty name', '', /empty/],
  ])('rejects a group with %s', (_what, group, problem) => {
    const failures = failuresOf(RULE, withTenants([fixtureTenant({ viewerGroups: ['ok', group] })]));
    expect(failures).toEqual([
      expect.objectContaining({ field: 'tenants[0].viewerGroups[1]', problem: expect.stringMatching(problem), fix: expect.stringMatching(/as the SSO provider sends it/) }),
    ]);
  });
});
