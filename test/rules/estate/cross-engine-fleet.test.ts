import { crossEngineFindings } from '../../../constructs/rules/estate/cross-engine-consistency';
import type { LocatedObject } from '../../../constructs/rules/estate/kubernetes-side';
import type { TerraformResourceView } from '../../../constructs/rules/types';
import type { ClusterSpec } from '../../../environments/types';
import { countReads } from '../../support/read-counter';
import { ACCOUNT, awsProvider, clusterSecret, eks, kubernetes, SPEC, stackFile, terraform, view } from './cross-engine-fixtures';

/**
 * The compliant pair of cross-engine-fixtures.ts grown to a fleet: `count` more private EKS clusters,
 * each registered with Argo CD on `mgmt`, with its role, its opening for mgmt, routes both ways and a
 * forwarding rule for its endpoint.
 */
function fleet(count: number): { clusters: ClusterSpec[]; views: TerraformResourceView[]; objects: LocatedObject[] } {
  const names = Array.from({ length: count }, (_, i) => `work-${i}`);
  const network = (i: number) => `10.${100 + Math.floor(i / 16)}.${(i % 16) * 16}.0/20`;
  const clusters = [...SPEC.clusters, ...names.map((name, i) => eks(name, 'workload', network(i)))];
  const views = [
    ...terraform(),
    ...names.flatMap((name, i) => [
      awsProvider(`aws-cluster-${name}`),
      view(`aws-cluster-${name}`, 'aws_eks_cluster', 'cluster', { name, vpc_config: { endpoint_public_access: false } }),
      view(`aws-cluster-${name}`, 'aws_iam_role', 'argocd-role', { name: `argocd-${name}`, assume_role_policy: '${data.aws_iam_policy_document.argocd-trust.json}' }),
      view(`aws-cluster-${name}`, 'aws_vpc_security_group_ingress_rule', 'from-mgmt', { cidr_ipv4: '10.50.0.0/16', from_port: 443, to_port: 443, ip_protocol: 'tcp' }),
      view(`aws-network-${name}`, 'aws_route', 'to-mgmt', { destination_cidr_block: '10.50.0.0/16', vpc_peering_connection_id: '${aws_vpc_peering_connection.peer.id}' }),
      view('aws-network-mgmt', 'aws_route', `to-${name}`, { destination_cidr_block: network(i), vpc_peering_connection_id: '${aws_vpc_peering_connection.peer.id}' }),
      view(`aws-cluster-${name}`, 'aws_route53_resolver_rule', 'api', { domain_name: `${name.toUpperCase()}.gr7.eu-west-1.eks.amazonaws.com`, rule_type: 'FORWARD' }),
    ]),
  ];
  const objects = [
    ...kubernetes(),
    ...names.map((name) =>
      clusterSecret(name, `https://${name.toUpperCase()}.gr7.eu-west-1.eks.amazonaws.com`, {
        awsAuthConfig: { clusterName: name, roleARN: `arn:aws:iam::${ACCOUNT}:role/argocd-${name}` },
        tlsClientConfig: { insecure: false },
      }),
    ),
  ];
  return { clusters, views, objects };
}

function findings(clusters: readonly ClusterSpec[], views: readonly TerraformResourceView[], objects: readonly LocatedObject[]) {
  return crossEngineFindings({ environment: { name: SPEC.name, tier: SPEC.tier }, clusters, views, objects, stackFile });
}

describe('cross-engine consistency at fleet scale', () => {
  const CLUSTERS = 150;
  const { clusters, views, objects } = fleet(CLUSTERS);

  it('passes a compliant fleet and still names the one cluster whose path is missing', () => {
    expect(findings(clusters, views, objects)).toEqual([]);
    const broken = views.filter((v) => !(v.stack === 'aws-network-work-57' && v.type === 'aws_route'));
    expect(findings(clusters, broken, objects)).toEqual([
      expect.objectContaining({
        path: 'dist/terraform/fixture/aws-cluster-work-57/main.tf (aws_eks_cluster.cluster)',
        problem: expect.stringMatching(/^work-57 is registered .*, but no route from work-57's network to 10\.50\.0\.0\/16 in fixture's stacks$/),
      }),
    ]);
  });

  it('looks each registered cluster up in the spec without scanning every cluster', () => {
    const counted = countReads(clusters);
    findings(counted.items, views, objects);
    expect(counted.reads()).toBeLessThanOrEqual(4 * clusters.length);
  });

  it('parses only the strings that may be JSON objects', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      findings(clusters, views, objects);
      const strings = (value: unknown): number =>
        typeof value === 'string' ? 1 : typeof value === 'object' && value !== null ? Object.values(value).reduce((n: number, v) => n + strings(v), 0) : 0;
      const allStrings = objects.reduce((n, o) => n + strings(o.object.manifest), 0);
      // The config of each cluster Secret, twice (its strings, its registration): not every string of every object.
      expect(parse.mock.calls.length).toBe(2 * (CLUSTERS + 2));
      expect(parse.mock.calls.length).toBeLessThan(allStrings / 2);
    } finally {
      parse.mockRestore();
    }
  });

  it('serialises each view of a stack once to tell whether another resource uses its roles, however many roles it has', () => {
    const roles = Array.from({ length: 100 }, (_, i) => view('aws-cluster-mgmt', 'aws_iam_role', `role-${i}`, { name: `role-${i}`, assume_role_policy: '{}' }));
    const withRoles = [...views, ...roles];
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(findings(clusters, withRoles, objects)).toEqual([]);
      expect(stringify.mock.calls.length).toBeLessThanOrEqual(2 * withRoles.length);
    } finally {
      stringify.mockRestore();
    }
  });
});
