/**
 * The IPv4 CIDR arithmetic of the estate (validate a cluster network, carve subnets, detect
 * overlaps), computed at synth time so that the HCL holds plain prefixes instead of
 * `cidrsubnet()` calls. The spec checks and every cloud's network use this one implementation.
 */
export class Ipv4Cidr {
  /** Parses `a.b.c.d/n`; throws when it is not an IPv4 network address with its prefix length. */
  static parse(cidr: string): Ipv4Cidr {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    const octets = match?.slice(1, 5).map(Number) ?? [];
    const prefix = Number(match?.[5]);
    if (match === null || octets.some((o) => o > 255) || prefix > 32) {
      throw new Error(`${JSON.stringify(cidr)} is not an IPv4 CIDR such as 10.10.0.0/16`);
    }
    const start = octets.reduce((n, o) => n * 256 + o, 0);
    const parsed = new Ipv4Cidr(start, prefix);
    if (start % parsed.size !== 0) {
      throw new Error(`${cidr} is not a network address (the host bits are set); write it as ${parsed.toStringAt(start - (start % parsed.size))}`);
    }
    return parsed;
  }

  /** The network, or `undefined` when `value` is not an IPv4 network address with its prefix. */
  static tryParse(value: unknown): Ipv4Cidr | undefined {
    if (typeof value !== 'string') return undefined;
    try {
      return Ipv4Cidr.parse(value);
    } catch {
      return undefined;
    }
  }

  private constructor(
    private readonly start: number,
    readonly prefix: number,
  ) {}

  /** Number of addresses. */
  get size(): number {
    return 2 ** (32 - this.prefix);
  }

  /** The `index`-th subnet `extraBits` longer than this network, like Terraform's `cidrsubnet`. */
  subnet(extraBits: number, index: number): Ipv4Cidr {
    const prefix = this.prefix + extraBits;
    if (!Number.isInteger(extraBits) || extraBits < 0 || prefix > 32) {
      throw new Error(`${this.toString()} has no room for ${extraBits} more bits`);
    }
    if (!Number.isInteger(index) || index < 0 || index >= 2 ** extraBits) {
      throw new Error(`${this.toString()} has no subnet ${index} of /${prefix}: subnet ${index} does not exist with ${extraBits} new bits`);
    }
    return new Ipv4Cidr(this.start + index * 2 ** (32 - prefix), prefix);
  }

  /** Whether every address of `other` is in this network. */
  contains(other: Ipv4Cidr): boolean {
    return other.start >= this.start && other.start + other.size <= this.start + this.size;
  }

  overlaps(other: Ipv4Cidr): boolean {
    return this.start < other.start + other.size && other.start < this.start + this.size;
  }

  toString(): string {
    return this.toStringAt(this.start);
  }

  private toStringAt(address: number): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
    return `${octets.join('.')}/${this.prefix}`;
  }
}
