import { Duration } from 'cdk8s';
import type { Tier } from '../../core/tier';
import type { EnvironmentClusters } from '../../kubernetes/environment-clusters';
import { tenantClusters } from '../../tenancy/tenant-placement';
import type { TenantSpec } from '../../tenancy/tenant-spec';
import type { AlertCase, AlertDefinition, MonitoringDomain, RecordingDefinition } from '../alert-definition';
import type { Severity } from '../types';
import { COST_RECORDS, costRecordings, HOURS_PER_MONTH } from './cost-allocation-recordings';
import { namespaceLabels, tenantSpending } from './cost-allocation-series';
import { pagingSeverity } from './paging-severity';

/** The budget recordings, per tenant: its monthly budget on one cluster and its projected cost over it. */
export const BUDGET_RECORDS = {
  budget: 'tenant:cost_budget_monthly:value',
  ratio: 'tenant:cost_budget:ratio',
} as const;

/** The currency of OpenCost's prices: the clouds' public list prices in US dollars. */
export const OPENCOST_CURRENCY = 'USD';

/** A projection moves slowly (a week's mean); an hour over the threshold is no blip. */
const BUDGET_FOR = Duration.hours(1);

/** The alert of thresholds below the budget, and the one of the budget itself and above. */
export const BUDGET_ALERTS = { approaching: 'TenantCostBudgetThreshold', exceeded: 'TenantCostBudgetExceeded' } as const;

/** What the cost-allocation domain reads of the environment. */
export interface CostAllocationMonitoringProps extends EnvironmentClusters {
  /** Production pages when a tenant's cost is projected past its budget; elsewhere it waits for working hours. */
  readonly tier: Tier;
  /** @default - none: no domain */
  readonly tenants?: readonly TenantSpec[];
}

/**
 * A tenant's monthly budget on each cluster it runs on: the budget split evenly over its clusters.
 * Each cluster's Prometheus sees only its own cluster, so each compares its share (README "Cost
 * allocation per tenant").
 */
export function tenantBudgetShare(environment: EnvironmentClusters, tenant: TenantSpec): number {
  const clusters = tenantClusters(environment, tenant).length;
  return tenant.budget.monthlyLimit / Math.max(clusters, 1);
}

function budgetRecordings(props: CostAllocationMonitoringProps, tenants: readonly TenantSpec[]): RecordingDefinition[] {
  const shares = tenants.map((tenant) => ({ tenant: tenant.name, share: tenantBudgetShare(props, tenant) }));
  const [first] = shares;
  if (first === undefined) throw new Error(`${props.name}: the cost-allocation domain needs at least one tenant`);
  const hourly = 1 / 8;
  return [
    {
      record: BUDGET_RECORDS.budget,
      expr: shares.map(({ tenant, share }) => `label_replace(vector(${share}), "tenant", "${tenant}", "", "")`).join(' or '),
      help: 'Each tenant’s monthly budget on this cluster: its budget (spec tenants[].budget.monthlyLimit) divided by the number of clusters it runs on.',
      cases: [
        { description: 'the share of every tenant, from the spec', series: [], at: '1m', samples: shares.map(({ tenant, share }) => ({ labels: { tenant }, value: share })) },
      ],
    },
    {
      record: BUDGET_RECORDS.ratio,
      expr: `${COST_RECORDS.tenantProjected} / on (tenant) ${BUDGET_RECORDS.budget}`,
      help: 'Each tenant’s projected monthly cost on this cluster over its budget share there (1 = the whole share).',
      cases: [
        {
          description: `${first.tenant} at a steady ${hourly} $ an hour`,
          series: tenantSpending(first.tenant, `${first.tenant}-ns`, hourly),
          at: '2h',
          samples: [{ labels: { tenant: first.tenant }, value: (hourly * HOURS_PER_MONTH) / first.share }],
        },
      ],
    },
  ];
}

/**
 * OpenCost prices in US dollars (the clouds' public list prices), so a tenant's budget the rules
 * compare with must be in dollars too.
 */
function checkBudgetCurrency(props: CostAllocationMonitoringProps, tenant: TenantSpec): void {
  if (tenant.budget.currency === OPENCOST_CURRENCY) return;
  throw new Error(
    `${props.name}: tenant ${tenant.name} budget.currency is ${tenant.budget.currency}; OpenCost prices its Kubernetes cost in ${OPENCOST_CURRENCY} ` +
      `(list prices), which the budget alerts compare with the budget: state the tenant's budget (monthlyLimit) in ${OPENCOST_CURRENCY}`,
  );
}

interface TenantThreshold {
  readonly tenant: TenantSpec;
  /** Percent of the budget. */
  readonly percent: number;
}

/** One clause per tenant and threshold, each labelled with its threshold (percent). */
function thresholdExpr(thresholds: readonly TenantThreshold[]): string {
  return thresholds
    .map(({ tenant, percent }) => `label_replace(${BUDGET_RECORDS.ratio}{tenant="${tenant.name}"} >= ${percent / 100}, "threshold", "${percent}", "", "")`)
    .join(' or ');
}

