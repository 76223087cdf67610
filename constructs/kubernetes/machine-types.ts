import { GIB } from '../core/kubernetes-quantity';
import type { ClusterSpec } from './cluster-spec';

const MIB = 2 ** 20;

/** One node shape of a cloud: what the machine has, and how many pods the cloud lets a node run. */
export interface MachineType {
  readonly cloud: ClusterSpec['cloud'];
  readonly vcpu: number;
  readonly memoryGiB: number;
  /**
   * Pods per node as the estate's clusters configure them: EKS VPC CNI's ENI limit for the type
   * (AWS's eni-max-pods list), AKS Azure CNI Overlay's default 250, GKE Standard's default 110.
   * The kubelet's memory reservation grows with it on EKS and AKS.
   */
  readonly maxPods: number;
}

/**
 * The machine types the estate's specs, examples and tests use, from the clouds' tables: AWS EC2
 * general purpose instances (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html), Azure
 * Dsv5 (https://learn.microsoft.com/azure/virtual-machines/dv5-dsv5-series), Google Cloud
 * general-purpose machines, standard = 4 GB per vCPU (https://cloud.google.com/compute/docs/general-purpose-machines).
 * A type not listed here is not sized: the capacity check says so (spec-tenant-capacity) and asks
 * for a line here.
 */
export const MACHINE_TYPES: Readonly<Record<string, MachineType>> = {
  'm6i.large': { cloud: 'aws', vcpu: 2, memoryGiB: 8, maxPods: 29 },
  'm6i.xlarge': { cloud: 'aws', vcpu: 4, memoryGiB: 16, maxPods: 58 },
  'm7i.large': { cloud: 'aws', vcpu: 2, memoryGiB: 8, maxPods: 29 },
  Standard_D4s_v5: { cloud: 'azure', vcpu: 4, memoryGiB: 16, maxPods: 250 },
  Standard_D8s_v5: { cloud: 'azure', vcpu: 8, memoryGiB: 32, maxPods: 250 },
  'e2-standard-4': { cloud: 'gcp', vcpu: 4, memoryGiB: 16, maxPods: 110 },
  'n2-standard-8': { cloud: 'gcp', vcpu: 8, memoryGiB: 32, maxPods: 110 },
};

/** What pods can request on one node: CPU in cores, memory in bytes. */
export interface NodeAllocatable {
  readonly cpu: number;
  readonly memoryBytes: number;
}

/** A share of successive slices of a total: `[[size, share], ...]`, the last slice open-ended. */
function tiered(total: number, tiers: readonly (readonly [number, number])[]): number {
  let left = total;
  let reserved = 0;
  for (const [size, share] of tiers) {
    const slice = Math.min(left, size);
    reserved += slice * share;
    left -= slice;
  }
  return reserved;
}

/**
 * CPU the kubelet reserves on EKS and GKE: 6% of the first core, 1% of the second, 0.5% of the
 * next two, 0.25% of the rest (EKS AMI bootstrap, awslabs/amazon-eks-ami; GKE
 * https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes).
 */
function tieredCpuReserve(vcpu: number): number {
  return tiered(vcpu, [
    [1, 0.06],
    [1, 0.01],
    [2, 0.005],
    [Number.POSITIVE_INFINITY, 0.0025],
  ]);
}

/** AKS's CPU reservation by core count, in cores (https://learn.microsoft.com/azure/aks/node-resource-reservations). */
const AKS_CPU_RESERVE: readonly (readonly [number, number])[] = [
  [1, 0.06],
  [2, 0.1],
  [4, 0.14],
  [8, 0.18],
  [16, 0.26],
  [32, 0.42],
  [64, 0.74],
];

/** Memory the kubelet holds back before eviction: `memory.available<100Mi` on all three clouds at the estate's versions. */
const EVICTION_BYTES = 100 * MIB;

/**
 * What pods can request on one node of this type: capacity less the cloud's kube-reserved and the
 * eviction threshold, per the clouds' documented formulas.
 * - EKS: CPU tiered as above; memory `255Mi + 11Mi × maxPods` (amazon-eks-ami bootstrap).
 * - AKS (1.29+): CPU from the table; memory the lesser of `20MB × maxPods + 50MB` and 25% of the
 *   memory (with Overlay's 250 pods, the 25%).
 * - GKE: CPU tiered as above; memory 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8,
 *   6% of the next 112, 2% of the rest.
 */
export function nodeAllocatable(machine: MachineType): NodeAllocatable {
  const memory = machine.memoryGiB * GIB;
  switch (machine.cloud) {
    case 'aws':
      return { cpu: machine.vcpu - tieredCpuReserve(machine.vcpu), memoryBytes: memory - (255 + 11 * machine.maxPods) * MIB - EVICTION_BYTES };
    case 'azure': {
      const cpuReserve = AKS_CPU_RESERVE.find(([cores]) => machine.vcpu <= cores)?.[1] ?? 0.74;
      const memoryReserve = Math.min(20e6 * machine.maxPods + 50e6, memory / 4);
      return { cpu: machine.vcpu - cpuReserve, memoryBytes: memory - memoryReserve - EVICTION_BYTES };
    }
    case 'gcp': {
      const memoryReserve = tiered(memory, [
        [4 * GIB, 0.25],
        [4 * GIB, 0.2],
        [8 * GIB, 0.1],
        [112 * GIB, 0.06],
        [Number.POSITIVE_INFINITY, 0.02],
      ]);
      return { cpu: machine.vcpu - tieredCpuReserve(machine.vcpu), memoryBytes: memory - memoryReserve - EVICTION_BYTES };
    }
  }
}

/**
 * What the platform's own add-ons request, kept out of what tenants may be promised. Per node:
 * the DaemonSets (the CNI and kube-proxy, node-exporter, the log shipper). Per cluster: Prometheus
 * and its operator, Alertmanager, Kyverno's controllers, policy-reporter, Velero, Sealed Secrets,
 * Argo Rollouts, the cluster-autoscaler and, on a management cluster, Argo CD. Estimates, rounded
 * up; raise them when an add-on's requests grow.
 */
export const PLATFORM_RESERVE = {
  perNode: { cpu: 0.2, memoryBytes: 256 * MIB },
  perCluster: { cpu: 2, memoryBytes: 4 * GIB },
} as const;

/** What tenants and workloads can request across a cluster at `nodes` nodes of this type, after the platform's reserve. */
export function clusterAllocatable(machine: MachineType, nodes: number): NodeAllocatable {
  const node = nodeAllocatable(machine);
  return {
    cpu: nodes * (node.cpu - PLATFORM_RESERVE.perNode.cpu) - PLATFORM_RESERVE.perCluster.cpu,
    memoryBytes: nodes * (node.memoryBytes - PLATFORM_RESERVE.perNode.memoryBytes) - PLATFORM_RESERVE.perCluster.memoryBytes,
  };
}
