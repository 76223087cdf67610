import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { CLUSTER_AUTOSCALER_WORKLOAD, clusterAutoscalerAsgTags, clusterAutoscalerRoleName } from '../../core/cluster-autoscaler-contract';
import { irsaTrustStatement } from './irsa-trust';

/** IAM role names are at most 64 characters (IAM CreateRole, RoleName). */
const ROLE_NAME_LENGTH = 64;

export interface ClusterAutoscalerIdentityProps {
  /** The EKS cluster's name as the spec writes it (a literal: it is part of a tag key in a condition). */
  readonly clusterName: string;
  readonly accountId: string;
  readonly region: string;
  /** The cluster's IAM OIDC provider and its issuer URL (IRSA). */
  readonly oidcProviderArn: string;
  readonly issuer: string;
}

/**
 * The IRSA role of the cluster-autoscaler (`kube-system/cluster-autoscaler`), named
 * `<cluster>-cluster-autoscaler` (cluster-autoscaler-contract.ts), with the rights of the
 * "Full Cluster Autoscaler Features Policy" of the AWS cloud provider (kubernetes/autoscaler
 * cluster-autoscaler/cloudprovider/aws/README.md at cluster-autoscaler-1.34.x, the image we run),
 * narrowed as that README recommends:
 * - the describe calls auto-discovery and the node templates need, which IAM grants on `*` only
 *   (no resource-level permissions), and `eks:DescribeNodegroup` on this cluster's node groups;
 * - `SetDesiredCapacity` and `TerminateInstanceInAutoScalingGroup` only on Auto Scaling groups
 *   tagged as this cluster's managed node groups (`aws:ResourceTag` with both tags EKS puts on them),
 *   so it can never resize another cluster's nodes or any other group of the account.
 * The permissions boundary of the environment is set by the stack's aspect like on every role.
 */
export class ClusterAutoscalerIdentity extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ClusterAutoscalerIdentityProps) {
    super(scope, id);
    const name = clusterAutoscalerRoleName({ name: props.clusterName });
    if (name.length > ROLE_NAME_LENGTH) {
      throw new Error(`${props.clusterName}: the cluster-autoscaler role name ${name} is longer than IAM's ${ROLE_NAME_LENGTH} characters (shorten the cluster name)`);
    }
    const trust = new DataAwsIamPolicyDocument(this, 'trust', { statement: [irsaTrustStatement(props.oidcProviderArn, props.issuer, [CLUSTER_AUTOSCALER_WORKLOAD])] });
    const { namespace, serviceAccount } = CLUSTER_AUTOSCALER_WORKLOAD;
    this.role = new IamRole(this, 'role', {
      name,
      description: `Service account ${namespace}/${serviceAccount} of ${props.clusterName} (IRSA): scales its managed node groups`,
      assumeRolePolicy: trust.json,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'policy-document', { statement: clusterAutoscalerStatements(props) });
    new IamRolePolicy(this, 'policy', { name: 'scale-node-groups', role: this.role.id, policy: policy.json });
  }
}

/** The statements of the autoscaler's policy (see ClusterAutoscalerIdentity). */
export function clusterAutoscalerStatements(props: Pick<ClusterAutoscalerIdentityProps, 'clusterName' | 'accountId' | 'region'>): DataAwsIamPolicyDocumentStatement[] {
  const ownGroups = Object.entries(clusterAutoscalerAsgTags(props.clusterName)).map(([key, value]) => ({
    test: 'StringEquals',
    variable: `aws:ResourceTag/${key}`,
    values: [value],
  }));
  return [
    {
      sid: 'DiscoverNodeGroups',
      effect: 'Allow',
      actions: [
        'autoscaling:DescribeAutoScalingGroups',
        'autoscaling:DescribeAutoScalingInstances',
        'autoscaling:DescribeLaunchConfigurations',
        'autoscaling:DescribeScalingActivities',
        'ec2:DescribeImages',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplateVersions',
        'ec2:GetInstanceTypesFromInstanceRequirements',
      ],
      resources: ['*'],
    },
    {
      // Labels and taints of a node group at zero nodes (README: only called then).
      sid: 'DescribeOwnNodeGroups',
      effect: 'Allow',
      actions: ['eks:DescribeNodegroup'],
      resources: [`arn:aws:eks:${props.region}:${props.accountId}:nodegroup/${props.clusterName}/*/*`],
    },
    {
      sid: 'ScaleOwnNodeGroups',
      effect: 'Allow',
      actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
      resources: ['*'],
      condition: ownGroups,
    },
  ];
}