/** Series that make `tenant`'s cost on a cluster `ratio` times its share there, in a namespace of its. */
function spendingAt(props: CostAllocationMonitoringProps, tenant: TenantSpec, ratio: number, restarted = false): AlertCase['series'] {
  const hourly = (ratio * tenantBudgetShare(props, tenant)) / HOURS_PER_MONTH;
  return tenantSpending(tenant.name, tenant.namespaces[0]?.name ?? tenant.name, Number(hourly.toPrecision(8)), restarted);
}

/**
 * The cases of one alert: for each threshold of the first tenant with any, its cost just over the
 * threshold fires every threshold of this alert up to it; just under the lowest stays quiet; the
 * same cost in a namespace without the tenant label stays quiet; a restarted OpenCost still fires.
 */
function budgetCases(props: CostAllocationMonitoringProps, thresholds: readonly TenantThreshold[]): AlertDefinition['cases'] {
  const [lowest] = thresholds;
  if (lowest === undefined) throw new Error('budgetCases: no threshold');
  const tenant = lowest.tenant;
  const own = thresholds.filter((t) => t.tenant.name === tenant.name).map((t) => t.percent);
  const at = '90m';
  const firing = (ratio: number) => own.filter((percent) => percent / 100 <= ratio).map((percent) => ({ tenant: tenant.name, threshold: String(percent) }));
  const [fires, ...alsoFires]: AlertCase[] = own.map((percent) => {
    const ratio = (percent / 100) * 1.01;
    return { description: `${tenant.name} projected at ${percent + 1}% of its budget`, series: spendingAt(props, tenant, ratio), at, firing: firing(ratio) };
  });
  if (fires === undefined) throw new Error('budgetCases: no threshold');
  const under = (lowest.percent / 100) * 0.99;
  const unlabelled = spendingAt(props, tenant, 2).filter((s) => !s.series.startsWith('kube_namespace_labels'));
  return {
    fires,
    alsoFires: [
      ...alsoFires,
      {
        description: 'the node priced twice by a restarted OpenCost',
        series: spendingAt(props, tenant, (lowest.percent / 100) * 1.01, true),
        at,
        firing: firing(lowest.percent / 100),
      },
    ],
    quiet: { description: `${tenant.name} projected just under ${lowest.percent}% of its budget`, series: spendingAt(props, tenant, under), at, firing: [] },
    alsoQuiet: [
      {
        description: 'twice the budget spent in a namespace without the tenant label',
        series: [...unlabelled, namespaceLabels(tenant.namespaces[0]?.name ?? tenant.name)],
        at,
        firing: [],
      },
      { description: `over ${lowest.percent}% for less than an hour`, series: spendingAt(props, tenant, (lowest.percent / 100) * 1.01), at: '30m', firing: [] },
    ],
  };
}

function budgetAlert(props: CostAllocationMonitoringProps, name: string, severity: Severity, thresholds: readonly TenantThreshold[], meaning: string): AlertDefinition {
  return {
    name,
    expr: thresholdExpr(thresholds),
    for: BUDGET_FOR,
    severity,
    summary: `Tenant {{ $labels.tenant }} is projected to spend at least {{ $labels.threshold }}% of its monthly budget on this cluster`,
    description:
      `${meaning} The projection is the tenant's mean cost of the last 7 days on this cluster, priced by OpenCost at list prices, times ${HOURS_PER_MONTH} hours, ` +
      'against its budget divided by the clusters it runs on. The Tenant cost dashboard shows which namespace and resource grew; the tenant’s owners decide ' +
      'whether to scale down or to raise the budget in the environment spec.',
    cases: budgetCases(props, thresholds),
  };
}

/**
 * Cost allocation per tenant: OpenCost's prices summed per namespace and tenant, each tenant's
 * projected month against its budget share on the cluster, and one alert per tenant and threshold
 * (below 100%: a warning; at or above: paging in production). Undefined when the environment has
 * no tenants.
 */
export function costAllocationMonitoring(props: CostAllocationMonitoringProps): MonitoringDomain | undefined {
  const tenants = props.tenants ?? [];
  if (tenants.length === 0) return undefined;
  for (const tenant of tenants) checkBudgetCurrency(props, tenant);
  const thresholds = tenants.flatMap((tenant) => [...tenant.budget.alertThresholds].sort((a, b) => a - b).map((percent) => ({ tenant, percent })));
  const approaching = thresholds.filter((t) => t.percent < 100);
  const exceeded = thresholds.filter((t) => t.percent >= 100);
  return {
    name: 'cost-allocation',
    recordings: [...costRecordings(), ...budgetRecordings(props, tenants)],
    alerts: [
      ...(approaching.length > 0 ? [budgetAlert(props, BUDGET_ALERTS.approaching, 'warning', approaching, 'The tenant is on course to use most of its budget this month.')] : []),
      ...(exceeded.length > 0
        ? [budgetAlert(props, BUDGET_ALERTS.exceeded, pagingSeverity(props), exceeded, 'The tenant is on course to spend its whole budget, or more, this month.')]
        : []),
    ],
  };
}
