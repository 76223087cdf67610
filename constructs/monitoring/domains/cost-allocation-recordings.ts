import { TENANT_LABEL } from '../../kubernetes/gitops-cdk-labels';
import type { RecordingDefinition } from '../alert-definition';
import { kubeStateMetricsLabel } from '../namespace-label-metrics';
import { containerAllocation, loadBalancerCost, namespaceLabels, nodePrice, tenantSpending, volumeSeries } from './cost-allocation-series';

/**
 * The cost-allocation recordings, in $ (OpenCost's list prices) per hour unless named monthly. Each
 * cluster's Prometheus records its own cluster only: there is no Prometheus across clusters.
 */
export const COST_RECORDS = {
  /** Per namespace and `resource` (cpu, memory, gpu, storage, load-balancer). */
  namespaceResource: 'namespace_resource:opencost_cost_hourly:sum',
  namespace: 'namespace:opencost_cost_hourly:sum',
  /** 1 per namespace carrying the tenant label, with the label `tenant`. */
  namespaceTenant: 'namespace:tenant:info',
  tenant: 'tenant:opencost_cost_hourly:sum',
  /** What every node of the cluster costs: allocated and idle. */
  clusterNodes: 'cluster:opencost_node_cost_hourly:sum',
  /** What the namespaces are allocated; the nodes' cost minus this is idle. */
  clusterAllocated: 'cluster:opencost_allocated_cost_hourly:sum',
  /** The tenant's cost per month at the mean rate of the last 7 days. */
  tenantProjected: 'tenant:opencost_cost_monthly:projected',
} as const;

/** Hours in a month as OpenCost counts them (its docs: `* 730`). */
export const HOURS_PER_MONTH = 730;

/**
 * The window the projection averages over: a week evens out weekday and weekend load and fits
 * Prometheus' retention (kube-prometheus-stack's default 10d; month-to-date sums would need 31d).
 */
const PROJECTION_WINDOW = '7d';

/** Pods of a node that count: real containers (not the pause container, not pod-level series) with a node. */
const CONTAINERS = 'container!="",container!="POD",node!=""';

/**
 * One resource's cost per namespace: the allocation times the node's price of it. A replaced
 * OpenCost pod leaves two price series per node until staleness, so the price is first reduced to
 * one per node (`max by (node)`); otherwise the join is many-to-many and the rule fails.
 */
function nodeResourceCost(allocation: string, scale: string, price: string): string {
  return `sum by (namespace) (${allocation}{${CONTAINERS}}${scale} * on (node) group_left () max by (node) (${price}))`;
}

/** The resources' costs, each labelled `resource`, as one rule (one record name, one series per namespace and resource). */
const RESOURCE_COSTS: Readonly<Record<string, string>> = {
  cpu: nodeResourceCost('container_cpu_allocation', '', 'node_cpu_hourly_cost'),
  memory: nodeResourceCost('container_memory_allocation_bytes', ' / 1024 / 1024 / 1024', 'node_ram_hourly_cost'),
  gpu: nodeResourceCost('container_gpu_allocation', '', 'node_gpu_hourly_cost'),
  storage: 'sum by (namespace) (pod_pvc_allocation / 1024 / 1024 / 1024 * on (persistentvolume) group_left () max by (persistentvolume) (pv_hourly_cost))',
  'load-balancer': 'sum by (namespace) (kubecost_load_balancer_cost)',
};

const GIB = 1024 * 1024 * 1024;

/**
 * Prices and allocations that are exact in binary floating point (promtool compares samples
 * exactly): on node n1 1/32 $ per vCPU-hour and 1/256 $ per GiB-hour, reported twice (a restarted
 * OpenCost); payments-dev has 2 vCPU, 4 GiB, 8 GiB of a volume at 1/1024 $ per GiB-hour and a load
 * balancer at 1/32 $ per hour; search-dev 1 vCPU; monitoring (no tenant) 4 vCPU.
 */
const CPU_PRICE = 1 / 32;
const RAM_PRICE = 1 / 256;
const VOLUME_PRICE = 1 / 1024;
const LB_PRICE = 1 / 32;
const NODE_PRICE = 1 / 2;
const CLUSTER_SERIES = [
  nodePrice('node_cpu_hourly_cost', 'n1', CPU_PRICE),
  nodePrice('node_cpu_hourly_cost', 'n1', CPU_PRICE, 'opencost-b'),
  nodePrice('node_ram_hourly_cost', 'n1', RAM_PRICE),
  nodePrice('node_total_hourly_cost', 'n1', NODE_PRICE),
  nodePrice('node_total_hourly_cost', 'n1', NODE_PRICE, 'opencost-b'),
  containerAllocation('container_cpu_allocation', 'payments-dev', 'n1', 2),
  containerAllocation('container_memory_allocation_bytes', 'payments-dev', 'n1', 4 * GIB),
  ...volumeSeries('payments-dev', 'pv-1', 8 * GIB, VOLUME_PRICE),
  loadBalancerCost('payments-dev', 'checkout', LB_PRICE),
  containerAllocation('container_cpu_allocation', 'search-dev', 'n1', 1),
  containerAllocation('container_cpu_allocation', 'monitoring', 'n1', 4),
  namespaceLabels('payments-dev', 'payments'),
  namespaceLabels('search-dev', 'search'),
  namespaceLabels('monitoring'),
];
const PAYMENTS = { cpu: 2 * CPU_PRICE, memory: 4 * RAM_PRICE, storage: 8 * VOLUME_PRICE, 'load-balancer': LB_PRICE };
const PAYMENTS_TOTAL = PAYMENTS.cpu + PAYMENTS.memory + PAYMENTS.storage + PAYMENTS['load-balancer'];
const SEARCH_TOTAL = CPU_PRICE;
const MONITORING_TOTAL = 4 * CPU_PRICE;

