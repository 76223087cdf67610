import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import type { EksClusterSpec } from '../../kubernetes/cluster-spec';
import { networkStackName } from '../stack-names';
import { publishOutputs } from '../stack-outputs';
import type { TerraformEnvironment } from '../terraform-environment';
import { AwsStack } from './aws-stack';
import { EncryptedLogGroup, logRetentionDays } from './encrypted-log-group';
import { subnetPlan } from './subnet-plan';

/** What a network stack publishes; the cluster stack reads it with this shape. */
export const NETWORK_OUTPUTS = {
  vpc_id: 'string',
  private_subnet_ids: 'list',
  private_route_table_ids: 'list',
} as const;

export interface AwsNetworkStackProps {
  readonly spec: TerraformEnvironment;
  /** The EKS cluster this network is for; its region, account and `networkCidr`. */
  readonly cluster: EksClusterSpec;
}

/**
 * The VPC of one EKS cluster, in the cluster's region:
 * - `networkCidr`, split by `subnetPlan` into a private and a public subnet in each of three
 *   availability zones (the first three the region offers without opt-in); nodes and pods live in
 *   the private subnets, only NAT gateways and load balancers in the public ones;
 * - egress through NAT: one gateway per zone in the production tier (a zone outage must not cut
 *   the other zones' egress), one shared gateway otherwise (a third of the cost; a zone outage
 *   there stops egress until the zone is back);
 * - flow logs of all traffic to CloudWatch Logs, encrypted with their own key, kept
 *   `logRetentionDays(tier)`;
 * - the default security group stripped of every rule, so nothing lands in it by accident.
 */
export class AwsNetworkStack extends AwsStack {
  readonly vpc: Vpc;
  readonly privateSubnets: Subnet[];
  readonly publicSubnets: Subnet[];
  readonly natGateways: NatGateway[];

  constructor(scope: Construct, id: string, props: AwsNetworkStackProps) {
    const { spec, cluster } = props;
    super(scope, id, { spec, stackName: networkStackName('aws', cluster.name), region: cluster.region });
    const plan = subnetPlan(cluster.networkCidr);

    const zones = new DataAwsAvailabilityZones(this, 'zones', {
      state: 'available',
      // Regular zones only: Local Zones and Wavelength zones need an opt-in and lack EKS.
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    const zone = (index: number): string => Fn.element(zones.names, index);

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: cluster.networkCidr,
      // EKS nodes register by private DNS name; the control plane's private endpoint needs both.
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: cluster.name },
    });

    this.publicSubnets = plan.public.map(
      (cidrBlock, i) =>
        new Subnet(this, `public-${i}`, {
          vpcId: this.vpc.id,
          cidrBlock,
          availabilityZone: zone(i),
          // Nothing here gets a public address by default: load balancers and NAT get their own.
          mapPublicIpOnLaunch: false,
          // Where the AWS Load Balancer Controller places internet-facing load balancers.
          tags: { Name: `${cluster.name}-public-${i}`, 'kubernetes.io/role/elb': '1' },
        }),
    );
    this.privateSubnets = plan.private.map(
      (cidrBlock, i) =>
        new Subnet(this, `private-${i}`, {
          vpcId: this.vpc.id,
          cidrBlock,
          availabilityZone: zone(i),
          tags: { Name: `${cluster.name}-private-${i}`, 'kubernetes.io/role/internal-elb': '1' },
        }),
    );

