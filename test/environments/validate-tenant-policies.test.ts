import { specPolicyCanaryCoverage } from '../../apps/spec/rules/spec-policy-canary-coverage';
import { firstTenantReadyRelease } from '../../apps/spec/rules/support/tenant-ready-catalog';
import { ENVIRONMENTS } from '../../environments';
import type { EnvironmentSpec, TenantSpec } from '../../environments/types';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';
import { expectRejected } from './spec-expectations';
import { specViolations } from './spec-violations';

const withKyverno = (spec: EnvironmentSpec, kyverno: Partial<EnvironmentSpec['kyverno']>): EnvironmentSpec => ({ ...spec, kyverno: { ...spec.kyverno, ...kyverno } });
const canaryTenants = (spec: EnvironmentSpec): readonly TenantSpec[] => (spec.tenants ?? []).filter((t) => t.policyCanary === true);

describe('spec-tenant-catalog', () => {
  it('finds the first catalog release whose default quota excludes tenant namespaces in the catalog itself', () => {
    expect(firstTenantReadyRelease()).toBe('1.3.0');
  });

  it.each(['development', 'staging', 'production'] as const)('accepts %s tenants on a catalog that leaves their quota to them', (tier) => {
    expect(specViolations(fixtureTenantEnvironment(tier))).toEqual([]);
  });

  it.each(['1.1.0', '1.2.0'])('rejects tenants on catalog %s, whose default-quota would cap them, naming the release to promote first', (catalog) => {
    const violation = expectRejected(withKyverno(fixtureTenantEnvironment('development'), { catalog }), 'kyverno.catalog', {
      value: catalog,
      fix: /promote the policy catalog to 1\.3\.0 or later first .*environments\/pins\.json.*then add the tenants/,
    });
    expect(violation.problem).toMatch(/tenants alpha, beta .*cap each tenant namespace at 4 CPU \/ 8Gi memory requests.*random defaults/);
  });

  it('accepts an older catalog while the environment has no tenants', () => {
    expect(specViolations(withKyverno(fixtureTenantEnvironment('development', []), { catalog: '1.2.0' }))).toEqual([]);
  });

  it.each(ENVIRONMENTS.filter((spec) => (spec.tenants ?? []).length > 0).map((spec) => [spec.name, spec] as const))(
    'holds for the example environment %s, which has tenants',
    (_name, spec) => {
      expect(spec.kyverno.catalog).toBe('1.3.0');
    },
  );
});

describe('spec-tenant-policy-canary', () => {
  it.each(['development', 'production'] as const)('rejects a policy canary tenant in %s, whose Kyverno mode renders no canary', (tier) => {
    const spec = fixtureTenantEnvironment(tier, [fixtureTenant(), fixtureTenant({ name: 'beta', policyCanary: true })]);
    const violation = expectRejected(spec, 'tenants[1].policyCanary', { value: true, fix: /remove policyCanary from tenant beta/ });
    expect(violation.problem).toMatch(/policy\.gitops-cdk\.io\/canary=true, but Kyverno mode is (audit|enforce).*no effect/);
  });

  it('accepts a policy canary tenant in canary mode', () => {
    expect(specViolations(fixtureTenantEnvironment('staging', [fixtureTenant({ policyCanary: true })]))).toEqual([]);
  });
});

describe('spec-policy-canary-coverage', () => {
  it('is a warning: revisions enforce nowhere, but nothing breaks', () => {
    expect(specPolicyCanaryCoverage.level).toBe('warning');
  });

  it('warns when revisions are under canary and no tenant is a canary, naming them', () => {
    const spec = withKyverno(fixtureTenantEnvironment('staging'), { catalog: '1.3.0', canaryPassed: '1.1.0' });
    const [warning, ...others] = specPolicyCanaryCoverage.check(spec);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ field: 'tenants', value: ['alpha', 'beta'] });
    expect(warning?.problem).toMatch(/require-labels@1\.2\.0.*verify-image-signatures@1\.2\.0.*the new revisions enforce nowhere/);
    // Generate rules carry no failure action: the 1.3.0 quota revision is not canaried.
    expect(warning?.problem).not.toMatch(/add-default-resource-quota/);
    expect(warning?.fix).toMatch(/set policyCanary: true on one or more tenants/);
  });

  it('is quiet without tenants: canary namespaces are then labelled outside the spec', () => {
    expect(specPolicyCanaryCoverage.check(withKyverno(fixtureTenantEnvironment('staging', []), { catalog: '1.3.0', canaryPassed: '1.1.0' }))).toEqual([]);
  });

  it('is quiet with a canary tenant, when every revision passed, and outside canary mode', () => {
    const staging = withKyverno(fixtureTenantEnvironment('staging'), { catalog: '1.3.0', canaryPassed: '1.1.0' });
    expect(specPolicyCanaryCoverage.check({ ...staging, tenants: [fixtureTenant({ policyCanary: true })] })).toEqual([]);
    expect(specPolicyCanaryCoverage.check(withKyverno(staging, { canaryPassed: '1.2.0' }))).toEqual([]);
    expect(specPolicyCanaryCoverage.check(fixtureTenantEnvironment('development'))).toEqual([]);
  });

  it.each(ENVIRONMENTS.filter((spec) => spec.kyverno.mode === 'canary').map((spec) => [spec.name, spec] as const))(
    'holds for the example canary environment %s: it names a canary tenant',
    (_name, spec) => {
      expect(specPolicyCanaryCoverage.check(spec)).toEqual([]);
      expect(canaryTenants(spec).length).toBeGreaterThan(0);
    },
  );
});
