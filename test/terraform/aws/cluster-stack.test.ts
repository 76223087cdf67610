import { Testing } from 'cdktf';
import {
  CONTAINER_LOG_RETENTION_DAYS,
  containerLogGroupName,
  FLUENT_BIT_WORKLOAD,
  POLICY_REPORTER_WORKLOAD,
  serviceAccountSubject,
  TERRAFORM_DRIFT_WORKLOAD,
  workloadIdentityName,
} from '../../../constructs/core/observability-contract';
import { workloadIdentityAnnotation } from '../../../constructs/kubernetes/workload-identity';
import { logDestination } from '../../../constructs/platform/addons/fluent-bit-destinations';
import { CLUSTER_OUTPUTS } from '../../../constructs/terraform/aws/cluster-outputs';
import { AwsClusterStack } from '../../../constructs/terraform/aws/cluster-stack';
import { CONTROL_PLANE_LOG_TYPES } from '../../../constructs/terraform/aws/eks-api-access';
import { AwsFoundationStack } from '../../../constructs/terraform/aws/foundation-stack';
import { AwsNetworkStack } from '../../../constructs/terraform/aws/network-stack';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import type { EksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { FIXTURE_ADMIN_CIDRS } from '../../support/fixture-environment';
import { TF_PRODUCTION, TF_STAGING } from '../terraform-fixtures';
import { at, block, blocksOf, stackNamed, synthJson } from '../terraform-json';
import { buildAws, EKS_CASES, eksClusters, statements } from './aws-test-helpers';

const NETWORK_SUBNETS = '${data.terraform_remote_state.network.outputs.private_subnet_ids}';
const foundationOutput = (name: string) => `\${data.terraform_remote_state.foundation.outputs.${name}}`;
const ISSUER_HOST = '${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}';

describe.each(EKS_CASES)('AwsClusterStack of %s', (_name, spec, cluster) => {
  const stack = stackNamed(buildAws(spec), clusterStackName('aws', cluster.name));
  const json = synthJson(stack);
  const eks = block(json, 'aws_eks_cluster', 'cluster');
  let violations: unknown[];

  beforeAll(() => {
    violations = stackViolations(stack, spec.name);
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
    expect(statements(json, 'cluster-role-secrets-key-document')).toEqual([expect.objectContaining({ resources: ['${aws_kms_key.secrets-key.arn}'] })]);
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

  if (cluster.role === 'workload') {
    it(`makes the spec Argo CD role (argocd-${cluster.name}) cluster admin through an access entry`, () => {
      expect(block(json, 'aws_iam_role', 'argocd-role')).toMatchObject({ name: `argocd-${cluster.name}`, path: '/' });
      expect(block(json, 'aws_eks_access_entry', 'argocd-access')).toMatchObject({
        cluster_name: '${aws_eks_cluster.cluster.name}',
        principal_arn: '${aws_iam_role.argocd-role.arn}',
        type: 'STANDARD',
      });
      expect(block(json, 'aws_eks_access_policy_association', 'argocd-cluster-admin')).toMatchObject({
        principal_arn: '${aws_eks_access_entry.argocd-access.principal_arn}',
        policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
        access_scope: { type: 'cluster' },
      });
    });
  } else {
    it(`creates the spec Argo CD role (argocd-${cluster.name}) as Argo CD's IRSA role, with no access entry (in-cluster)`, () => {
      expect(block(json, 'aws_iam_role', 'argocd')).toMatchObject({ name: `argocd-${cluster.name}`, path: '/' });
      // The break-glass entry (production) is the only one: Argo CD reaches its own cluster in-cluster.
      expect(Object.keys(blocksOf(json, 'aws_eks_access_entry')).filter((name) => name !== 'break-glass-entry')).toEqual([]);
    });
  }

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

  it('turns on NetworkPolicy enforcement in the VPC CNI add-on, which stores policies but enforces none by default', () => {
    const configuration: unknown = JSON.parse(String(block(json, 'aws_eks_addon', 'vpc-cni').configuration_values));
    expect(configuration).toEqual({ enableNetworkPolicy: 'true' });
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

  describe.each([
    ['terraform-drift', TERRAFORM_DRIFT_WORKLOAD],
    ['policy-reporter', POLICY_REPORTER_WORKLOAD],
    ['fluent-bit', FLUENT_BIT_WORKLOAD],
  ] as const)('the %s IRSA role', (workload, serviceAccount) => {
    const role = block(json, 'aws_iam_role', `${workload}-role`);

    it(`is named ${workloadIdentityName(cluster, workload)} by the observability contract`, () => {
      expect(role.name).toBe(workloadIdentityName(cluster, workload));
      expect(role.assume_role_policy).toBe(`\${data.aws_iam_policy_document.${workload}-role-trust.json}`);
    });

    it(`trusts exactly ${serviceAccountSubject(serviceAccount)} with the STS audience, through this cluster's OIDC provider only`, () => {
      expect(statements(json, `${workload}-role-trust`)).toEqual([
        {
          effect: 'Allow',
          principals: [{ type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.irsa-oidc.arn}'] }],
          actions: ['sts:AssumeRoleWithWebIdentity'],
          condition: [
            { test: 'StringEquals', variable: `${ISSUER_HOST}:aud`, values: ['sts.amazonaws.com'] },
            { test: 'StringEquals', variable: `${ISSUER_HOST}:sub`, values: [serviceAccountSubject(serviceAccount)] },
          ],
        },
      ]);
    });
  });

  it("lets the drift check read every resource and the foundation's state, without taking the lock", () => {
    expect(block(json, 'aws_iam_role_policy_attachment', 'terraform-drift-role-read-only')).toEqual({
      role: '${aws_iam_role.terraform-drift-role.name}',
      policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    const state = foundationOutput('state_bucket_arn');
    expect(statements(json, 'terraform-drift-role-state-document')).toEqual([
      { sid: 'ListState', effect: 'Allow', actions: ['s3:ListBucket'], resources: [state] },
      { sid: 'ReadState', effect: 'Allow', actions: ['s3:GetObject'], resources: [`${state}/*`] },
      { sid: 'UseStateKey', effect: 'Allow', actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [foundationOutput('state_key_arn')] },
    ]);
  });

  it("lets the report uploader only put objects into the foundation's report bucket, encrypted with its key through S3 (multipart included)", () => {
    expect(statements(json, 'policy-reporter-role-reports-document')).toEqual([
      { sid: 'UploadReports', effect: 'Allow', actions: ['s3:PutObject'], resources: [`${foundationOutput('report_bucket_arn')}/*`] },
      {
        sid: 'EncryptReportsThroughS3',
        effect: 'Allow',
        actions: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'],
        resources: [foundationOutput('report_key_arn')],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${spec.clouds.aws!.region}.amazonaws.com`] }],
      },
    ]);
    const attached = Object.values(blocksOf(json, 'aws_iam_role_policy_attachment')).map((a) => a.role);
    expect(attached).not.toContain('${aws_iam_role.policy-reporter-role.name}');
  });

  describe('container logs', () => {
    const logGroup = block(json, 'aws_cloudwatch_log_group', 'container-logs-log-group');
    const logGroupArn = '${aws_cloudwatch_log_group.container-logs-log-group.arn}';
    const name = containerLogGroupName(spec, cluster);

    it(`creates ${name} with the ${spec.tier} retention of the contract (${CONTAINER_LOG_RETENTION_DAYS[spec.tier]} days), encrypted with its own rotated key`, () => {
      expect(logGroup).toEqual({
        name,
        retention_in_days: CONTAINER_LOG_RETENTION_DAYS[spec.tier],
        kms_key_id: '${aws_kms_key.container-logs-key.arn}',
      });
      expect(block(json, 'aws_kms_key', 'container-logs-key')).toMatchObject({ enable_key_rotation: true });
      const [, logsService] = statements(json, 'container-logs-key-policy');
      expect(logsService?.principals).toEqual([{ type: 'Service', identifiers: [`logs.${cluster.region}.amazonaws.com`] }]);
      expect(logsService?.condition).toEqual([
        { test: 'ArnEquals', variable: 'kms:EncryptionContext:aws:logs:arn', values: [`arn:aws:logs:${cluster.region}:${spec.clouds.aws!.accountId}:log-group:${name}`] },
      ]);
    });

    it('lets Fluent Bit only create streams in and put events into that group: no group creation, retention or reads', () => {
      const policies = Object.values(blocksOf(json, 'aws_iam_role_policy')).filter((p) => p.role === '${aws_iam_role.fluent-bit-role.id}');
      expect(policies).toEqual([
        { name: 'write-container-logs', role: '${aws_iam_role.fluent-bit-role.id}', policy: '${data.aws_iam_policy_document.fluent-bit-role-logs-document.json}' },
      ]);
      expect(statements(json, 'fluent-bit-role-logs-document')).toEqual([
        {
          sid: 'WriteContainerLogs',
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [`${logGroupArn}:*`],
        },
      ]);
      const attached = Object.values(blocksOf(json, 'aws_iam_role_policy_attachment')).map((a) => a.role);
      expect(attached).not.toContain('${aws_iam_role.fluent-bit-role.name}');
    });

    it("is where the cluster's Fluent Bit output writes, as the role its ServiceAccount names", () => {
      const output = Object.fromEntries(logDestination(spec, cluster).properties);
      expect(output).toMatchObject({ Name: 'cloudwatch_logs', log_group_name: name, region: cluster.region, auto_create_group: 'false' });
      const role = block(json, 'aws_iam_role', 'fluent-bit-role');
      // No path: the ARN is arn:aws:iam::<account>:role/<name>.
      expect(role.path).toBeUndefined();
      expect(workloadIdentityAnnotation(cluster, 'fluent-bit', spec.clouds)?.value).toBe(`arn:aws:iam::${spec.clouds.aws!.accountId}:role/${String(role.name)}`);
    });
  });

  it('publishes what the Argo CD cluster registration needs', () => {
    expect(Object.keys(at(json, 'output') as object).sort()).toEqual(Object.keys(CLUSTER_OUTPUTS).sort());
    expect(at(json, 'output')).toMatchObject({
      endpoint: { value: '${aws_eks_cluster.cluster.endpoint}' },
      certificate_authority_data: { value: '${aws_eks_cluster.cluster.certificate_authority[0].data}' },
      cluster_name: { value: '${aws_eks_cluster.cluster.name}' },
      oidc_issuer_url: { value: '${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}' },
      argocd_role_arn: { value: cluster.role === 'management' ? '${aws_iam_role.argocd.arn}' : '${aws_iam_role.argocd-role.arn}' },
      terraform_drift_role_arn: { value: '${aws_iam_role.terraform-drift-role.arn}' },
      policy_reporter_role_arn: { value: '${aws_iam_role.policy-reporter-role.arn}' },
      fluent_bit_role_arn: { value: '${aws_iam_role.fluent-bit-role.arn}' },
    });
  });
});

describe('AwsClusterStack API access', () => {
  it('keeps prod API servers private and opens staging only to the admin CIDRs', () => {
    const endpoints = (env: EnvironmentSpec) =>
      eksClusters(env).map((cluster) => {
        const json = synthJson(stackNamed(buildAws(env), clusterStackName('aws', cluster.name)));
        const vpc = block(json, 'aws_eks_cluster', 'cluster').vpc_config as Record<string, unknown>;
        return [vpc.endpoint_public_access, vpc.public_access_cidrs];
      });
    expect(endpoints(TF_PRODUCTION)).toEqual([
      [false, undefined],
      [false, undefined],
    ]);
    expect(endpoints(TF_STAGING)).toEqual([[true, [...FIXTURE_ADMIN_CIDRS]]]);
  });

  function withAccess(apiAccess: EksClusterSpec['apiAccess']): () => AwsClusterStack {
    const staging = TF_STAGING;
    const cluster = { ...eksClusters(staging)[0]!, apiAccess };
    const spec: EnvironmentSpec = { ...staging, clusters: [cluster] };
    return () => {
      const app = Testing.app();
      const foundation = new AwsFoundationStack(app, 'foundation', { spec });
      const network = new AwsNetworkStack(app, 'network', { spec, cluster });
      return new AwsClusterStack(app, 'cluster', { spec, cluster, network, foundation });
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
});

describe('break-glass access on EKS clusters (issue 11, item 21)', () => {
  it.each(EKS_CASES)('%s: gives the break-glass role its own cluster-admin entry exactly where the spec names break-glass principals', (_name, spec, cluster) => {
    const json = synthJson(stackNamed(buildAws(spec), clusterStackName('aws', cluster.name)));
    const entries = blocksOf(json, 'aws_eks_access_entry');
    if (spec.infrastructure.breakGlass === undefined) {
      expect(Object.keys(entries)).not.toContain('break-glass-entry');
      return;
    }
    expect(block(json, 'aws_eks_access_entry', 'break-glass-entry')).toMatchObject({
      cluster_name: '${aws_eks_cluster.cluster.name}',
      principal_arn: `arn:aws:iam::${spec.clouds.aws!.accountId}:role/${spec.name}-eks-break-glass`,
      type: 'STANDARD',
    });
    expect(block(json, 'aws_eks_access_policy_association', 'break-glass-cluster-admin')).toMatchObject({
      principal_arn: '${aws_eks_access_entry.break-glass-entry.principal_arn}',
      policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      access_scope: { type: 'cluster' },
    });
    // Argo CD's entry is untouched by it: only a cluster Argo CD reaches from outside has one.
    expect(Object.keys(entries).includes('argocd-access')).toBe(cluster.role === 'workload');
  });

  it('gives production clusters the entry and leaves staging without one', () => {
    expect(TF_PRODUCTION.infrastructure.breakGlass).toBeDefined();
    expect(TF_STAGING.infrastructure.breakGlass).toBeUndefined();
  });
});
