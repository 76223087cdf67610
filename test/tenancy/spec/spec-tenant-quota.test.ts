import type { TenantSpec } from '../../../environments/types';
import { fixtureTenant } from '../../support/fixture-tenant';
import { failingFields, failuresOf, withTenants } from './tenant-rule-results';

const RULE = 'spec-tenant-quota';
const base = fixtureTenant();
const quota = (change: Partial<TenantSpec['quota']>) => withTenants([fixtureTenant({ quota: { ...base.quota, ...change } })]);
const limits = (change: Partial<TenantSpec['limits']>) => withTenants([fixtureTenant({ limits: { ...base.limits, ...change } })]);

describe(RULE, () => {
  it('accepts quantities whose defaults fit the maximum and the quota', () => {
    expect(failingFields(RULE, withTenants())).toEqual([]);
    expect(failingFields(RULE, limits({ defaultLimit: { memory: '128Mi', cpu: '500m' }, max: { cpu: '1', memory: '1Gi' } }))).toEqual([]);
  });

  it('rejects quantities the API server cannot read, naming the units', () => {
    const failures = failuresOf(RULE, quota({ memory: '1GB', storage: '10 Gi' }));
    expect(failures.map((f) => f.field)).toEqual(['tenants[0].quota.memory', 'tenants[0].quota.storage']);
    expect(failures[0]).toMatchObject({ value: '"1GB"', problem: expect.stringMatching(/not a Kubernetes quantity/), fix: expect.stringMatching(/'4Gi'/) });
  });

  it('rejects a default request above the default limit, a default above the maximum, and a default request above the quota', () => {
    expect(failingFields(RULE, limits({ defaultRequest: { cpu: '50m', memory: '256Mi' } }))).toEqual(['tenants[0].limits.defaultRequest.memory']);
    expect(failingFields(RULE, limits({ defaultLimit: { memory: '128Mi', cpu: '2' }, max: { cpu: '1' } }))).toEqual(['tenants[0].limits.defaultLimit.cpu']);
    expect(failingFields(RULE, quota({ cpu: '10m' }))).toEqual(['tenants[0].limits.defaultRequest.cpu']);
  });

  it('rejects a CPU limit quota that no default CPU limit satisfies', () => {
    expect(failuresOf(RULE, quota({ cpuLimit: '2' }))).toEqual([
      expect.objectContaining({ field: 'tenants[0].quota.cpuLimit', fix: expect.stringMatching(/limits.defaultLimit.cpu/) }),
    ]);
  });

  it('rejects a pod count of 0 and a negative object count', () => {
    expect(failingFields(RULE, quota({ pods: 0, objects: { services: -1 } }))).toEqual(['tenants[0].quota.pods', 'tenants[0].quota.objects.services']);
  });
});
