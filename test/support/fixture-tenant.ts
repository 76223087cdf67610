import { firstTenantReadyRelease } from '../../apps/spec/rules/support/tenant-ready-catalog';
import type { EnvironmentSpec, TenantSpec, Tier } from '../../environments/types';
import { fixtureEnvironment } from './fixture-environment';

export const FIXTURE_TENANT_REPOSITORY = 'https://git.fixture.example/teams/alpha-deploy.git';

/**
 * A tenant valid in every tier (a pinned tag: production requires one), built without the example
 * estate's tenants. `name` renames the tenant, its namespace, groups and application; other
 * overrides replace whole top-level fields.
 */
export function fixtureTenant(overrides: Partial<TenantSpec> = {}): TenantSpec {
  const name = overrides.name ?? 'alpha';
  return {
    name,
    description: `Team ${name}`,
    ownerGroups: [`${name}-owners`],
    memberGroups: [`${name}-members`],
    viewerGroups: [`${name}-viewers`],
    namespaces: [{ name }],
    quota: { cpu: '1', memory: '1Gi', memoryLimit: '2Gi', pods: 10, storage: '10Gi', objects: { services: 5, 'services.loadbalancers': 0 } },
    limits: { defaultRequest: { cpu: '50m', memory: '64Mi' }, defaultLimit: { memory: '128Mi' } },
    egress: [{ name: 'partner', cidr: '198.51.100.0/24', ports: [{ port: 443 }] }],
    applications: [{ name: 'app', repoUrl: FIXTURE_TENANT_REPOSITORY.replace('alpha', name), revision: 'v1.0.0', path: 'deploy', namespace: name }],
    costCentre: `cc-${name}`,
    budget: { monthlyLimit: 100, currency: 'USD', alertThresholds: [80, 100], notifyEmails: [`${name}@fixture.example`] },
    ...overrides,
  };
}

/**
 * The fixture environment of `tier` with `tenants` (tenants alpha and beta by default), on the first
 * catalog release whose default quota leaves tenant namespaces alone (spec-tenant-catalog requires it).
 */
export function fixtureTenantEnvironment(tier: Tier, tenants: readonly TenantSpec[] = [fixtureTenant(), fixtureTenant({ name: 'beta' })]): EnvironmentSpec {
  const environment = fixtureEnvironment({ tier, tenants });
  const catalog = firstTenantReadyRelease();
  if (catalog === undefined) throw new Error('no catalog release excludes tenant namespaces from the default quota');
  return { ...environment, kyverno: { ...environment.kyverno, catalog } };
}
