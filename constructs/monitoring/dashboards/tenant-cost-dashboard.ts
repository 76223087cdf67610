import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type * as gauge from '@grafana/grafana-foundation-sdk/gauge';
import type * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import type { EnvironmentClusters } from '../../kubernetes/environment-clusters';
import type { TenantSpec } from '../../tenancy/tenant-spec';
import { BUDGET_RECORDS, tenantBudgetShare } from '../domains/cost-allocation';
import { COST_RECORDS, HOURS_PER_MONTH } from '../domains/cost-allocation-recordings';
import { gitopsDashboard } from './gitops-dashboard';
import { gaugePanel, inClusters, type ThresholdStep, tablePanel, timeseriesPanel } from './panels';

/** What the tenant cost dashboard reads of an environment: its clusters and tenants. */
export interface TenantCostDashboardEnvironment extends EnvironmentClusters {
  /** @default - none: no dashboard */
  readonly tenants?: readonly TenantSpec[];
}

/**
 * The tenant's thresholds on its gauge, as in its alerts: orange from the first below 100 %, red
 * from the first at or above.
 */
export function budgetThresholdSteps(tenant: TenantSpec): ThresholdStep[] {
  return [...tenant.budget.alertThresholds].sort((a, b) => a - b).map((percent) => ({ from: percent / 100, color: percent < 100 ? 'orange' : 'red' }));
}

/** The gauge's end: a quarter beyond the highest threshold, and at least beyond the whole budget. */
function gaugeEnd(tenant: TenantSpec): number {
  return Math.max(100, ...tenant.budget.alertThresholds) * 0.0125;
}

function tenantPanels(environment: TenantCostDashboardEnvironment, tenant: TenantSpec): [gauge.PanelBuilder, timeseries.PanelBuilder] {
  const matcher = `tenant="${tenant.name}"`;
  const share = tenantBudgetShare(environment, tenant);
  return [
    gaugePanel({
      title: `${tenant.name}: projected against budget`,
      description:
        `Per cluster, ${tenant.name}’s cost of the month projected from its last 7 days over its budget there (${BUDGET_RECORDS.ratio}): ${tenant.budget.monthlyLimit} ` +
        `${tenant.budget.currency} a month split over the clusters it runs on, ${share} each. The marks are its alert thresholds (${tenant.budget.alertThresholds.join(', ')} %).`,
      queries: [{ expr: `max by (cluster) (${inClusters(BUDGET_RECORDS.ratio, matcher)})`, legend: '{{cluster}}' }],
      unit: units.PercentUnit,
      thresholds: budgetThresholdSteps(tenant),
      width: 6,
    }).max(gaugeEnd(tenant)),
    timeseriesPanel({
      title: `${tenant.name}: projected and budget per month`,
      description: `${tenant.name}’s projected monthly cost per cluster (${COST_RECORDS.tenantProjected}) against its budget share there (${BUDGET_RECORDS.budget}).`,
      queries: [
        { expr: `max by (cluster) (${inClusters(COST_RECORDS.tenantProjected, matcher)})`, legend: '{{cluster}} projected' },
        { expr: `max by (cluster) (${inClusters(BUDGET_RECORDS.budget, matcher)})`, legend: '{{cluster}} budget' },
      ],
      unit: units.Dollars,
      width: 18,
    }),
  ];
}

/**
 * Tenant cost: one row per tenant (its projected month against its budget on a gauge with its
 * thresholds, and over time), the tenants and namespaces side by side, and the cluster's nodes:
 * what they cost, what the namespaces are allocated and what stays idle. Undefined when the
 * environment has no tenants.
 */
export function tenantCostDashboard(environment: TenantCostDashboardEnvironment): dashboard.Dashboard | undefined {
  const tenants = environment.tenants ?? [];
  if (tenants.length === 0) return undefined;
  const monthly = (expr: string) => `${expr} * ${HOURS_PER_MONTH}`;
  const nodes = `sum by (cluster) (${inClusters(COST_RECORDS.clusterNodes)})`;
  const allocated = `sum by (cluster) (${inClusters(COST_RECORDS.clusterAllocated)})`;
  return gitopsDashboard(
    {
      uid: 'gitops-cdk-tenant-cost',
      title: 'Tenant cost',
      description: `What the tenants of ${environment.name} cost on each cluster, priced by OpenCost at list prices, against their budgets; and the cost of the clusters' nodes.`,
    },
    {
      clusterSource: COST_RECORDS.clusterNodes,
      sections: [
        ...tenants.map((tenant) => ({
          title: `Tenant ${tenant.name}`,
          panels: tenantPanels(environment, tenant),
        })),
        {
          title: 'Tenants and namespaces',
          panels: [
            timeseriesPanel({
              title: 'Cost per tenant (per month at the current rate)',
              description: `Each tenant’s cost per cluster at the current hourly rate times ${HOURS_PER_MONTH} (${COST_RECORDS.tenant}).`,
              queries: [{ expr: monthly(`sum by (cluster, tenant) (${inClusters(COST_RECORDS.tenant)})`), legend: '{{cluster}} {{tenant}}' }],
              unit: units.Dollars,
              stacked: true,
              width: 12,
            }),
            tablePanel({
              title: 'Cost per namespace and resource (per month at the current rate)',
              description: `Per cluster, namespace and resource (cpu, memory, gpu, storage, load-balancer), the current hourly cost times ${HOURS_PER_MONTH} (${COST_RECORDS.namespaceResource}).`,
              queries: [{ expr: monthly(`sum by (cluster, namespace, resource) (${inClusters(COST_RECORDS.namespaceResource)})`) }],
              unit: units.Dollars,
              width: 12,
            }),
          ],
        },
        {
          title: 'Cluster',
          panels: [
            timeseriesPanel({
              title: 'Node cost, allocated and idle (per month at the current rate)',
              description:
                `The cluster’s nodes (${COST_RECORDS.clusterNodes}), what the namespaces are allocated (${COST_RECORDS.clusterAllocated}, tenants and platform alike) ` +
                'and the difference, idle capacity nobody is charged for, at the current rate for a month.',
              queries: [
                { expr: monthly(nodes), legend: '{{cluster}} nodes' },
                { expr: monthly(allocated), legend: '{{cluster}} allocated' },
                { expr: monthly(`(${nodes} - ${allocated})`), legend: '{{cluster}} idle' },
              ],
              unit: units.Dollars,
              width: 24,
            }),
          ],
        },
      ],
    },
  );
}
