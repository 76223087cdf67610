import { Testing } from 'cdktf';
import { awsEstate } from '../../../constructs/terraform/aws/estate';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import { clusterStackName, networkStackName } from '../../../constructs/terraform/stack-names';
import type { EksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { TF_STAGING } from '../terraform-fixtures';
import { at, block, blocksOf, stackNamed, synthJson } from '../terraform-json';

const ACCOUNT = '111122223333';

function eks(name: string, role: EksClusterSpec['role'], region: string, cidr: string, privateEndpoint: boolean): EksClusterSpec {
  return {
    name,
    role,
    cloud: 'aws',
    region,
    apiServer: `https://${name.toUpperCase()}.gr7.${region}.eks.amazonaws.com`,
    caData: 'Q0E=',
    kubernetesVersion: '1.34',
    networkCidr: cidr,
    apiAccess: privateEndpoint ? { privateEndpoint: true, allowedCidrs: [] } : { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] },
    nodePool: { machineType: 'm6i.large', minNodes: 2, maxNodes: 4 },
  };
}

/** Argo CD on `mgmt-euw1` (eu-west-1); `work-euc1` private only (eu-central-1); `open-euc1` public. */
const MANAGEMENT = eks('mgmt-euw1', 'management', 'eu-west-1', '10.50.0.0/16', true);
const PRIVATE = eks('work-euc1', 'workload', 'eu-central-1', '10.51.0.0/16', true);
const PUBLIC = eks('open-euc1', 'workload', 'eu-central-1', '10.52.0.0/16', false);
const SPEC: EnvironmentSpec = { ...TF_STAGING, name: 'fixture', clusters: [MANAGEMENT, PRIVATE, PUBLIC], clouds: { aws: { accountId: ACCOUNT, region: 'eu-west-1' } } };
const PEERING = '${aws_vpc_peering_connection_accepter.argocd-path-peering-accepter.id}';

describe("Argo CD's network path to a private-only EKS cluster", () => {
  const entries = addCloudStacks(awsEstate, Testing.app(), SPEC, (name) => name);
  const json = synthJson(stackNamed(entries, clusterStackName('aws', PRIVATE.name)));

  it("peers the management VPC (requester, in its region) with the cluster's VPC (accepter)", () => {
    expect(block(json, 'aws_vpc_peering_connection', 'argocd-path-peering')).toMatchObject({
      vpc_id: '${data.terraform_remote_state.management-network.outputs.vpc_id}',
      peer_vpc_id: '${data.terraform_remote_state.network.outputs.vpc_id}',
      peer_region: 'eu-central-1',
      provider: 'aws.management',
    });
    expect(block(json, 'aws_vpc_peering_connection_accepter', 'argocd-path-peering-accepter')).toMatchObject({ auto_accept: true });
    expect(at(json, 'provider', 'aws')).toEqual(expect.arrayContaining([expect.objectContaining({ alias: 'management', region: 'eu-west-1', allowed_account_ids: [ACCOUNT] })]));
    expect(at(block(json, 'terraform_remote_state', 'management-network', 'data'), 'config', 'key')).toBe(`${networkStackName('aws', MANAGEMENT.name)}/terraform.tfstate`);
  });

  it('routes each private route table of both VPCs to the other through the peering', () => {
    const routes = Object.values(blocksOf(json, 'aws_route')).map((r) => [r.route_table_id, r.destination_cidr_block, r.vpc_peering_connection_id, r.provider ?? 'default']);
    expect(routes).toEqual(
      expect.arrayContaining(
        [0, 1, 2].flatMap((zone) => [
          [`\${element(data.terraform_remote_state.network.outputs.private_route_table_ids, ${zone})}`, '10.50.0.0/16', PEERING, 'default'],
          [`\${element(data.terraform_remote_state.management-network.outputs.private_route_table_ids, ${zone})}`, '10.51.0.0/16', PEERING, 'aws.management'],
        ]),
      ),
    );
    expect(routes).toHaveLength(6);
  });

  it('opens 443 on the cluster security group to the management VPC only', () => {
    expect(block(json, 'aws_vpc_security_group_ingress_rule', 'argocd-path-api-from-management')).toMatchObject({
      security_group_id: '${aws_eks_cluster.cluster.vpc_config[0].cluster_security_group_id}',
      cidr_ipv4: '10.50.0.0/16',
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
    });
  });

  it("resolves the private endpoint's name from the management VPC through Route 53 Resolver endpoints", () => {
    const inbound = block(json, 'aws_route53_resolver_endpoint', 'argocd-path-dns-inbound');
    expect(inbound).toMatchObject({ direction: 'INBOUND' });
    const ips = (inbound.ip_address as { ip: string }[]).map((a) => a.ip);
    expect(ips).toEqual(['10.51.0.10', '10.51.64.10']);
    expect(block(json, 'aws_route53_resolver_endpoint', 'argocd-path-dns-outbound')).toMatchObject({ direction: 'OUTBOUND', provider: 'aws.management' });
    expect(block(json, 'aws_route53_resolver_rule', 'argocd-path-dns-rule')).toMatchObject({
      // The endpoint EKS reports, so that a new cluster's rule is right on its first apply.
      domain_name: '${replace(aws_eks_cluster.cluster.endpoint, "https://", "")}',
      rule_type: 'FORWARD',
      resolver_endpoint_id: '${aws_route53_resolver_endpoint.argocd-path-dns-outbound.id}',
      target_ip: ips.map((ip) => ({ ip, port: 53 })),
      provider: 'aws.management',
    });
    expect(block(json, 'aws_route53_resolver_rule_association', 'argocd-path-dns-rule-association')).toMatchObject({
      vpc_id: '${data.terraform_remote_state.management-network.outputs.vpc_id}',
      provider: 'aws.management',
    });
    expect(block(json, 'aws_vpc_security_group_ingress_rule', 'argocd-path-dns-inbound-udp')).toMatchObject({ cidr_ipv4: '10.50.0.0/16', from_port: 53, to_port: 53 });
    expect(block(json, 'aws_vpc_security_group_egress_rule', 'argocd-path-dns-outbound-tcp')).toMatchObject({ cidr_ipv4: '10.51.0.0/16', from_port: 53, to_port: 53 });
  });

  it("publishes each network's private route tables and applies the management network first", () => {
    const network = synthJson(stackNamed(entries, networkStackName('aws', MANAGEMENT.name)));
    expect(at(network, 'output', 'private_route_table_ids')).toMatchObject({ value: [0, 1, 2].map((i) => `\${aws_route_table.private-${i}-routes.id}`) });
    expect(entries.find((e) => e.name === clusterStackName('aws', PRIVATE.name))!.dependsOn).toContain(networkStackName('aws', MANAGEMENT.name));
  });

  it('adds no path for a cluster with a public endpoint, nor for the management cluster itself', () => {
    for (const cluster of [PUBLIC, MANAGEMENT]) {
      const other = synthJson(stackNamed(entries, clusterStackName('aws', cluster.name)));
      expect(blocksOf(other, 'aws_vpc_peering_connection')).toEqual({});
      expect(blocksOf(other, 'aws_route53_resolver_endpoint')).toEqual({});
    }
  });

  it('rejects a private-only cluster whose network overlaps the management network', () => {
    const spec: EnvironmentSpec = { ...SPEC, clusters: [MANAGEMENT, { ...PRIVATE, networkCidr: '10.50.128.0/17' }] };
    expect(() => addCloudStacks(awsEstate, Testing.app(), spec, (name) => name)).toThrow(/overlaps mgmt-euw1's 10\.50\.0\.0\/16; VPC peering needs disjoint ranges/);
  });
});
