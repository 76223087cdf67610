import { Testing } from 'cdktf';
import { ARGO_CD_ADDON } from '../../../constructs/platform/addons/argo-cd';
import { argocdRoleArn } from '../../../constructs/terraform/aws/eks-identity-names';
import { awsEstate } from '../../../constructs/terraform/aws/estate';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import type { EksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { TF_STAGING } from '../terraform-fixtures';
import { at, block, blocksOf, stackNamed, synthJson } from '../terraform-json';
import { statements } from './aws-test-helpers';

const ACCOUNT = '111122223333';

function eks(name: string, role: EksClusterSpec['role'], region: string, cidr: string): EksClusterSpec {
  return {
    name,
    role,
    cloud: 'aws',
    region,
    apiServer: `https://${name.toUpperCase()}.gr7.${region}.eks.amazonaws.com`,
    caData: 'Q0E=',
    kubernetesVersion: '1.34',
    networkCidr: cidr,
    apiAccess: { privateEndpoint: true, allowedCidrs: [] },
    nodePool: { machineType: 'm6i.large', minNodes: 2, maxNodes: 4 },
  };
}

/** A fixture environment: Argo CD on `mgmt-euw1`, managing `work-euc1` and `work-use1`. */
const MANAGEMENT = eks('mgmt-euw1', 'management', 'eu-west-1', '10.50.0.0/16');
const WORKLOADS = [eks('work-euc1', 'workload', 'eu-central-1', '10.51.0.0/16'), eks('work-use1', 'workload', 'us-east-1', '10.52.0.0/16')];
const SPEC: EnvironmentSpec = {
  ...TF_STAGING,
  name: 'fixture',
  // The workload clusters first: the management cluster's stack must still come before theirs.
  clusters: [...WORKLOADS, MANAGEMENT],
  clouds: { aws: { accountId: ACCOUNT, region: 'eu-west-1' } },
};

describe("Argo CD's AWS identity", () => {
  const entries = addCloudStacks(awsEstate, Testing.app(), SPEC, (name) => name);
  const management = synthJson(stackNamed(entries, clusterStackName('aws', MANAGEMENT.name)));

  it("creates the management cluster's Argo CD role (argocd-<cluster>) as the IRSA role of Argo CD's controller and server, and nothing else", () => {
    expect(block(management, 'aws_iam_role', 'argocd')).toMatchObject({ name: `argocd-${MANAGEMENT.name}`, path: '/' });
    const [trust] = statements(management, 'argocd-trust');
    expect(trust).toMatchObject({
      actions: ['sts:AssumeRoleWithWebIdentity'],
      principals: [{ type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.irsa-oidc.arn}'] }],
    });
    const subjects = trust!.condition!.find((c) => c.variable.endsWith(':sub'));
    expect(subjects?.values).toEqual(['system:serviceaccount:argocd:argocd-application-controller', 'system:serviceaccount:argocd:argocd-server']);
  });

  it("lets the management role assume exactly the workload clusters' Argo CD roles", () => {
    expect(statements(management, 'argocd-assume-cluster-roles-document')).toEqual([
      expect.objectContaining({ actions: ['sts:AssumeRole'], resources: WORKLOADS.map((c) => `arn:aws:iam::${ACCOUNT}:role/argocd-${c.name}`) }),
    ]);
  });

  it('gives the management cluster no access entry: Argo CD reaches it in-cluster', () => {
    expect(blocksOf(management, 'aws_eks_access_entry')).toEqual({});
  });

  it.each(WORKLOADS.map((c) => [c.name, c] as const))("creates %s's Argo CD role, trusted by the management role only, before its access entry", (_name, cluster) => {
    const json = synthJson(stackNamed(entries, clusterStackName('aws', cluster.name)));
    expect(block(json, 'aws_iam_role', 'argocd-role')).toMatchObject({ name: `argocd-${cluster.name}` });
    expect(statements(json, 'argocd-trust')).toEqual([
      expect.objectContaining({
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: ['${data.terraform_remote_state.management-cluster.outputs.argocd_role_arn}'] }],
      }),
    ]);
    expect(at(block(json, 'terraform_remote_state', 'management-cluster', 'data'), 'config', 'key')).toBe(`${clusterStackName('aws', MANAGEMENT.name)}/terraform.tfstate`);
    // A reference, not the literal ARN: CreateAccessEntry needs the role to exist first.
    expect(block(json, 'aws_eks_access_entry', 'argocd-access')).toMatchObject({ principal_arn: '${aws_iam_role.argocd-role.arn}', type: 'STANDARD' });
    expect(block(json, 'aws_eks_access_policy_association', 'argocd-cluster-admin')).toMatchObject({
      principal_arn: '${aws_eks_access_entry.argocd-access.principal_arn}',
      policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
    });
  });

  it("applies the management cluster's stack before every workload cluster's", () => {
    const names = entries.map((e) => e.name);
    const mgmt = names.indexOf(clusterStackName('aws', MANAGEMENT.name));
    for (const cluster of WORKLOADS) {
      const entry = entries.find((e) => e.name === clusterStackName('aws', cluster.name))!;
      expect(entry.dependsOn).toContain(clusterStackName('aws', MANAGEMENT.name));
      expect(names.indexOf(entry.name)).toBeGreaterThan(mgmt);
    }
  });

  it("annotates the chart's controller and server service accounts with the management role", () => {
    const values = ARGO_CD_ADDON.values(SPEC) as Record<string, Record<string, unknown>>;
    for (const component of ['controller', 'server']) {
      expect(at(values[component], 'serviceAccount', 'annotations')).toEqual({ 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/argocd-${MANAGEMENT.name}` });
    }
  });

  it('rejects EKS workload clusters when Argo CD does not run on EKS', () => {
    const spec: EnvironmentSpec = { ...SPEC, clusters: WORKLOADS };
    expect(() => addCloudStacks(awsEstate, Testing.app(), spec, (name) => name)).toThrow(/can only be reached from an EKS management cluster/);
  });

  it("derives Argo CD's role from the environment's account and the cluster's name, so the spec stores neither", () => {
    expect(argocdRoleArn(ACCOUNT, 'work-euc1')).toBe('arn:aws:iam::111122223333:role/argocd-work-euc1');
  });
});
