import { NETWORK_OUTPUTS } from '../../../constructs/terraform/aws/network-stack';
import { subnetPlan } from '../../../constructs/terraform/aws/subnet-plan';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { networkStackName } from '../../../constructs/terraform/stack-names';
import { at, block, blocksOf, stackNamed, synthJson } from '../terraform-json';
import { buildAws, EKS_CASES, statements } from './aws-test-helpers';

describe.each(EKS_CASES)('AwsNetworkStack of %s', (_name, spec, cluster) => {
  const stack = stackNamed(buildAws(spec), networkStackName('aws', cluster.name));
  const json = synthJson(stack);
  const plan = subnetPlan(cluster.networkCidr);
  const production = spec.tier === 'production';
  let violations: unknown[];

  beforeAll(() => {
    violations = stackViolations(stack, spec.name);
  });

  it('renders without violations', () => {
    expect(violations).toEqual([]);
  });

  it("runs in the cluster's region and account, tagged, with its state in the foundation's bucket", () => {
    expect(at(json, 'provider', 'aws')).toEqual([
      expect.objectContaining({ region: cluster.region, allowed_account_ids: [spec.clouds.aws!.accountId], default_tags: [{ tags: expect.objectContaining({ env: spec.name }) }] }),
    ]);
    expect(at(json, 'terraform', 'backend', 's3')).toMatchObject({ key: `aws-network-${cluster.name}/terraform.tfstate`, region: spec.clouds.aws!.region });
  });

  it('creates the VPC with the spec network and DNS on', () => {
    expect(block(json, 'aws_vpc', 'vpc')).toMatchObject({ cidr_block: cluster.networkCidr, enable_dns_support: true, enable_dns_hostnames: true });
  });

  it('puts a private subnet in each of three zones with the planned ranges', () => {
    const subnets = [0, 1, 2].map((i) => block(json, 'aws_subnet', `private-${i}`));
    expect(subnets.map((s) => s.cidr_block)).toEqual(plan.private);
    expect(subnets.map((s) => s.availability_zone)).toEqual([0, 1, 2].map((i) => `\${element(data.aws_availability_zones.zones.names, ${i})}`));
    expect(block(json, 'aws_availability_zones', 'zones', 'data')).toMatchObject({ state: 'available', filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }] });
  });

  it('gives public subnets no public addresses by default', () => {
    const subnets = [0, 1, 2].map((i) => block(json, 'aws_subnet', `public-${i}`));
    expect(subnets.map((s) => s.cidr_block)).toEqual(plan.public);
    for (const subnet of subnets) expect(subnet.map_public_ip_on_launch).toBe(false);
  });

  it(`routes private egress through ${production ? 'one NAT gateway per zone' : 'one shared NAT gateway'}`, () => {
    const nats = Object.keys(blocksOf(json, 'aws_nat_gateway'));
    expect(nats).toEqual(production ? ['nat-0', 'nat-1', 'nat-2'] : ['nat-0']);
    const targets = [0, 1, 2].map((i) => block(json, 'aws_route', `private-${i}-default-route`).nat_gateway_id);
    expect(targets).toEqual([0, 1, 2].map((i) => `\${aws_nat_gateway.nat-${production ? i : 0}.id}`));
    expect(block(json, 'aws_route', 'public-default-route')).toMatchObject({ destination_cidr_block: '0.0.0.0/0', gateway_id: '${aws_internet_gateway.internet-gateway.id}' });
  });

  it('logs all traffic to an encrypted log group with a retention', () => {
    expect(block(json, 'aws_flow_log', 'flow-log')).toMatchObject({
      vpc_id: '${aws_vpc.vpc.id}',
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: '${aws_cloudwatch_log_group.flow-logs-log-group.arn}',
      iam_role_arn: '${aws_iam_role.flow-logs-role.arn}',
    });
    expect(block(json, 'aws_cloudwatch_log_group', 'flow-logs-log-group')).toMatchObject({
      retention_in_days: production ? 365 : 90,
      kms_key_id: '${aws_kms_key.flow-logs-key.arn}',
    });
    expect(block(json, 'aws_kms_key', 'flow-logs-key')).toMatchObject({ enable_key_rotation: true });
  });

  it('lets only flow logs of this account assume the delivery role, and write only its log group', () => {
    const [trust] = statements(json, 'flow-logs-trust');
    expect(trust?.principals).toEqual([{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }]);
    expect(trust?.condition).toContainEqual({ test: 'StringEquals', variable: 'aws:SourceAccount', values: [spec.clouds.aws!.accountId] });
    const writes = statements(json, 'flow-logs-permissions').find((s) => s.sid === 'WriteThisLogGroup');
    expect(writes?.resources).toEqual(['${aws_cloudwatch_log_group.flow-logs-log-group.arn}', '${aws_cloudwatch_log_group.flow-logs-log-group.arn}:*']);
  });

  it('strips every rule from the default security group', () => {
    const group = block(json, 'aws_default_security_group', 'default-security-group');
    expect(group.vpc_id).toBe('${aws_vpc.vpc.id}');
    expect(group.ingress).toBeUndefined();
    expect(group.egress).toBeUndefined();
  });

  it('publishes the VPC id and the private subnet ids of its shape', () => {
    expect(Object.keys(at(json, 'output') as object).sort()).toEqual(Object.keys(NETWORK_OUTPUTS).sort());
    expect(at(json, 'output', 'vpc_id', 'value')).toBe('${aws_vpc.vpc.id}');
    expect(at(json, 'output', 'private_subnet_ids', 'value')).toEqual(['${aws_subnet.private-0.id}', '${aws_subnet.private-1.id}', '${aws_subnet.private-2.id}']);
  });
});
