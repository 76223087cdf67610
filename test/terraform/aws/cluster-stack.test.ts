import { Testing } from 'cdktf';
import { AwsClusterStack, CLUSTER_OUTPUTS, CONTROL_PLANE_LOG_TYPES } from '../../../constructs/terraform/aws/cluster-stack';
import { AwsNetworkStack } from '../../../constructs/terraform/aws/network-stack';
import { renderStack } from '../../../constructs/terraform/render-stack';
import type { EksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { at, block, buildAws, eksClusters, EKS_CASES, envNamed, statements, stackNamed, synthJson } from './aws-test-helpers';

const NETWORK_SUBNETS = '${data.terraform_remote_state.network.outputs.private_subnet_ids}';

describe.each(EKS_CASES)('AwsClusterStack of %s', (_name, spec, cluster) => {
  const stack = stackNamed(buildAws(spec), AwsClusterStack.nameFor(cluster));
  const json = synthJson(stack);
  const eks = block(json, 'aws_eks_cluster', 'cluster');
  let violations: unknown[];

  beforeAll(async () => {
    violations = (await renderStack(stack, spec.name)).violations;
  });

  it('renders without violations', () => {
    expect(violations).toEqual([]);
  });

  it('runs the spec Kubernetes version under the cluster name, in the private subnets of its network', () => {
    expect(eks).toMatchObject({ name: cluster.name, version: cluster.kubernetesVersion });
    expect(at(eks, 'vpc_config', 'subnet_ids')).toBe(NETWORK_SUBNETS);
  });

  if (cluster.apiAccess.privateEndpoint) {
    it('has a private API endpoint only', () => {
      expect(eks.vpc_config).toEqual({ endpoint_private_access: true, endpoint_public_access: false, subnet_ids: NETWORK_SUBNETS });
    });
  } else {
    it(`opens the public API endpoint to ${cluster.apiAccess.allowedCidrs.join(', ')} only`, () => {
      expect(eks.vpc_config).toEqual({
        endpoint_private_access: true,
        endpoint_public_access: true,
        public_access_cidrs: [...cluster.apiAccess.allowedCidrs],
        subnet_ids: NETWORK_SUBNETS,
      });
    });
  }

  it('never opens the API to the whole internet', () => {
    expect(JSON.stringify(eks.vpc_config)).not.toMatch(/0\.0\.0\.0\/0|::\/0/);
  });

  it('encrypts Kubernetes secrets with a dedicated, rotated key', () => {
    expect(eks.encryption_config).toEqual({ resources: ['secrets'], provider: { key_arn: '${aws_kms_key.secrets-key.arn}' } });
    expect(block(json, 'aws_kms_key', 'secrets-key')).toMatchObject({ enable_key_rotation: true });
    expect(statements(json, 'cluster-role-secrets-key-document')).toEqual([
      expect.objectContaining({ resources: ['${aws_kms_key.secrets-key.arn}'] }),
    ]);
  });

  it('sends every control plane log type to an encrypted log group created first', () => {
    expect(eks.enabled_cluster_log_types).toEqual([...CONTROL_PLANE_LOG_TYPES]);
    expect(CONTROL_PLANE_LOG_TYPES).toHaveLength(5);
    expect(block(json, 'aws_cloudwatch_log_group', 'control-plane-logs-log-group')).toMatchObject({
      name: `/aws/eks/${cluster.name}/cluster`,
      retention_in_days: spec.tier === 'production' ? 365 : 90,
      kms_key_id: '${aws_kms_key.control-plane-logs-key.arn}',
    });
    expect(eks.depends_on).toContain('aws_cloudwatch_log_group.control-plane-logs-log-group');
  });

  it('authenticates through access entries only, with no implicit admin for the creator', () => {
    expect(eks.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false });
  });

  it(`makes the spec Argo CD role (${cluster.argocdRoleArn}) cluster admin through an access entry`, () => {
    expect(block(json, 'aws_eks_access_entry', 'argocd-access')).toMatchObject({
      cluster_name: '${aws_eks_cluster.cluster.name}',
      principal_arn: cluster.argocdRoleArn,
      type: 'STANDARD',
    });
    expect(block(json, 'aws_eks_access_policy_association', 'argocd-cluster-admin')).toMatchObject({
      principal_arn: '${aws_eks_access_entry.argocd-access.principal_arn}',
      policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      access_scope: { type: 'cluster' },
    });
  });

  it("trusts the cluster's OIDC issuer for IRSA and gives the VPC CNI its rights through it, not through the nodes", () => {
    expect(block(json, 'aws_iam_openid_connect_provider', 'irsa-oidc')).toMatchObject({
      url: '${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}',
      client_id_list: ['sts.amazonaws.com'],
    });
    const [trust] = statements(json, 'vpc-cni-role-trust');
    expect(trust?.condition).toContainEqual(expect.objectContaining({ test: 'StringEquals', values: ['system:serviceaccount:kube-system:aws-node'] }));
    expect(block(json, 'aws_eks_addon', 'vpc-cni')).toMatchObject({ addon_name: 'vpc-cni', service_account_role_arn: '${aws_iam_role.vpc-cni-role.arn}' });
    const nodePolicies = ['node-role-worker', 'node-role-ecr'].map((n) => block(json, 'aws_iam_role_policy_attachment', n).policy_arn);
    expect(nodePolicies).toEqual(['arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy', 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly']);
  });

  it('gives the control plane and the nodes roles their services alone can assume', () => {
    expect(statements(json, 'cluster-role-trust')[0]?.principals).toEqual([{ type: 'Service', identifiers: ['eks.amazonaws.com'] }]);
    expect(statements(json, 'node-role-trust')[0]).toMatchObject({ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }] });
    expect(block(json, 'aws_iam_role_policy_attachment', 'cluster-role-eks').policy_arn).toBe('arn:aws:iam::aws:policy/AmazonEKSClusterPolicy');
  });

  it(`scales the node group of ${cluster.nodePool.machineType} between ${cluster.nodePool.minNodes} and ${cluster.nodePool.maxNodes}, starting at the minimum`, () => {
    expect(block(json, 'aws_eks_node_group', 'nodes')).toMatchObject({
      cluster_name: '${aws_eks_cluster.cluster.name}',
      instance_types: [cluster.nodePool.machineType],
      subnet_ids: NETWORK_SUBNETS,
      scaling_config: { min_size: cluster.nodePool.minNodes, max_size: cluster.nodePool.maxNodes, desired_size: cluster.nodePool.minNodes },
      lifecycle: { create_before_destroy: true, ignore_changes: ['scaling_config[0].desired_size'] },
    });
  });

  it(`${spec.tier === 'production' ? 'protects' : 'does not protect'} the cluster from deletion`, () => {
    expect(eks.deletion_protection).toBe(spec.tier === 'production');
  });

  it('publishes what the Argo CD cluster registration needs', () => {
    expect(Object.keys(at(json, 'output') as object).sort()).toEqual(Object.keys(CLUSTER_OUTPUTS).sort());
    expect(at(json, 'output')).toMatchObject({
      endpoint: { value: '${aws_eks_cluster.cluster.endpoint}' },
      certificate_authority_data: { value: '${aws_eks_cluster.cluster.certificate_authority[0].data}' },
      cluster_name: { value: '${aws_eks_cluster.cluster.name}' },
      oidc_issuer_url: { value: '${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}' },
      argocd_role_arn: { value: '${aws_eks_access_entry.argocd-access.principal_arn}' },
    });
  });
});

