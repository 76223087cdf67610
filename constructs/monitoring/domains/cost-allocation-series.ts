import { TENANT_LABEL } from '../../kubernetes/gitops-cdk-labels';
import { kubeStateMetricsLabel } from '../namespace-label-metrics';
import type { InputSeries } from '../types';

/**
 * Series for the cost-allocation domain's promtool cases, labelled as Prometheus stores them when
 * OpenCost's ServiceMonitor honours its labels: per-container series keep their own `namespace`,
 * `pod`, `node`; node and volume prices get OpenCost's own target labels (`namespace="opencost"`,
 * its `pod`), so a replaced OpenCost pod leaves a second series of the same node until staleness.
 */

/** Minutes of samples each case provides (one a minute): long enough for an alert's hour to pass. */
export const CASE_MINUTES = 180;

const OPENCOST_TARGET = 'job="opencost",namespace="opencost"';

function constant(value: number): string {
  return `${value}x${CASE_MINUTES}`;
}

/** A node's price of one resource as one OpenCost pod reports it (`pod` tells restarted pods apart). */
export function nodePrice(
  metric: 'node_cpu_hourly_cost' | 'node_ram_hourly_cost' | 'node_gpu_hourly_cost' | 'node_total_hourly_cost',
  node: string,
  value: number,
  pod = 'opencost-a',
): InputSeries {
  return { series: `${metric}{${OPENCOST_TARGET},pod="${pod}",node="${node}",instance="${node}"}`, values: constant(value) };
}

/** What one container is allocated on a node (OpenCost: the larger of its request and its use). */
export function containerAllocation(
  metric: 'container_cpu_allocation' | 'container_memory_allocation_bytes' | 'container_gpu_allocation',
  namespace: string,
  node: string,
  value: number,
): InputSeries {
  return { series: `${metric}{job="opencost",namespace="${namespace}",pod="${namespace}-0",container="app",node="${node}",instance="${node}"}`, values: constant(value) };
}

/** A PersistentVolumeClaim's bytes allocated to a pod, and the volume's price per GiB-hour. */
export function volumeSeries(namespace: string, volume: string, bytes: number, pricePerGibHour: number): InputSeries[] {
  return [
    {
      series: `pod_pvc_allocation{job="opencost",namespace="${namespace}",pod="${namespace}-0",persistentvolumeclaim="data",persistentvolume="${volume}"}`,
      values: constant(bytes),
    },
    { series: `pv_hourly_cost{${OPENCOST_TARGET},pod="opencost-a",volumename="${volume}",persistentvolume="${volume}"}`, values: constant(pricePerGibHour) },
  ];
}

/** A LoadBalancer Service's price per hour. */
export function loadBalancerCost(namespace: string, service: string, value: number): InputSeries {
  return { series: `kubecost_load_balancer_cost{job="opencost",namespace="${namespace}",service_name="${service}",ingress_ip="203.0.113.10"}`, values: constant(value) };
}

/** kube-state-metrics' series of a namespace, with the tenant label when it has one. */
export function namespaceLabels(namespace: string, tenant?: string): InputSeries {
  const tenantLabel = tenant === undefined ? '' : `,${kubeStateMetricsLabel(TENANT_LABEL)}="${tenant}"`;
  return { series: `kube_namespace_labels{job="kube-state-metrics",namespace="${namespace}"${tenantLabel}}`, values: constant(1) };
}

/**
 * One tenant namespace costing `hourly` per hour: one vCPU on node n1 at that price per vCPU-hour.
 * `restarted` adds the same node's price from a second OpenCost pod.
 */
export function tenantSpending(tenant: string, namespace: string, hourly: number, restarted = false): InputSeries[] {
  return [
    nodePrice('node_cpu_hourly_cost', 'n1', hourly),
    ...(restarted ? [nodePrice('node_cpu_hourly_cost', 'n1', hourly, 'opencost-b')] : []),
    containerAllocation('container_cpu_allocation', namespace, 'n1', 1),
    namespaceLabels(namespace, tenant),
  ];
}
