import { Ipv4Cidr } from '../ipv4-cidr';

/**
 * How a cluster's network is carved into subnets, computed here (not with Terraform's
 * `cidrsubnet`) so that the synthesized HCL shows every range and tests can read them.
 *
 * The network is split in quarters. The first three are the private subnets of the three zones:
 * nodes and, with the AWS VPC CNI, every pod take their addresses there, so they get the most
 * room (a /18 each from a /16). The last quarter holds the public subnets, one /22 per zone from
 * a /16 (load balancers and NAT gateways only), and leaves the rest free for later use.
 */
export interface SubnetPlan {
  readonly private: readonly string[];
  readonly public: readonly string[];
}

/** Zones the subnets span: EKS needs two at least; with three, a zone outage leaves two. */
export const ZONE_COUNT = 3;

/** Narrowest network the plan accepts: private subnets of /22 (1,024 addresses) at least. */
const MAX_PREFIX = 20;
/** Widest network a VPC can have. */
const MIN_PREFIX = 16;

/** Terraform's `cidrsubnet(cidr, newBits, netNum)` for IPv4. */
export function cidrSubnet(cidr: string, newBits: number, netNum: number): string {
  return Ipv4Cidr.parse(cidr).subnet(newBits, netNum).toString();
}

/** The private and public subnets of the three zones, in zone order. */
export function subnetPlan(networkCidr: string): SubnetPlan {
  const { prefix } = Ipv4Cidr.parse(networkCidr);
  if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
    throw new Error(`networkCidr "${networkCidr}" must be between /${MIN_PREFIX} and /${MAX_PREFIX}: a VPC is at most a /16, and smaller networks leave pods too few addresses`);
  }
  const zones = [...Array(ZONE_COUNT).keys()];
  // Quarters 0-2: private. Quarter 3 in sixteenths of it (4 + 4 new bits): subnets 48, 49, 50.
  return {
    private: zones.map((zone) => cidrSubnet(networkCidr, 2, zone)),
    public: zones.map((zone) => cidrSubnet(networkCidr, 6, 3 * 16 + zone)),
  };
}