    const internetGateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpc.id, tags: { Name: cluster.name } });
    const publicRoutes = new RouteTable(this, 'public-routes', { vpcId: this.vpc.id, tags: { Name: `${cluster.name}-public` } });
    new Route(this, 'public-default-route', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id });
    for (const [i, subnet] of this.publicSubnets.entries()) {
      new RouteTableAssociation(this, `public-${i}-association`, { subnetId: subnet.id, routeTableId: publicRoutes.id });
    }

    const natPerZone = spec.tier === 'production';
    this.natGateways = this.publicSubnets.slice(0, natPerZone ? this.publicSubnets.length : 1).map((subnet, i) => {
      const address = new Eip(this, `nat-${i}-ip`, { domain: 'vpc', tags: { Name: `${cluster.name}-nat-${i}` } });
      return new NatGateway(this, `nat-${i}`, {
        allocationId: address.allocationId,
        subnetId: subnet.id,
        tags: { Name: `${cluster.name}-nat-${i}` },
        // A NAT gateway forwards nothing until the VPC has its internet gateway.
        dependsOn: [internetGateway],
      });
    });
    const privateRoutes = this.privateSubnets.map((subnet, i) => {
      const routes = new RouteTable(this, `private-${i}-routes`, { vpcId: this.vpc.id, tags: { Name: `${cluster.name}-private-${i}` } });
      const nat = this.natGateways[natPerZone ? i : 0]!;
      new Route(this, `private-${i}-default-route`, { routeTableId: routes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
      new RouteTableAssociation(this, `private-${i}-association`, { subnetId: subnet.id, routeTableId: routes.id });
      return routes;
    });

    this.addFlowLogs(cluster);

    // Managing the default security group removes all of its rules (none are declared here):
    // anything launched without a security group gets no traffic at all.
    new DefaultSecurityGroup(this, 'default-security-group', { vpcId: this.vpc.id, tags: { Name: `${cluster.name}-default-deny` } });

    publishOutputs(
      this,
      NETWORK_OUTPUTS,
      { vpc_id: this.vpc.id, private_subnet_ids: this.privateSubnets.map((subnet) => subnet.id), private_route_table_ids: privateRoutes.map((routes) => routes.id) },
      {
        vpc_id: `VPC of the EKS cluster ${cluster.name}`,
        private_route_table_ids: `Route tables of the private subnets of ${cluster.name}, in zone order (peering routes to Argo CD's network)`,
        private_subnet_ids: `Private subnets of ${cluster.name}, one per availability zone, for the control plane ENIs and the nodes`,
      },
    );
  }

  private addFlowLogs(cluster: EksClusterSpec): void {
    const { accountId } = this.account;
    const { region } = cluster;
    const logs = new EncryptedLogGroup(this, 'flow-logs', {
      logGroupName: `/aws/vpc/${cluster.name}/flow-logs`,
      retentionDays: logRetentionDays(this.spec.tier),
      accountId,
      region,
      description: `the VPC flow logs of ${cluster.name}`,
    });

    const trust = new DataAwsIamPolicyDocument(this, 'flow-logs-trust', {
      statement: [
        {
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
          actions: ['sts:AssumeRole'],
          // Only flow logs of this account and region (no confused deputy).
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:aws:ec2:${region}:${accountId}:vpc-flow-log/*`] },
          ],
        },
      ],
    });
    const role = new IamRole(this, 'flow-logs-role', {
      name: `${cluster.name}-flow-logs`,
      description: `Delivers the VPC flow logs of ${cluster.name} to CloudWatch Logs`,
      assumeRolePolicy: trust.json,
    });
    const permissions = new DataAwsIamPolicyDocument(this, 'flow-logs-permissions', {
      statement: [
        {
          sid: 'WriteThisLogGroup',
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [logs.logGroup.arn, `${logs.logGroup.arn}:*`],
        },
        {
          sid: 'FindLogGroups',
          effect: 'Allow',
          actions: ['logs:DescribeLogGroups'],
          resources: [`arn:aws:logs:${region}:${accountId}:log-group:*`],
        },
      ],
    });
    new IamRolePolicy(this, 'flow-logs-role-policy', { name: 'deliver-flow-logs', role: role.id, policy: permissions.json });

    new FlowLog(this, 'flow-log', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logs.logGroup.arn,
      iamRoleArn: role.arn,
      // One-minute records: an investigation needs to know when, not within ten minutes.
      maxAggregationInterval: 60,
    });
  }
}
