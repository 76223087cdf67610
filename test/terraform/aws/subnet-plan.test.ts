import { cidrSubnet, subnetPlan, ZONE_COUNT } from '../../../constructs/terraform/aws/subnet-plan';
import { EKS_CASES } from './aws-test-helpers';

/** [first address, last address] of a CIDR as numbers. */
function range(cidr: string): [number, number] {
  const [address, prefix] = cidr.split('/');
  const start = address!.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  return [start, start + 2 ** (32 - Number(prefix)) - 1];
}

describe('cidrSubnet', () => {
  it('computes what Terraform cidrsubnet computes', () => {
    // Values from `terraform console`.
    expect(cidrSubnet('10.20.0.0/16', 2, 0)).toBe('10.20.0.0/18');
    expect(cidrSubnet('10.20.0.0/16', 2, 3)).toBe('10.20.192.0/18');
    expect(cidrSubnet('10.20.0.0/16', 6, 50)).toBe('10.20.200.0/22');
    expect(cidrSubnet('172.16.0.0/12', 4, 15)).toBe('172.31.0.0/16');
    expect(cidrSubnet('10.0.0.0/8', 0, 0)).toBe('10.0.0.0/8');
  });

  it('rejects a subnet number that does not fit', () => {
    expect(() => cidrSubnet('10.20.0.0/16', 2, 4)).toThrow(/subnet 4 does not exist/);
    expect(() => cidrSubnet('10.20.0.0/30', 4, 0)).toThrow(/no room/);
  });

  it('rejects an address with host bits set', () => {
    expect(() => cidrSubnet('10.20.1.0/16', 2, 0)).toThrow(/not a network address/);
  });
});

describe('subnetPlan', () => {
  it('gives a /16 three private /18 and three public /22 subnets', () => {
    expect(subnetPlan('10.20.0.0/16')).toEqual({
      private: ['10.20.0.0/18', '10.20.64.0/18', '10.20.128.0/18'],
      public: ['10.20.192.0/22', '10.20.196.0/22', '10.20.200.0/22'],
    });
  });

  it('gives a /20 private /22 subnets', () => {
    expect(subnetPlan('10.40.16.0/20').private).toEqual(['10.40.16.0/22', '10.40.20.0/22', '10.40.24.0/22']);
  });

  it.each(EKS_CASES)('fits %s: subnets inside the network, disjoint, one of each per zone', (_name, _spec, cluster) => {
    const plan = subnetPlan(cluster.networkCidr);
    const all = [...plan.private, ...plan.public].map(range);
    const [first, last] = range(cluster.networkCidr);
    expect(plan.private).toHaveLength(ZONE_COUNT);
    expect(plan.public).toHaveLength(ZONE_COUNT);
    for (const [start, end] of all) expect(start >= first && end <= last).toBe(true);
    const sorted = [...all].sort((a, b) => a[0] - b[0]);
    for (const [i, [start]] of sorted.slice(1).entries()) expect(start).toBeGreaterThan(sorted[i]![1]);
  });

  it('rejects networks wider than a VPC or too narrow for pods', () => {
    expect(() => subnetPlan('10.0.0.0/8')).toThrow(/between \/16 and \/20/);
    expect(() => subnetPlan('10.20.0.0/24')).toThrow(/between \/16 and \/20/);
    expect(() => subnetPlan('not-a-cidr')).toThrow(/not an IPv4 CIDR/);
  });
});
