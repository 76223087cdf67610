import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import { Route53ResolverRule } from '@cdktf/provider-aws/lib/route53-resolver-rule';
import { Route53ResolverRuleAssociation } from '@cdktf/provider-aws/lib/route53-resolver-rule-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcPeeringConnection } from '@cdktf/provider-aws/lib/vpc-peering-connection';
import { VpcPeeringConnectionAccepterA } from '@cdktf/provider-aws/lib/vpc-peering-connection-accepter';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { EksClusterSpec } from '../../kubernetes/cluster-spec';
import { Ipv4Cidr } from '../ipv4-cidr';
import { subnetPlan, ZONE_COUNT } from './subnet-plan';

/** One side of the path: a cluster's VPC as its network stack publishes it. */
export interface PathNetwork {
  readonly vpcId: string;
  /** In zone order (list references to the network stack's state). */
  readonly privateSubnetIds: string[];
  readonly privateRouteTableIds: string[];
}

export interface ArgoCdNetworkPathProps {
  /** The private-only workload cluster. */
  readonly cluster: EksClusterSpec;
  /** The management cluster Argo CD runs on. */
  readonly management: EksClusterSpec;
  readonly own: PathNetwork;
  readonly managementNetwork: PathNetwork;
  /** A provider of this stack's account in the management cluster's region. */
  readonly managementProvider: AwsProvider;
  /** The EKS-created security group of the control plane ENIs (vpc_config.cluster_security_group_id). */
  readonly clusterSecurityGroupId: string;
  /**
   * The cluster's API endpoint as EKS reports it (`aws_eks_cluster.endpoint`). The forwarding rule
   * takes its host from here, not from the spec's `apiServer`: a new cluster's endpoint exists only
   * once this stack has created it, so a name from the spec would need a second apply.
   */
  readonly clusterEndpoint: string;
}

/** Host of the resolver's inbound addresses in the first two private subnets (fixed, so the rule can name them). */
const RESOLVER_HOST = 10;

/**
 * The network path from Argo CD on the management cluster to a workload cluster whose API server
 * has a private endpoint only (EKS docs, "Cluster API server endpoint", accessing a private-only
 * endpoint from a connected network):
 * - an inter-region VPC peering (requested from the management VPC, accepted here) and a route
 *   each way in every private route table;
 * - 443 from the management VPC on the cluster security group EKS attaches to the control plane;
 * - DNS: the private endpoint's name resolves to private addresses only inside the cluster's VPC
 *   (EKS keeps it in a private hosted zone no other VPC can be associated with; aws/containers-roadmap#221).
 *   A Route 53 Resolver inbound endpoint in this VPC answers for it, and an outbound endpoint with
 *   a forwarding rule for the endpoint's host name in the management VPC sends Argo CD's queries
 *   there (Route 53 Developer Guide, "Resolving DNS queries between VPCs and your network": forward
 *   to an inbound endpoint, never to the other VPC's +2 resolver).
 */
export class ArgoCdNetworkPath extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdNetworkPathProps) {
    super(scope, id);
    const { cluster, management, own, managementNetwork, managementProvider } = props;
    if (Ipv4Cidr.parse(cluster.networkCidr).overlaps(Ipv4Cidr.parse(management.networkCidr))) {
      throw new Error(
        `cluster ${cluster.name}: networkCidr ${cluster.networkCidr} overlaps ${management.name}'s ${management.networkCidr}; ` +
          'VPC peering needs disjoint ranges (choose another networkCidr)',
      );
    }
    const inManagement = { provider: managementProvider };

