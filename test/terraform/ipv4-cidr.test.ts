import { Ipv4Cidr } from '../../constructs/terraform/ipv4-cidr';

describe('Ipv4Cidr', () => {
  it('carves the n-th subnet like Terraform cidrsubnet()', () => {
    const network = Ipv4Cidr.parse('10.10.0.0/16');
    expect(network.subnet(4, 0).toString()).toBe('10.10.0.0/20');
    expect(network.subnet(4, 1).toString()).toBe('10.10.16.0/20');
    expect(Ipv4Cidr.parse('172.16.32.0/20').subnet(4, 15).toString()).toBe('172.16.47.0/24');
  });

  it('detects overlapping ranges in both directions and leaves adjacent ones apart', () => {
    const wide = Ipv4Cidr.parse('10.0.0.0/8');
    const narrow = Ipv4Cidr.parse('10.244.0.0/16');
    expect(wide.overlaps(narrow)).toBe(true);
    expect(narrow.overlaps(wide)).toBe(true);
    expect(Ipv4Cidr.parse('10.10.0.0/16').overlaps(Ipv4Cidr.parse('10.11.0.0/16'))).toBe(false);
  });

  it('rejects a CIDR with host bits set and names its network address', () => {
    expect(() => Ipv4Cidr.parse('10.10.1.0/16')).toThrow('write it as 10.10.0.0/16');
  });

  it('rejects malformed input and subnets that do not exist', () => {
    expect(() => Ipv4Cidr.parse('10.10.0.0')).toThrow('not an IPv4 CIDR');
    expect(() => Ipv4Cidr.parse('300.1.0.0/16')).toThrow('not an IPv4 CIDR');
    expect(() => Ipv4Cidr.parse('10.10.0.0/16').subnet(4, 16)).toThrow('has no subnet 16');
  });
});
