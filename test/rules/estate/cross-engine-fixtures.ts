import { estateCrossEngineConsistency } from '../../../constructs/rules/estate/estate-cross-engine-consistency';
import { evaluateEstateRules } from '../../../constructs/rules/estate/evaluate-estate';
import type { LocatedObject } from '../../../constructs/rules/estate/kubernetes-side';
import { violationOf } from '../../../constructs/rules/refusal-entries';
import { blockingResults } from '../../../constructs/rules/result';
import type { TerraformResourceView } from '../../../constructs/rules/types';
import type { Violation } from '../../../constructs/rules/violation';
import type { KubeManifest } from '../../../constructs/synth/kube-manifest';
import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { fixtureEnvironment } from '../../support/fixture-environment';

/**
 * Hand-built fixtures of both engines' output (for estate-cross-engine-consistency.test.ts): a compliant pair (Argo CD on EKS `mgmt` reaching
 * the private EKS `work` through a peering), then one dangling reference of each kind at a time.
 */

export const ACCOUNT = '111122223333';
export const ARGOCD_SUBJECTS = ['system:serviceaccount:argocd:argocd-application-controller', 'system:serviceaccount:argocd:argocd-server'];
export const MGMT_ROLE = `arn:aws:iam::${ACCOUNT}:role/argocd-mgmt`;
export const WORK_ROLE = `arn:aws:iam::${ACCOUNT}:role/argocd-work`;

export function eks(name: string, role: ClusterSpec['role'], networkCidr: string): ClusterSpec {
  return {
    name,
    role,
    cloud: 'aws',
    region: 'eu-west-1',
    apiServer: `https://${name.toUpperCase()}.gr7.eu-west-1.eks.amazonaws.com`,
    caData: 'Q0E=',
    kubernetesVersion: '1.34',
    networkCidr,
    apiAccess: { privateEndpoint: true, allowedCidrs: [] },
    nodePool: { machineType: 'm6i.large', minNodes: 1, maxNodes: 2 },
  };
}

export const gke: ClusterSpec = {
  name: 'gke',
  role: 'workload',
  cloud: 'gcp',
  region: 'europe-west1',
  apiServer: 'https://172.16.0.2',
  caData: 'Q0E=',
  projectId: 'acme-fixture',
  projectNumber: '1',
  kubernetesVersion: '1.34',
  networkCidr: '10.60.0.0/16',
  apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] },
  nodePool: { machineType: 'e2-standard-4', minNodes: 1, maxNodes: 2 },
};

export const SPEC: EnvironmentSpec = { ...fixtureEnvironment(), name: 'fixture', clusters: [eks('mgmt', 'management', '10.50.0.0/16'), eks('work', 'workload', '10.51.0.0/16')] };

export function view(stack: string, type: string, name: string, attributes: Record<string, unknown>, mode: TerraformResourceView['mode'] = 'managed'): TerraformResourceView {
  const address = mode === 'data' ? `data.${type}.${name}` : mode === 'provider' ? `provider.${type}` : `${type}.${name}`;
  return { stack, type, name, address, attributes, path: `${stack}/${name}`, mode };
}

export function awsProvider(stack: string): TerraformResourceView {
  return view(stack, 'aws', 'default', { allowed_account_ids: [ACCOUNT] }, 'provider');
}

export function irsaTrust(stack: string, name: string, principal: string, subjects: string[]): TerraformResourceView {
  return view(
    stack,
    'aws_iam_policy_document',
    name,
    {
      statement: [
        {
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [principal] }],
          condition: [{ test: 'StringEquals', variable: 'issuer:sub', values: subjects }],
        },
      ],
    },
    'data',
  );
}

/** The compliant Terraform side. */
export function terraform(): TerraformResourceView[] {
  return [
    awsProvider('aws-cluster-mgmt'),
    view('aws-cluster-mgmt', 'aws_eks_cluster', 'cluster', { name: 'mgmt', vpc_config: { endpoint_public_access: false } }),
    view('aws-cluster-mgmt', 'aws_iam_openid_connect_provider', 'irsa-oidc', { url: '${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}' }),
    irsaTrust('aws-cluster-mgmt', 'argocd-trust', '${aws_iam_openid_connect_provider.irsa-oidc.arn}', ARGOCD_SUBJECTS),
    view('aws-cluster-mgmt', 'aws_iam_role', 'argocd', { name: 'argocd-mgmt', assume_role_policy: '${data.aws_iam_policy_document.argocd-trust.json}' }),
    view('aws-network-mgmt', 'aws_route', 'to-work', { destination_cidr_block: '10.51.0.0/16', vpc_peering_connection_id: '${aws_vpc_peering_connection.peer.id}' }),
    awsProvider('aws-cluster-work'),
    view('aws-cluster-work', 'aws_eks_cluster', 'cluster', { name: 'work', vpc_config: { endpoint_public_access: false } }),
    view('aws-cluster-work', 'aws_iam_role', 'argocd-role', { name: 'argocd-work', assume_role_policy: '${data.aws_iam_policy_document.argocd-trust.json}' }),
    view('aws-cluster-work', 'aws_vpc_security_group_ingress_rule', 'from-mgmt', { cidr_ipv4: '10.50.0.0/16', from_port: 443, to_port: 443, ip_protocol: 'tcp' }),
    view('aws-network-work', 'aws_route', 'to-mgmt', { destination_cidr_block: '10.50.0.0/16', vpc_peering_connection_id: '${data.aws_vpc_peering_connection.peer.id}' }),
    view('aws-cluster-work', 'aws_route53_resolver_rule', 'api', { domain_name: 'WORK.gr7.eu-west-1.eks.amazonaws.com', rule_type: 'FORWARD' }),
  ];
}

export function object(file: string, manifest: Record<string, unknown>): LocatedObject {
  return { file, object: { constructPath: `fixture/${file}`, manifest: manifest as KubeManifest } };
}

export function clusterSecret(name: string, server: string, config: Record<string, unknown>): LocatedObject {
  return object(`dist/k8s/fixture/clusters/secret-cluster-${name}.yaml`, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `cluster-${name}`, namespace: 'argocd', labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
    stringData: { name, server, config: JSON.stringify(config) },
  });
}

export function argoCd(values: string): LocatedObject {
  return object('dist/k8s/fixture/addons/application-argo-cd.yaml', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'argo-cd', namespace: 'argocd' },
    spec: { destination: { name: 'mgmt', namespace: 'argocd' }, source: { chart: 'argo-cd', helm: { values } } },
  });
}

/** The compliant Kubernetes side. */
export function kubernetes(): LocatedObject[] {
  return [
    argoCd(`controller:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: ${MGMT_ROLE}\n`),
    clusterSecret('mgmt', 'https://kubernetes.default.svc', { tlsClientConfig: { insecure: false } }),
    clusterSecret('work', 'https://WORK.gr7.eu-west-1.eks.amazonaws.com', { awsAuthConfig: { clusterName: 'work', roleARN: WORK_ROLE }, tlsClientConfig: { insecure: false } }),
  ];
}

export const stackFile = (stack: string) => `dist/terraform/fixture/${stack}/main.tf`;

/** The refusals of the estate rule, as the user reads them. */
export function check(objects: LocatedObject[], views: TerraformResourceView[], spec: EnvironmentSpec = SPEC): Violation[] {
  const input = { environment: { name: spec.name, tier: spec.tier }, clusters: spec.clusters, objects, views, requiredSecrets: [], stackFile };
  return blockingResults(evaluateEstateRules([estateCrossEngineConsistency], input, '2026-03-01')).map(violationOf);
}