    const peering = new VpcPeeringConnection(this, 'peering', {
      ...inManagement,
      vpcId: managementNetwork.vpcId,
      peerVpcId: own.vpcId,
      peerRegion: cluster.region,
      tags: { Name: `${management.name}-to-${cluster.name}` },
    });
    const accepted = new VpcPeeringConnectionAccepterA(this, 'peering-accepter', {
      vpcPeeringConnectionId: peering.id,
      autoAccept: true,
      tags: { Name: `${management.name}-to-${cluster.name}` },
    });
    for (let zone = 0; zone < ZONE_COUNT; zone += 1) {
      new Route(this, `to-management-${zone}`, {
        routeTableId: Fn.element(own.privateRouteTableIds, zone),
        destinationCidrBlock: management.networkCidr,
        vpcPeeringConnectionId: accepted.id,
      });
      new Route(this, `from-management-${zone}`, {
        ...inManagement,
        routeTableId: Fn.element(managementNetwork.privateRouteTableIds, zone),
        destinationCidrBlock: cluster.networkCidr,
        vpcPeeringConnectionId: accepted.id,
      });
    }

    new VpcSecurityGroupIngressRule(this, 'api-from-management', {
      securityGroupId: props.clusterSecurityGroupId,
      description: `Kubernetes API from ${management.name} (Argo CD)`,
      cidrIpv4: management.networkCidr,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
    });

    const inboundIps = subnetPlan(cluster.networkCidr)
      .private.slice(0, 2)
      .map((subnet) => hostOf(subnet, RESOLVER_HOST));
    const inboundGroup = new SecurityGroup(this, 'dns-inbound-group', {
      name: `${cluster.name}-dns-from-${management.name}`,
      description: `DNS queries from ${management.name} to the resolver of ${cluster.name}`,
      vpcId: own.vpcId,
    });
    const outboundGroup = new SecurityGroup(this, 'dns-outbound-group', {
      ...inManagement,
      name: `${management.name}-dns-to-${cluster.name}`,
      description: `DNS queries from ${management.name} to the resolver of ${cluster.name}`,
      vpcId: managementNetwork.vpcId,
    });
    for (const protocol of ['udp', 'tcp']) {
      new VpcSecurityGroupIngressRule(this, `dns-inbound-${protocol}`, {
        securityGroupId: inboundGroup.id,
        cidrIpv4: management.networkCidr,
        ipProtocol: protocol,
        fromPort: 53,
        toPort: 53,
      });
      new VpcSecurityGroupEgressRule(this, `dns-outbound-${protocol}`, {
        ...inManagement,
        securityGroupId: outboundGroup.id,
        cidrIpv4: cluster.networkCidr,
        ipProtocol: protocol,
        fromPort: 53,
        toPort: 53,
      });
    }
    new Route53ResolverEndpoint(this, 'dns-inbound', {
      name: `${cluster.name}-inbound`,
      direction: 'INBOUND',
      securityGroupIds: [inboundGroup.id],
      ipAddress: inboundIps.map((ip, zone) => ({ subnetId: Fn.element(own.privateSubnetIds, zone), ip })),
    });
    const outbound = new Route53ResolverEndpoint(this, 'dns-outbound', {
      ...inManagement,
      name: `${management.name}-to-${cluster.name}`,
      direction: 'OUTBOUND',
      securityGroupIds: [outboundGroup.id],
      ipAddress: [0, 1].map((zone) => ({ subnetId: Fn.element(managementNetwork.privateSubnetIds, zone) })),
    });
    const rule = new Route53ResolverRule(this, 'dns-rule', {
      ...inManagement,
      name: `${cluster.name}-api`,
      domainName: Fn.replace(props.clusterEndpoint, 'https://', ''),
      ruleType: 'FORWARD',
      resolverEndpointId: outbound.id,
      targetIp: inboundIps.map((ip) => ({ ip, port: 53 })),
    });
    new Route53ResolverRuleAssociation(this, 'dns-rule-association', { ...inManagement, resolverRuleId: rule.id, vpcId: managementNetwork.vpcId });
  }
}

/** The `index`-th address of `cidr` (a literal, so that both ends can name it at synth). */
function hostOf(cidr: string, index: number): string {
  const prefix = Number(cidr.split('/')[1]);
  return Ipv4Cidr.parse(cidr)
    .subnet(32 - prefix, index)
    .toString()
    .replace(/\/32$/, '');
}
