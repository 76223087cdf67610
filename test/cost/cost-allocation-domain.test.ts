import { monitoringDomains, monitoringProps } from '../../apps/assembly/monitoring-domains';
import type { MonitoringDomain } from '../../constructs/monitoring/alert-definition';
import { BUDGET_ALERTS, BUDGET_RECORDS, costAllocationMonitoring, tenantBudgetShare } from '../../constructs/monitoring/domains/cost-allocation';
import type { EnvironmentSpec, TenantSpec } from '../../environments/types';
import { domainPromtoolFailures } from '../support/domain-promtool';
import { fixtureEnvironment } from '../support/fixture-environment';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';

function costDomain(spec: EnvironmentSpec): MonitoringDomain {
  const domain = costAllocationMonitoring(monitoringProps(spec));
  if (domain === undefined) throw new Error(`${spec.name}: no cost-allocation domain`);
  return domain;
}

/** alpha with thresholds 50, 80, 100 and 120; beta only 100; gamma on the first cluster only. */
const tenants: TenantSpec[] = [
  fixtureTenant({ budget: { monthlyLimit: 300, currency: 'USD', alertThresholds: [120, 50, 100, 80], notifyEmails: ['alpha@fixture.example'] } }),
  fixtureTenant({ name: 'beta', budget: { monthlyLimit: 40, currency: 'USD', alertThresholds: [100], notifyEmails: ['beta@fixture.example'] } }),
];
const dev = fixtureTenantEnvironment('development', tenants);
const live = fixtureTenantEnvironment('production', tenants);

describe('the cost-allocation monitoring domain', () => {
  it('exists only in an environment with tenants', () => {
    expect(monitoringDomains(fixtureEnvironment({ tier: 'development' })).map((d) => d.name)).not.toContain('cost-allocation');
    expect(monitoringDomains(dev).map((d) => d.name)).toContain('cost-allocation');
  });

  it('passes promtool: the costs per resource, namespace, tenant and cluster, each threshold firing and quiet, unlabelled namespaces and a restarted OpenCost', () => {
    expect(domainPromtoolFailures(costDomain(dev))).toBe('');
    expect(domainPromtoolFailures(costDomain(live))).toBe('');
  });

  it('records each tenant’s budget split evenly over the clusters it runs on', () => {
    const clusters = dev.clusters.map((c) => c.name);
    expect(clusters.length).toBeGreaterThan(1);
    const onFirst = fixtureTenant({ name: 'gamma', namespaces: [{ name: 'gamma', clusters: [clusters[0]!] }] });
    const spec = fixtureTenantEnvironment('development', [...tenants, onFirst]);
    expect([tenantBudgetShare(spec, tenants[0]!), tenantBudgetShare(spec, onFirst)]).toEqual([300 / clusters.length, 100]);
    const budget = costDomain(spec).recordings.find((r) => r.record === BUDGET_RECORDS.budget)!;
    expect(budget.expr).toBe(
      `label_replace(vector(${300 / clusters.length}), "tenant", "alpha", "", "") or label_replace(vector(${40 / clusters.length}), "tenant", "beta", "", "") or label_replace(vector(100), "tenant", "gamma", "", "")`,
    );
  });

  it('warns below the budget and pages at or above it in production only', () => {
    const severities = (spec: EnvironmentSpec) => Object.fromEntries(costDomain(spec).alerts.map((a) => [a.name, a.severity]));
    expect(severities(dev)).toEqual({ [BUDGET_ALERTS.approaching]: 'warning', [BUDGET_ALERTS.exceeded]: 'warning' });
    expect(severities(live)).toEqual({ [BUDGET_ALERTS.approaching]: 'warning', [BUDGET_ALERTS.exceeded]: 'critical' });
  });

  it('alerts once per tenant and threshold, each threshold of the spec in the alert its size belongs to', () => {
    const alerts = costDomain(dev).alerts;
    const clauses = (name: string) =>
      [...alerts.find((a) => a.name === name)!.expr.matchAll(/\{tenant="(\w+)"\} >= ([\d.]+), "threshold", "(\d+)"/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(clauses(BUDGET_ALERTS.approaching)).toEqual(['alpha 0.5 50', 'alpha 0.8 80']);
    expect(clauses(BUDGET_ALERTS.exceeded)).toEqual(['alpha 1 100', 'alpha 1.2 120', 'beta 1 100']);
  });

  it('has no alert of thresholds below the budget when no tenant has one', () => {
    const only100 = fixtureTenantEnvironment('development', [tenants[1]!]);
    expect(costDomain(only100).alerts.map((a) => a.name)).toEqual([BUDGET_ALERTS.exceeded]);
  });

  it('counts only namespaces labelled with a tenant, and prices each node once', () => {
    const records = Object.fromEntries(costDomain(dev).recordings.map((r) => [r.record, r.expr]));
    expect(records['namespace:tenant:info']).toContain('kube_namespace_labels{label_gitops_cdk_io_tenant!=""}');
    expect(records['namespace_resource:opencost_cost_hourly:sum']).toContain('max by (node) (node_cpu_hourly_cost)');
    expect(records['cluster:opencost_node_cost_hourly:sum']).toBe('sum(max by (node) (node_total_hourly_cost))');
  });
});

describe('the budget currency', () => {
  it('refuses a tenant budget in another currency than OpenCost’s dollars, naming environment, tenant, field and fix', () => {
    const euro = fixtureTenant({ budget: { monthlyLimit: 100, currency: 'EUR', alertThresholds: [100], notifyEmails: ['alpha@fixture.example'] } });
    const spec = fixtureTenantEnvironment('development', [euro]);
    expect(() => costAllocationMonitoring(monitoringProps(spec))).toThrow(
      `${spec.name}: tenant alpha budget.currency is EUR; OpenCost prices its Kubernetes cost in USD (list prices), which the budget alerts compare with the budget: state the tenant's budget (monthlyLimit) in USD`,
    );
  });
});