describe('AwsClusterStack API access', () => {
  it('keeps prod API servers private and opens staging only to the admin CIDRs', () => {
    const endpoints = (env: string) =>
      eksClusters(envNamed(env)).map((cluster) => {
        const json = synthJson(stackNamed(buildAws(envNamed(env)), AwsClusterStack.nameFor(cluster)));
        const vpc = block(json, 'aws_eks_cluster', 'cluster').vpc_config as Record<string, unknown>;
        return [vpc.endpoint_public_access, vpc.public_access_cidrs];
      });
    expect(endpoints('prod')).toEqual([[false, undefined], [false, undefined]]);
    expect(endpoints('staging')).toEqual([[true, ['198.51.100.0/24', '203.0.113.0/24']]]);
  });

  function withAccess(apiAccess: EksClusterSpec['apiAccess']): () => AwsClusterStack {
    const staging = envNamed('staging');
    const cluster = { ...eksClusters(staging)[0]!, apiAccess };
    const spec: EnvironmentSpec = { ...staging, clusters: [cluster] };
    return () => {
      const app = Testing.app();
      const network = new AwsNetworkStack(app, 'network', { spec, cluster });
      return new AwsClusterStack(app, 'cluster', { spec, cluster, network });
    };
  }

  it('rejects a public endpoint without an allow list, which EKS would open to 0.0.0.0/0', () => {
    expect(withAccess({ privateEndpoint: false, allowedCidrs: [] })).toThrow(/allowedCidrs is empty with a public endpoint/);
  });

  it('rejects an allow list with the whole internet', () => {
    expect(withAccess({ privateEndpoint: false, allowedCidrs: ['10.0.0.0/8', '0.0.0.0/0'] })).toThrow(/contains 0\.0\.0\.0\/0/);
  });

  it('rejects an allow list that a private endpoint would ignore', () => {
    expect(withAccess({ privateEndpoint: true, allowedCidrs: ['203.0.113.0/24'] })).toThrow(/no effect with privateEndpoint: true/);
  });

  it('rejects a cluster outside the account that holds the state and the CI roles', () => {
    const staging = envNamed('staging');
    const cluster = { ...eksClusters(staging)[0]!, accountId: '999999999999' };
    expect(() => new AwsNetworkStack(Testing.app(), 'network', { spec: { ...staging, clusters: [cluster] }, cluster })).toThrow(/put the cluster in that account/);
  });

  it('rejects an Argo CD role that is not an IAM role ARN', () => {
    const staging = envNamed('staging');
    const cluster = { ...eksClusters(staging)[0]!, argocdRoleArn: 'argocd' };
    const spec = { ...staging, clusters: [cluster] };
    const app = Testing.app();
    const network = new AwsNetworkStack(app, 'network', { spec, cluster });
    expect(() => new AwsClusterStack(app, 'cluster', { spec, cluster, network })).toThrow(/is not an IAM role ARN/);
  });
});
