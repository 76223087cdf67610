import { type Finding, finding } from '../../../../constructs/core/finding';
import { GIB, quantityValue } from '../../../../constructs/core/kubernetes-quantity';
import { clusterAllocatable, MACHINE_TYPES } from '../../../../constructs/kubernetes/machine-types';
import type { EnvironmentSpec } from '../../../../environments/types';
import { clustersOfNamespace } from './tenants';

/**
 * The requests Kyverno's generated `default-quota` allows in every other namespace it does not
 * exempt (policies/add-default-resource-quota.ts, catalog 1.1.0): each delivered workload's
 * namespace can ask this much. A test holds the two equal.
 */
export const GENERATED_QUOTA_REQUESTS = { cpu: '4', memory: '8Gi' } as const;

/** What the quotas on one cluster let pods request in total: CPU in cores, memory in bytes, and who asks. */
interface Demand {
  cpu: number;
  memoryBytes: number;
  readonly parts: string[];
}

/** Clusters a delivered workload runs on, by name, ignoring names spec-delivery-workloads reports. */
function workloadClusterNames(spec: EnvironmentSpec, clusters: readonly string[] | undefined): string[] {
  if (clusters !== undefined) return clusters.filter((name) => spec.clusters.some((c) => c.name === name));
  const workload = spec.clusters.filter((c) => c.role === 'workload');
  return (workload.length > 0 ? workload : spec.clusters.filter((c) => c.role === 'management')).map((c) => c.name);
}

function demands(spec: EnvironmentSpec): Map<string, Demand> {
  const byCluster = new Map(spec.clusters.map((c) => [c.name, { cpu: 0, memoryBytes: 0, parts: [] as string[] }]));
  const add = (cluster: string, cpu: string, memory: string, part: string) => {
    const demand = byCluster.get(cluster);
    if (demand === undefined) return;
    demand.cpu += quantityValue(cpu) ?? 0;
    demand.memoryBytes += quantityValue(memory) ?? 0;
    demand.parts.push(`${part} ${cpu} CPU/${memory}`);
  };
  for (const tenant of spec.tenants ?? []) {
    for (const namespace of tenant.namespaces) {
      for (const cluster of clustersOfNamespace(spec, namespace)) add(cluster.name, tenant.quota.cpu, tenant.quota.memory, `tenant ${tenant.name} namespace ${namespace.name}`);
    }
  }
  for (const workload of spec.delivery?.workloads ?? []) {
    for (const cluster of workloadClusterNames(spec, workload.clusters))
      add(cluster, GENERATED_QUOTA_REQUESTS.cpu, GENERATED_QUOTA_REQUESTS.memory, `workload namespace ${workload.namespace}`);
  }
  return byCluster;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Per cluster of an environment with tenants: the requests every tenant quota (times its
 * namespaces there) and every delivered workload's generated quota allow, against what `maxNodes`
 * nodes offer after the clouds' reservations and the platform's add-ons
 * (constructs/kubernetes/machine-types.ts). `overcommitted` are clusters whose quotas promise more
 * than the autoscaler can reach; `unknown` are machine types the table does not size.
 */
export function tenantCapacity(spec: EnvironmentSpec): { readonly overcommitted: Finding[]; readonly unknown: Finding[] } {
  if ((spec.tenants ?? []).length === 0) return { overcommitted: [], unknown: [] };
  const byCluster = demands(spec);
  const overcommitted: Finding[] = [];
  const unknown: Finding[] = [];
  spec.clusters.forEach((cluster, index) => {
    const field = `clusters[${index}].nodePool.machineType`;
    const machine = MACHINE_TYPES[cluster.nodePool.machineType];
    if (machine === undefined) {
      unknown.push(
        finding(
          field,
          cluster.nodePool.machineType,
          `is not in the machine type table, so the tenant quotas on ${cluster.name} are not checked against its capacity`,
          'add its vCPU, memory and max pods to MACHINE_TYPES in constructs/kubernetes/machine-types.ts',
        ),
      );
      return;
    }
    const demand = byCluster.get(cluster.name);
    const offer = clusterAllocatable(machine, cluster.nodePool.maxNodes);
    if (demand === undefined || (demand.cpu <= offer.cpu && demand.memoryBytes <= offer.memoryBytes)) return;
    overcommitted.push(
      finding(
        `clusters[${index}].nodePool.maxNodes`,
        cluster.nodePool.maxNodes,
        `${cluster.name}'s quotas allow requests of ${round(demand.cpu)} CPU and ${round(demand.memoryBytes / GIB)} GiB (${demand.parts.join(', ')}), ` +
          `more than ${cluster.nodePool.maxNodes} ${cluster.nodePool.machineType} nodes offer after the cloud's and the platform's reserves (${round(offer.cpu)} CPU, ${round(offer.memoryBytes / GIB)} GiB): pods within quota would stay Pending`,
        'raise maxNodes or use a larger machine type, or lower the tenant quotas (tenants[].quota.cpu and .memory)',
      ),
    );
  });
  return { overcommitted, unknown };
}
