import { specTenantApplications } from '../../apps/spec/rules/spec-tenant-applications';
import { ENVIRONMENTS } from '../../environments';
import type { TenantApplicationSpec, Tier } from '../../environments/types';
import { specViolations } from '../environments/spec-violations';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';

const APP: TenantApplicationSpec = { name: 'web', repoUrl: 'https://git.fixture.example/teams/alpha-deploy.git', revision: 'v1.0.0', path: 'deploy', namespace: 'alpha' };

function check(tier: Tier, application: Partial<TenantApplicationSpec>) {
  return specTenantApplications.check(fixtureTenantEnvironment(tier, [fixtureTenant({ applications: [{ ...APP, ...application }] })]));
}

describe('spec-tenant-applications', () => {
  it('accepts the fixture tenants in every tier and the reference environments', () => {
    for (const tier of ['development', 'staging', 'production'] as const) expect(check(tier, {})).toEqual([]);
    expect(ENVIRONMENTS.flatMap((spec) => specTenantApplications.check(spec))).toEqual([]);
    expect(check('staging', { revision: 'main', path: 'deploy/staging/api' })).toEqual([]);
  });

  it.each(['http://git.fixture.example/teams/alpha.git', 'git@github.com:acme/alpha.git', ''])('refuses repository %j', (repoUrl) => {
    expect(check('staging', { repoUrl })).toEqual([
      expect.objectContaining({ field: 'tenants[0].applications[0].repoUrl', problem: expect.stringContaining('must be an https:// clone URL') }),
    ]);
  });

  it("refuses the platform's repository however it is spelt", () => {
    const platform = fixtureTenantEnvironment('staging').gitops.repoUrl;
    for (const repoUrl of [platform, platform.replace(/\.git$/, ''), platform.toUpperCase().replace('HTTPS', 'https')]) {
      expect(check('staging', { repoUrl })).toEqual([
        expect.objectContaining({ field: 'tenants[0].applications[0].repoUrl', problem: expect.stringContaining("the platform's GitOps repository") }),
      ]);
    }
  });

  it.each(['/deploy', '../platform', 'deploy/../../x', ''])('refuses path %j', (path) => {
    expect(check('development', { path })).toEqual([expect.objectContaining({ field: 'tenants[0].applications[0].path', fix: expect.stringContaining('repository root') })]);
  });

  it('refuses an empty revision, and a branch in production only', () => {
    expect(check('development', { revision: '' })).toEqual([
      expect.objectContaining({ field: 'tenants[0].applications[0].revision', problem: expect.stringContaining('names no revision') }),
    ]);
    expect(check('staging', { revision: 'main' })).toEqual([]);
    expect(check('production', { revision: 'main' })).toEqual([
      {
        field: 'tenants[0].applications[0].revision',
        value: 'main',
        problem: 'tenant alpha application web: production follows a moving revision (a branch or HEAD), which deploys every merge unreviewed',
        fix: 'pin a release tag (v1.2.3) or a full commit SHA, as k8s-prod-pinned-revisions requires of every production source',
      },
    ]);
    expect(check('production', { revision: 'a'.repeat(40) })).toEqual([]);
  });

  it("refuses a namespace that is not the tenant's", () => {
    expect(check('staging', { namespace: 'kyverno' })).toEqual([
      expect.objectContaining({ field: 'tenants[0].applications[0].namespace', problem: expect.stringContaining('(alpha)') }),
    ]);
  });

  it('runs with the spec checks, naming environment, field and value', () => {
    const spec = fixtureTenantEnvironment('production', [fixtureTenant({ applications: [{ ...APP, revision: 'main' }] })]);
    expect(specViolations(spec).map((v) => [v.environment, v.field, v.value])).toEqual([[spec.name, 'tenants[0].applications[0].revision', '"main"']]);
  });

  it('refuses two applications of one ApplicationSet name', () => {
    const twice = fixtureTenant({ applications: [APP, { ...APP, path: 'other' }] });
    const clash = [
      fixtureTenant({ name: 'a', applications: [{ ...APP, name: 'b-c', namespace: 'a' }] }),
      fixtureTenant({ name: 'a-b', applications: [{ ...APP, name: 'c', namespace: 'a-b' }] }),
    ];
    expect(specTenantApplications.check(fixtureTenantEnvironment('staging', [twice]))).toEqual([
      expect.objectContaining({
        field: 'tenants[0].applications[1].name',
        problem: "tenant alpha: its ApplicationSet alpha-web has the name of tenants[0].applications[0]'s: one would replace the other",
      }),
    ]);
    expect(specTenantApplications.check(fixtureTenantEnvironment('staging', clash))).toEqual([expect.objectContaining({ field: 'tenants[1].applications[0].name' })]);
  });
});
