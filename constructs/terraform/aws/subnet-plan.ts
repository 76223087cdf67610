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

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

interface Network {
  readonly address: number;
  readonly prefix: number;
}

function parse(cidr: string): Network {
  const match = CIDR.exec(cidr);
  const octets = match?.slice(1, 5).map(Number) ?? [];
  const prefix = Number(match?.[5]);
  if (match === null || octets.some((o) => o > 255) || prefix > 32) {
    throw new Error(`networkCidr "${cidr}" is not an IPv4 CIDR like 10.20.0.0/16`);
  }
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  if (address % 2 ** (32 - prefix) !== 0) {
    throw new Error(`networkCidr "${cidr}" is not a network address (host bits are set); write the range's first address`);
  }
  return { address, prefix };
}

function format({ address, prefix }: Network): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
  return `${octets.join('.')}/${prefix}`;
}

/** Terraform's `cidrsubnet(cidr, newBits, netNum)` for IPv4. */
export function cidrSubnet(cidr: string, newBits: number, netNum: number): string {
  const network = parse(cidr);
  const prefix = network.prefix + newBits;
  if (!Number.isInteger(newBits) || newBits < 0 || prefix > 32) throw new Error(`cidrSubnet: ${cidr} has no room for ${newBits} more bits`);
  if (!Number.isInteger(netNum) || netNum < 0 || netNum >= 2 ** newBits) throw new Error(`cidrSubnet: subnet ${netNum} does not exist with ${newBits} new bits`);
  return format({ address: network.address + netNum * 2 ** (32 - prefix), prefix });
}

/** The private and public subnets of the three zones, in zone order. */
export function subnetPlan(networkCidr: string): SubnetPlan {
  const { prefix } = parse(networkCidr);
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
