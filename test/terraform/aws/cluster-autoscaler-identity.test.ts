import { Testing } from 'cdktf';
import { CLUSTER_AUTOSCALER_WORKLOAD, clusterAutoscalerRoleArn, clusterAutoscalerRoleName } from '../../../constructs/core/cluster-autoscaler-contract';
import { serviceAccountSubject } from '../../../constructs/core/observability-contract';
import { ClusterAutoscalerIdentity } from '../../../constructs/terraform/aws/cluster-autoscaler-identity';
import { BOUNDARY_SERVICES, PermissionsBoundaryAspect } from '../../../constructs/terraform/aws/permissions-boundary';
import { ReadableNamesStack } from '../../../constructs/terraform/readable-names-stack';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import { block, stackNamed, synthJson } from '../terraform-json';
import { buildAws, EKS_CASES, statements } from './aws-test-helpers';

const BOUNDARY = 'arn:aws:iam::210987654321:policy/test-workload-boundary';
const PROVIDER = 'arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE';
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE';
const ISSUER_HOST = `\${replace("${ISSUER}", "https://", "")}`;

/** A stack with readable names, as the estate's stacks are. */
class TestStack extends ReadableNamesStack {}

/** A stack holding only the identity of cluster `name`, with the boundary aspect every AWS stack has. */
function identityStack(name: string): Record<string, unknown> {
  const stack = new TestStack(Testing.app(), 'test', 'test: identity');
  PermissionsBoundaryAspect.addTo(stack, BOUNDARY);
  new ClusterAutoscalerIdentity(stack, 'cluster-autoscaler', { clusterName: name, accountId: '210987654321', region: 'eu-west-1', oidcProviderArn: PROVIDER, issuer: ISSUER });
  return synthJson(stack);
}

describe('ClusterAutoscalerIdentity', () => {
  const json = identityStack('test-eks-euw1');
  const role = block(json, 'aws_iam_role', 'cluster-autoscaler-role');

  it('names the role <cluster>-cluster-autoscaler, a prefix the CI apply role may create, and the ARN the Helm values annotate', () => {
    expect(role.name).toBe('test-eks-euw1-cluster-autoscaler');
    expect(role.name).toBe(clusterAutoscalerRoleName({ name: 'test-eks-euw1' }));
    expect(String(role.name).startsWith('test-eks-euw1-')).toBe(true);
    expect(clusterAutoscalerRoleArn('210987654321', { name: 'test-eks-euw1' })).toBe('arn:aws:iam::210987654321:role/test-eks-euw1-cluster-autoscaler');
  });

  it("trusts exactly kube-system/cluster-autoscaler with the STS audience, through the cluster's OIDC provider only", () => {
    expect(CLUSTER_AUTOSCALER_WORKLOAD).toEqual({ namespace: 'kube-system', serviceAccount: 'cluster-autoscaler' });
    expect(role.assume_role_policy).toBe('${data.aws_iam_policy_document.cluster-autoscaler-trust.json}');
    expect(statements(json, 'cluster-autoscaler-trust')).toEqual([
      {
        effect: 'Allow',
        principals: [{ type: 'Federated', identifiers: [PROVIDER] }],
        actions: ['sts:AssumeRoleWithWebIdentity'],
        condition: [
          { test: 'StringEquals', variable: `${ISSUER_HOST}:aud`, values: ['sts.amazonaws.com'] },
          { test: 'StringEquals', variable: `${ISSUER_HOST}:sub`, values: [serviceAccountSubject(CLUSTER_AUTOSCALER_WORKLOAD)] },
        ],
      },
    ]);
  });

  it('may describe what auto-discovery reads, and the node groups of its own cluster only', () => {
    const [discover, nodeGroups] = statements(json, 'cluster-autoscaler-policy-document');
    expect(discover).toEqual({
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
    });
    expect(nodeGroups).toEqual({
      sid: 'DescribeOwnNodeGroups',
      effect: 'Allow',
      actions: ['eks:DescribeNodegroup'],
      resources: ['arn:aws:eks:eu-west-1:210987654321:nodegroup/test-eks-euw1/*/*'],
    });
  });

  it('may resize and shrink only Auto Scaling groups tagged as node groups of its own cluster', () => {
    const scale = statements(json, 'cluster-autoscaler-policy-document').find((s) => s.sid === 'ScaleOwnNodeGroups');
    expect(scale).toEqual({
      sid: 'ScaleOwnNodeGroups',
      effect: 'Allow',
      actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
      resources: ['*'],
      condition: [
        { test: 'StringEquals', variable: 'aws:ResourceTag/k8s.io/cluster-autoscaler/enabled', values: ['true'] },
        { test: 'StringEquals', variable: 'aws:ResourceTag/k8s.io/cluster-autoscaler/test-eks-euw1', values: ['owned'] },
      ],
    });
    expect(block(json, 'aws_iam_role_policy', 'cluster-autoscaler-policy')).toEqual({
      name: 'scale-node-groups',
      role: '${aws_iam_role.cluster-autoscaler-role.id}',
      policy: '${data.aws_iam_policy_document.cluster-autoscaler-policy-document.json}',
    });
  });

  it("carries the environment's permissions boundary, which allows every service its policy uses", () => {
    expect(role.permissions_boundary).toBe(BOUNDARY);
    const services = statements(json, 'cluster-autoscaler-policy-document')
      .flatMap((s) => s.actions ?? [])
      .map((action) => action.split(':')[0]);
    for (const service of new Set(services)) expect([service, (BOUNDARY_SERVICES as readonly string[]).includes(service!)]).toEqual([service, true]);
  });

  it('rejects a cluster name that would make the role name longer than IAM allows, naming the fix', () => {
    expect(() => identityStack(`a${'b'.repeat(45)}`)).toThrow(/longer than IAM's 64 characters \(shorten the cluster name\)/);
  });
});

describe.each(EKS_CASES)('AwsClusterStack of %s', (_name, spec, cluster) => {
  const json = synthJson(stackNamed(buildAws(spec), clusterStackName('aws', cluster.name)));

  it("creates the cluster-autoscaler's IRSA role, trusted by this cluster's OIDC provider, with the boundary", () => {
    expect(block(json, 'aws_iam_role', 'cluster-autoscaler-role')).toMatchObject({
      name: `${cluster.name}-cluster-autoscaler`,
      permissions_boundary: `arn:aws:iam::${spec.clouds.aws!.accountId}:policy/${spec.name}-workload-boundary`,
    });
    expect(statements(json, 'cluster-autoscaler-trust')[0]?.principals).toEqual([{ type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.irsa-oidc.arn}'] }]);
    expect(statements(json, 'cluster-autoscaler-policy-document').find((s) => s.sid === 'ScaleOwnNodeGroups')?.condition).toContainEqual({
      test: 'StringEquals',
      variable: `aws:ResourceTag/k8s.io/cluster-autoscaler/${cluster.name}`,
      values: ['owned'],
    });
  });

  it('leaves the desired size of the node group to the autoscaler: Terraform sets it at creation only', () => {
    expect(block(json, 'aws_eks_node_group', 'nodes')).toMatchObject({
      scaling_config: { min_size: cluster.nodePool.minNodes, max_size: cluster.nodePool.maxNodes, desired_size: cluster.nodePool.minNodes },
      lifecycle: { ignore_changes: ['scaling_config[0].desired_size'] },
    });
  });
});
