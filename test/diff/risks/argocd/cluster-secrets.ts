/** Cluster Secrets shaped as dist/k8s/prod/clusters/ holds them, for the secret and cluster rule tests. */

export const EUC1_CONFIG =
  '{"awsAuthConfig":{"clusterName":"prod-eks-euc1","roleARN":"arn:aws:iam::123456789012:role/argocd-prod-eks-euc1"},"tlsClientConfig":{"insecure":false,"caData":"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMuLi5leGFtcGxlLi4uCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K"}}';

export const EUC1_SERVER = 'https://3C7E1A5B9D2F4C6E8A0B2D4F6C8E1A3B.gr7.eu-central-1.eks.amazonaws.com';

// Trimmed from dist/k8s/prod/clusters/secret-cluster-prod-eks-euc1.yaml.
export function clusterSecret(stringData: { config: string; name: string; server: string } & Record<string, string>, labels: Record<string, string> = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      annotations: { 'argocd.argoproj.io/sync-wave': '-2' },
      labels: { 'app.kubernetes.io/managed-by': 'gitops-cdk', 'argocd.argoproj.io/secret-type': 'cluster', 'gitops-cdk.io/env': 'prod', ...labels },
      name: `cluster-${stringData.name}`,
      namespace: 'argocd',
    },
    stringData,
    type: 'Opaque',
  };
}

export function euc1ClusterSecret(overrides: Record<string, string> = {}, labels: Record<string, string> = {}): object {
  return clusterSecret({ config: EUC1_CONFIG, name: 'prod-eks-euc1', server: EUC1_SERVER, ...overrides }, labels);
}