function resourceRecording(): RecordingDefinition {
  const expr = Object.entries(RESOURCE_COSTS)
    .map(([resource, cost]) => `label_replace(${cost}, "resource", "${resource}", "", "")`)
    .join(' or ');
  return {
    record: COST_RECORDS.namespaceResource,
    expr,
    help: 'What each namespace costs per hour, by resource: its containers’ CPU, memory and GPU at their node’s price, its volumes and its load balancers.',
    cases: [
      {
        description: 'CPU, memory, a volume and a load balancer, with the node priced twice by a restarted OpenCost',
        series: CLUSTER_SERIES,
        at: '10m',
        samples: [
          ...Object.entries(PAYMENTS).map(([resource, value]) => ({ labels: { namespace: 'payments-dev', resource }, value })),
          { labels: { namespace: 'search-dev', resource: 'cpu' }, value: SEARCH_TOTAL },
          { labels: { namespace: 'monitoring', resource: 'cpu' }, value: MONITORING_TOTAL },
        ],
      },
    ],
  };
}

function namespaceRecording(): RecordingDefinition {
  return {
    record: COST_RECORDS.namespace,
    expr: `sum by (namespace) (${COST_RECORDS.namespaceResource})`,
    help: 'What each namespace costs per hour, all resources.',
    cases: [
      {
        description: 'the resources of each namespace summed',
        series: CLUSTER_SERIES,
        at: '10m',
        samples: [
          { labels: { namespace: 'monitoring' }, value: MONITORING_TOTAL },
          { labels: { namespace: 'payments-dev' }, value: PAYMENTS.cpu + PAYMENTS.memory + PAYMENTS.storage + PAYMENTS['load-balancer'] },
          { labels: { namespace: 'search-dev' }, value: SEARCH_TOTAL },
        ],
      },
    ],
  };
}

function namespaceTenantRecording(): RecordingDefinition {
  const label = kubeStateMetricsLabel(TENANT_LABEL);
  return {
    record: COST_RECORDS.namespaceTenant,
    expr: `label_replace(max by (namespace, ${label}) (kube_namespace_labels{${label}!=""}), "tenant", "$1", "${label}", "(.+)")`,
    help: `1 for each namespace with the label ${TENANT_LABEL}, labelled with its tenant (kube-state-metrics exports the label).`,
    cases: [
      {
        description: 'tenant namespaces only; a namespace without the label has no tenant',
        series: CLUSTER_SERIES,
        at: '10m',
        samples: [
          { labels: { namespace: 'payments-dev', [label]: 'payments', tenant: 'payments' }, value: 1 },
          { labels: { namespace: 'search-dev', [label]: 'search', tenant: 'search' }, value: 1 },
        ],
      },
    ],
  };
}

function tenantRecording(): RecordingDefinition {
  return {
    record: COST_RECORDS.tenant,
    expr: `sum by (tenant) (${COST_RECORDS.namespace} * on (namespace) group_left (tenant) ${COST_RECORDS.namespaceTenant})`,
    help: 'What each tenant’s namespaces on this cluster cost per hour; namespaces without a tenant count for none.',
    cases: [
      {
        description: 'each tenant’s namespaces; monitoring, without a tenant, left out',
        series: CLUSTER_SERIES,
        at: '10m',
        samples: [
          { labels: { tenant: 'payments' }, value: PAYMENTS_TOTAL },
          { labels: { tenant: 'search' }, value: SEARCH_TOTAL },
        ],
      },
    ],
  };
}

function clusterRecordings(): RecordingDefinition[] {
  return [
    {
      record: COST_RECORDS.clusterNodes,
      expr: 'sum(max by (node) (node_total_hourly_cost))',
      help: 'What the cluster’s nodes cost per hour, allocated or idle.',
      cases: [{ description: 'one node reported by two OpenCost pods counts once', series: CLUSTER_SERIES, at: '10m', samples: [{ labels: {}, value: NODE_PRICE }] }],
    },
    {
      record: COST_RECORDS.clusterAllocated,
      expr: `sum(${COST_RECORDS.namespace})`,
      help: 'What the cluster’s namespaces are allocated per hour; the nodes’ cost minus this is idle.',
      cases: [
        {
          description: 'every namespace, with or without a tenant',
          series: CLUSTER_SERIES,
          at: '10m',
          samples: [{ labels: {}, value: MONITORING_TOTAL + PAYMENTS_TOTAL + SEARCH_TOTAL }],
        },
      ],
    },
  ];
}

function projectionRecording(): RecordingDefinition {
  return {
    record: COST_RECORDS.tenantProjected,
    expr: `avg_over_time(${COST_RECORDS.tenant}[${PROJECTION_WINDOW}]) * ${HOURS_PER_MONTH}`,
    help: `Each tenant’s cost per month on this cluster at its mean hourly cost of the last ${PROJECTION_WINDOW} (${HOURS_PER_MONTH} hours a month).`,
    cases: [
      {
        description: 'a steady 1/8 $ an hour',
        series: tenantSpending('payments', 'payments-dev', 1 / 8),
        at: '2h',
        samples: [{ labels: { tenant: 'payments' }, value: (1 / 8) * HOURS_PER_MONTH }],
      },
    ],
  };
}

/** What the tenants cost on the cluster, from namespaces to tenants, and what its nodes cost. */
export function costRecordings(): RecordingDefinition[] {
  return [resourceRecording(), namespaceRecording(), namespaceTenantRecording(), tenantRecording(), ...clusterRecordings(), projectionRecording()];
}
