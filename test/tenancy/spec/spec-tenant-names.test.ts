import { fixtureTenant } from '../../support/fixture-tenant';
import { failingFields, failuresOf, withTenants } from './tenant-rule-results';

const RULE = 'spec-tenant-names';

describe(RULE, () => {
  it('accepts distinct DNS-label names', () => {
    expect(failingFields(RULE, withTenants())).toEqual([]);
  });

  it('rejects a tenant name that is not a DNS label, and two tenants of one name', () => {
    const spec = withTenants([fixtureTenant(), fixtureTenant({ name: 'Beta_Team' }), fixtureTenant()]);
    const failures = failuresOf(RULE, spec);
    expect(failures.map((f) => f.field)).toEqual(['tenants[1].name', 'tenants[2].name']);
    expect(failures[0]).toMatchObject({
      environment: spec.name,
      path: expect.stringMatching(/^environments\//),
      value: '"Beta_Team"',
      problem: expect.stringMatching(/not a DNS label/),
    });
    expect(failures[1]).toMatchObject({ problem: expect.stringMatching(/another tenant has this name/), fix: expect.stringMatching(/its own name/) });
  });

  it('rejects two applications or two egress destinations of one name in a tenant', () => {
    const base = fixtureTenant();
    const tenant = fixtureTenant({
      applications: [base.applications[0]!, { ...base.applications[0]!, path: 'other' }],
      egress: [
        { name: 'partner', cidr: '198.51.100.0/24', ports: [{ port: 443 }] },
        { name: 'partner', cidr: '203.0.113.0/24', ports: [{ port: 443 }] },
        { name: 'Bad.Name', cidr: '203.0.113.0/24', ports: [{ port: 443 }] },
      ],
    });
    expect(failingFields(RULE, withTenants([tenant]))).toEqual(['tenants[0].applications[1].name', 'tenants[0].egress[1].name', 'tenants[0].egress[2].name']);
  });
});
