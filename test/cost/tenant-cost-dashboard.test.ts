import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { gitopsDashboards } from '../../constructs/monitoring/dashboards/grafana-dashboards';
import { tenantCostDashboard } from '../../constructs/monitoring/dashboards/tenant-cost-dashboard';
import { fixtureEnvironment } from '../support/fixture-environment';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';

const alpha = fixtureTenant({ budget: { monthlyLimit: 300, currency: 'USD', alertThresholds: [100, 50, 120], notifyEmails: ['alpha@fixture.example'] } });
const spec = fixtureTenantEnvironment('staging', [alpha, fixtureTenant({ name: 'beta' })]);

function model(): dashboard.Dashboard {
  const built = tenantCostDashboard(spec);
  if (built === undefined) throw new Error('no tenant cost dashboard');
  return built;
}

function panels(): dashboard.Panel[] {
  return (model().panels ?? []).filter((p) => p.type !== 'row') as dashboard.Panel[];
}

function panel(title: string): dashboard.Panel {
  const found = panels().find((p) => p.title === title);
  if (found === undefined) throw new Error(`no panel ${title}`);
  return found;
}

function exprs(p: dashboard.Panel): string[] {
  return (p.targets ?? []).map((t) => (t as unknown as { expr: string }).expr);
}

describe('the tenant cost dashboard', () => {
  it('is one of the gitops-cdk dashboards where there are tenants, and only there', () => {
    expect(gitopsDashboards(spec).map((d) => d.uid)).toContain('gitops-cdk-tenant-cost');
    expect(gitopsDashboards(fixtureEnvironment({ tier: 'staging' })).map((d) => d.uid)).not.toContain('gitops-cdk-tenant-cost');
  });

  it('has a row per tenant, then the tenants and namespaces, then the cluster', () => {
    const rows = (model().panels ?? []).filter((p) => p.type === 'row').map((p) => p.title);
    expect(rows).toEqual(['Tenant alpha', 'Tenant beta', 'Tenants and namespaces', 'Cluster']);
  });

  it('shows each tenant’s projection over its budget on a gauge marked at its own thresholds', () => {
    const gauge = panel('alpha: projected against budget');
    expect(gauge.type).toBe('gauge');
    expect(exprs(gauge)).toEqual(['max by (cluster) (tenant:cost_budget:ratio{cluster=~"$cluster",tenant="alpha"})']);
    expect((gauge.fieldConfig?.defaults.thresholds?.steps ?? []).map((s) => [s.value, s.color])).toEqual([
      [null, 'green'],
      [0.5, 'orange'],
      [1, 'red'],
      [1.2, 'red'],
    ]);
    expect(gauge.fieldConfig?.defaults.max).toBe(1.5);
    expect(gauge.description).toContain(`300 USD a month split over the clusters it runs on, ${300 / spec.clusters.length} each`);
  });

  it('draws each tenant’s projected month against its budget share over time', () => {
    expect(exprs(panel('beta: projected and budget per month'))).toEqual([
      'max by (cluster) (tenant:opencost_cost_monthly:projected{cluster=~"$cluster",tenant="beta"})',
      'max by (cluster) (tenant:cost_budget_monthly:value{cluster=~"$cluster",tenant="beta"})',
    ]);
  });

  it('shows what the nodes cost, what is allocated and what is idle', () => {
    const nodes = 'sum by (cluster) (cluster:opencost_node_cost_hourly:sum{cluster=~"$cluster"})';
    const allocated = 'sum by (cluster) (cluster:opencost_allocated_cost_hourly:sum{cluster=~"$cluster"})';
    expect(exprs(panel('Node cost, allocated and idle (per month at the current rate)'))).toEqual([`${nodes} * 730`, `${allocated} * 730`, `(${nodes} - ${allocated}) * 730`]);
  });
});
