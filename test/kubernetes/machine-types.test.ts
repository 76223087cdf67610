import { GIB } from '../../constructs/core/kubernetes-quantity';
import { clusterAllocatable, MACHINE_TYPES, type MachineType, nodeAllocatable, PLATFORM_RESERVE } from '../../constructs/kubernetes/machine-types';

const type = (name: string): MachineType => {
  const machine = MACHINE_TYPES[name];
  if (machine === undefined) throw new Error(`${name} is not in the table`);
  return machine;
};

describe('machine types', () => {
  it('lists every machine type the estate uses, with the shape its cloud documents', () => {
    expect(Object.fromEntries(Object.entries(MACHINE_TYPES).map(([name, m]) => [name, `${m.cloud} ${m.vcpu}/${m.memoryGiB}`]))).toEqual({
      'm6i.large': 'aws 2/8',
      'm6i.xlarge': 'aws 4/16',
      'm7i.large': 'aws 2/8',
      Standard_D4s_v5: 'azure 4/16',
      Standard_D8s_v5: 'azure 8/32',
      'e2-standard-4': 'gcp 4/16',
      'n2-standard-8': 'gcp 8/32',
    });
  });

  it("reserves on EKS the AMI's tiered CPU and 255Mi + 11Mi per pod, less eviction", () => {
    const node = nodeAllocatable(type('m6i.xlarge'));
    expect(node.cpu).toBeCloseTo(4 - (0.06 + 0.01 + 0.01), 6);
    expect(node.memoryBytes).toBe(16 * GIB - (255 + 11 * 58 + 100) * 2 ** 20);
  });

  it("reserves on AKS the documented CPU table and a quarter of memory when 250 pods' share is larger", () => {
    const node = nodeAllocatable(type('Standard_D4s_v5'));
    expect(node.cpu).toBeCloseTo(4 - 0.14, 6);
    expect(node.memoryBytes).toBe(16 * GIB * 0.75 - 100 * 2 ** 20);
    expect(nodeAllocatable(type('Standard_D8s_v5')).cpu).toBeCloseTo(8 - 0.18, 6);
  });

  it('reserves on GKE the tiered memory of the node-sizing guide', () => {
    const node = nodeAllocatable(type('e2-standard-4'));
    expect(node.memoryBytes).toBeCloseTo(16 * GIB - (GIB + 0.8 * GIB + 0.8 * GIB) - 100 * 2 ** 20, 0);
    expect(node.cpu).toBeCloseTo(4 - 0.08, 6);
  });

  it('keeps the platform reserve out of what a cluster offers, per node and per cluster', () => {
    const machine = type('m6i.large');
    const node = nodeAllocatable(machine);
    const cluster = clusterAllocatable(machine, 5);
    expect(cluster.cpu).toBeCloseTo(5 * (node.cpu - PLATFORM_RESERVE.perNode.cpu) - PLATFORM_RESERVE.perCluster.cpu, 6);
    expect(cluster.memoryBytes).toBe(5 * (node.memoryBytes - PLATFORM_RESERVE.perNode.memoryBytes) - PLATFORM_RESERVE.perCluster.memoryBytes);
    expect(cluster.cpu).toBeLessThan(5 * machine.vcpu);
  });
});
