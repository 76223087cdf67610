import { isIPv6 } from 'node:net';
import { type Finding, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { Ipv4Cidr } from '../../../constructs/terraform/ipv4-cidr';
import type { EnvironmentSpec, TenantEgressSpec } from '../../../environments/types';
import { eachTenant, namespaceOwners } from './support/tenants';

/** An IPv6 prefix as the API server takes it in an ipBlock (net.ParseCIDR), for the forms the estate does not compute with. */
function isIpv6Cidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  return rest.length === 0 && address !== undefined && isIPv6(address) && prefix !== undefined && /^\d{1,3}$/.test(prefix) && Number(prefix) <= 128;
}

function isEverywhere(cidr: string): boolean {
  return /\/0$/.test(cidr);
}

/** The cluster networks of the environment `range` reaches into that no single `except` entry removes. */
function exposedNetworks(spec: EnvironmentSpec, range: Ipv4Cidr, except: readonly string[]): string[] {
  const excluded = except.map((e) => Ipv4Cidr.tryParse(e)).filter((e): e is Ipv4Cidr => e !== undefined);
  return spec.clusters
    .map((cluster) => ({ name: cluster.name, network: Ipv4Cidr.tryParse(cluster.networkCidr) }))
    .filter(({ network }) => network !== undefined && range.overlaps(network) && !excluded.some((e) => e.contains(network)))
    .map(({ name, network }) => `${name} (${network?.toString() ?? ''})`);
}

function cidrFindings(spec: EnvironmentSpec, egress: TenantEgressSpec, at: string): Finding[] {
  const cidr = egress.cidr ?? '';
  const range = Ipv4Cidr.tryParse(cidr);
  if (range === undefined && !isIpv6Cidr(cidr)) {
    return unless(
      false,
      `${at}.cidr`,
      cidr,
      'is not an IPv4 or IPv6 network address with its prefix length',
      "write the partner's range as its network address, e.g. '203.0.113.0/24'",
    );
  }
  if (isEverywhere(cidr)) {
    return unless(
      false,
      `${at}.cidr`,
      cidr,
      'opens the whole internet (and, where pods have network addresses, every pod) on these ports',
      'name the ranges the destination publishes',
    );
  }
  const exposed = range === undefined ? [] : exposedNetworks(spec, range, egress.except ?? []);
  return [
    // On EKS pods take VPC addresses (VPC CNI), so an ipBlock over a cluster network reaches other tenants' pods.
    ...unless(
      exposed.length === 0,
      `${at}.cidr`,
      cidr,
      `covers the network of ${exposed.join(', ')}: where pods have addresses of that network (EKS's VPC CNI) the rule opens other tenants' pods and the platform's`,
      'narrow the range to the destination outside the clusters, or list the cluster network in except',
    ),
    ...(egress.except ?? []).flatMap((entry, k) => {
      const excluded = Ipv4Cidr.tryParse(entry);
      return unless(
        range === undefined ? isIpv6Cidr(entry) : excluded !== undefined && range.contains(excluded) && excluded.prefix > range.prefix,
        `${at}.except[${k}]`,
        entry,
        `is not a range strictly inside ${cidr}: the API server refuses the NetworkPolicy`,
        `list only ranges inside ${cidr}, written as network addresses`,
      );
    }),
  ];
}

function egressFindings(spec: EnvironmentSpec, tenantName: string, egress: TenantEgressSpec, at: string, owners: ReadonlyMap<string, string>): Finding[] {
  const hasCidr = egress.cidr !== undefined;
  const hasNamespace = egress.namespace !== undefined;
  const owner = egress.namespace === undefined ? undefined : owners.get(egress.namespace);
  return [
    ...unless(
      hasCidr !== hasNamespace,
      at,
      { cidr: egress.cidr, namespace: egress.namespace },
      'must name exactly one destination: a cidr or a namespace',
      'split it into one egress per destination',
    ),
    ...(hasCidr ? cidrFindings(spec, egress, at) : []),
    ...unless(
      !hasNamespace || owner === undefined || owner === tenantName,
      `${at}.namespace`,
      egress.namespace,
      `is tenant ${owner ?? ''}'s namespace: traffic between tenants is not offered (its default deny refuses it anyway)`,
      'reach the other team through a published endpoint outside the cluster, or merge the tenants',
    ),
    ...unless(
      egress.ports.length > 0,
      `${at}.ports`,
      egress.ports,
      'lists no port: an egress rule without ports opens every port',
      'list the ports the destination serves, e.g. [{ port: 443 }]',
    ),
    ...egress.ports.flatMap((p, k) =>
      unless(
        Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535,
        `${at}.ports[${k}].port`,
        p.port,
        'is not a port number (1 to 65535)',
        'use the port the destination serves, e.g. 443',
      ),
    ),
  ];
}

/**
 * Each egress destination of a tenant is one address range or one namespace, on named ports:
 * never the whole internet, never a range covering a cluster network (pods have VPC addresses
 * on EKS, so it would open other tenants' pods), never another tenant's namespace.
 */
export const specTenantEgress: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-egress',
  engine: 'spec',
  level: 'error',
  title: 'Tenant egress opens named destinations outside the other tenants, on named ports',
  rationale:
    'An egress NetworkPolicy is an allow-list entry: 0.0.0.0/0, a range over the cluster network, or a rule without ports undoes the default deny, ' +
    "and on EKS pods have network addresses, so such a range reaches other tenants' pods.",
  controls: { soc2: ['CC6.6'], pciDss: ['1.3.2', '1.4.1'], iso27001: ['A.8.20', 'A.8.22'], gdpr: ['Art. 32'] },
  check: (spec) => {
    const owners = namespaceOwners(spec);
    return eachTenant(spec, (tenant, at) => (tenant.egress ?? []).flatMap((egress, i) => egressFindings(spec, tenant.name, egress, `${at}.egress[${i}]`, owners)));
  },
};
