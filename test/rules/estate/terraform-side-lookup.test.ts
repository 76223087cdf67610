import { clusterOfStack, type TerraformEnd, type TerraformSide } from '../../../constructs/rules/estate/terraform-side';
import { terraformSideLookup } from '../../../constructs/rules/estate/terraform-side-lookup';
import { countReads } from '../../support/read-counter';

const at = (stack: string): TerraformEnd => ({ stack, address: 'x.y', field: 'f', value: 'v' });
const OWN_ENDPOINT = '${replace(aws_eks_cluster.cluster.endpoint, "https://", "")}';

function side(parts: Partial<TerraformSide>): TerraformSide {
  return { identities: [], trusts: [], clusters: [], ingress: [], routes: [], dnsForwards: [], ...parts };
}

describe('terraform side lookup', () => {
  it('resolves a host by a forwarding rule for it or a parent domain, in any case, or by its own endpoint in its own stack', () => {
    const dnsForwards = [
      { domain: 'Eks.Amazonaws.com', at: at('aws-foundation') },
      { domain: 'exact.example', at: at('aws-foundation') },
      { domain: OWN_ENDPOINT, at: at('aws-cluster-work') },
    ];
    const lookup = terraformSideLookup(side({ dnsForwards }));
    // The definition the lookup replaces: one scan of every rule per question.
    const scanned = (cluster: string, host: string) =>
      dnsForwards.some(
        (f) => (clusterOfStack(f.at.stack) === cluster && f.domain === OWN_ENDPOINT) || host === f.domain.toLowerCase() || host.endsWith(`.${f.domain.toLowerCase()}`),
      );
    const questions: [string, string][] = [
      ['other', 'abc.gr7.eu-west-1.eks.amazonaws.com'],
      ['other', 'eks.amazonaws.com'],
      ['other', 'xeks.amazonaws.com'],
      ['other', 'exact.example'],
      ['other', 'a.exact.example'],
      ['other', 'inexact.example'],
      ['other', 'amazonaws.com'],
      ['work', 'anything.internal'],
      ['mgmt', 'anything.internal'],
    ];
    for (const [cluster, host] of questions) expect(lookup.forwardsDns(cluster, host)).toBe(scanned(cluster, host));
    expect(questions.filter(([c, h]) => lookup.forwardsDns(c, h)).map(([, h]) => h)).toEqual([
      'abc.gr7.eu-west-1.eks.amazonaws.com',
      'eks.amazonaws.com',
      'exact.example',
      'a.exact.example',
      'anything.internal',
    ]);
  });

  it('answers openings, routes, identities and clusters as the first matching fact', () => {
    const first = { name: 'work', cloud: 'aws', at: at('aws-cluster-work'), privateOnly: true, allowedCidrs: [], staticEgress: false } as const;
    const lookup = terraformSideLookup(
      side({
        clusters: [first, { ...first, privateOnly: false }],
        ingress: [
          { stack: 'aws-cluster-work', cidr: '10.50.0.0/16', at: at('aws-cluster-work') },
          { stack: 'aws-foundation', cidr: '10.52.0.0/16', at: at('aws-foundation') },
        ],
        routes: [
          { stack: 'aws-network-work', network: 'work', destination: '10.50.0.0/16', at: at('aws-network-work') },
          { stack: 'aws-foundation', network: undefined, destination: '10.53.0.0/16', at: at('aws-foundation') },
        ],
        identities: [{ kind: 'aws-role', id: 'arn:aws:iam::1:role/a', at: at('aws-cluster-work'), trusts: [], usedByTerraform: false }],
      }),
    );
    expect(lookup.cluster('work')).toBe(first);
    expect(lookup.cluster('mgmt')).toBeUndefined();
    expect([lookup.opensApiServer('work', '10.50.0.0/16'), lookup.opensApiServer('work', '10.52.0.0/16'), lookup.opensApiServer('mgmt', '10.50.0.0/16')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([lookup.routes('work', '10.50.0.0/16'), lookup.routes('work', '10.53.0.0/16'), lookup.routes('mgmt', '10.50.0.0/16')]).toEqual([true, false, false]);
    expect([lookup.createsIdentity('aws-role', 'arn:aws:iam::1:role/a'), lookup.createsIdentity('gcp-service-account', 'arn:aws:iam::1:role/a')]).toEqual([true, false]);
  });

  it('reads each fact once however many clusters ask', () => {
    const CLUSTERS = 200;
    const names = Array.from({ length: CLUSTERS }, (_, i) => `work-${i}`);
    const ingress = countReads(names.map((n, i) => ({ stack: `aws-cluster-${n}`, cidr: `10.${i}.0.0/16`, at: at(`aws-cluster-${n}`) })));
    const routes = countReads(names.map((n, i) => ({ stack: `aws-network-${n}`, network: n, destination: `10.${i}.0.0/16`, at: at(`aws-network-${n}`) })));
    const dnsForwards = countReads(names.map((n) => ({ domain: `${n}.internal`, at: at(`aws-cluster-${n}`) })));
    const lookup = terraformSideLookup(side({ ingress: ingress.items, routes: routes.items, dnsForwards: dnsForwards.items }));
    for (const [i, name] of names.entries()) {
      expect(lookup.opensApiServer(name, `10.${i}.0.0/16`) && lookup.routes(name, `10.${i}.0.0/16`) && lookup.forwardsDns(name, `api.${name}.internal`)).toBe(true);
    }
    expect(ingress.reads() + routes.reads()).toBeLessThanOrEqual(2 * CLUSTERS);
    expect(dnsForwards.reads()).toBeLessThanOrEqual(2 * CLUSTERS);
  });
});
