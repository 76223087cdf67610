import { clusterAddedOrRemoved } from '../../../../apps/diff/risks/argocd/cluster-added-or-removed';
import { findings, kubernetesChange } from '../../change-builders';
import { clusterSecret, EUC1_CONFIG, EUC1_SERVER, euc1ClusterSecret } from './cluster-secrets';

// dist/k8s/prod/clusters/secret-cluster-prod-eks-euw1.yaml: the management cluster, Argo CD's own.
const euw1ClusterSecret = (config: string): object =>
  clusterSecret({ config, name: 'prod-eks-euw1', server: 'https://kubernetes.default.svc' }, { 'gitops-cdk.io/cluster-role': 'management' });
const VERIFIED = '{"tlsClientConfig":{"insecure":false}}';
const UNVERIFIED = '{"tlsClientConfig":{"insecure":true}}';

describe('cluster-added-or-removed', () => {
  it('flags a removed cluster in production as high: its Applications go Unknown', () => {
    const result = findings(clusterAddedOrRemoved, kubernetesChange(euc1ClusterSecret(), undefined), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('cluster prod-eks-euc1');
    expect(result[0]?.reason).toContain('removed: Argo CD stops managing it');
  });

  it('flags a removed cluster outside production as medium, and a lost cluster label as a removal', () => {
    expect(findings(clusterAddedOrRemoved, kubernetesChange(euc1ClusterSecret(), undefined, 'staging'), 'staging')).toEqual([expect.objectContaining({ level: 'medium' })]);
    const unlabelled = kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({}, { 'argocd.argoproj.io/secret-type': 'repository' }));
    expect(findings(clusterAddedOrRemoved, unlabelled, 'production')[0]?.reason).toContain('no longer labelled as a cluster');
  });

  it('flags an added cluster as low, naming it and its server', () => {
    const result = findings(clusterAddedOrRemoved, kubernetesChange(undefined, euc1ClusterSecret()), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'low' })]);
    expect(result[0]?.reason).toContain(`cluster prod-eks-euc1 registered with Argo CD (server ${EUC1_SERVER})`);
  });

  it('flags a cluster re-pointed to another server (high in production)', () => {
    const change = kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({ server: 'https://192.0.2.10' }));
    const result = findings(clusterAddedOrRemoved, change, 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'server' })]);
    expect(result[0]?.reason).toContain(`${EUC1_SERVER} -> https://192.0.2.10`);
  });

  it('flags TLS verification switched off (insecure false -> true): high in production, medium in staging', () => {
    expect(findings(clusterAddedOrRemoved, kubernetesChange(euw1ClusterSecret(VERIFIED), euw1ClusterSecret(UNVERIFIED)), 'production')).toEqual([
      {
        level: 'high',
        reason:
          "Secret argocd/cluster-prod-eks-euw1: Argo CD no longer verifies the cluster's certificate: prod-eks-euw1 tlsClientConfig.insecure false -> true; anyone between Argo CD and https://kubernetes.default.svc can pose as the cluster, read what Argo CD sends (manifests, Secrets) and its credentials",
        path: 'stringData.config',
      },
    ]);
    const euc1 = kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({ config: EUC1_CONFIG.replace('"insecure":false', '"insecure":true') }), 'staging');
    expect(findings(clusterAddedOrRemoved, euc1, 'staging')).toEqual([expect.objectContaining({ level: 'medium', path: 'stringData.config' })]);
  });

  it('flags a cluster registered without TLS verification beside its registration', () => {
    const result = findings(clusterAddedOrRemoved, kubernetesChange(undefined, euw1ClusterSecret(UNVERIFIED)), 'production');
    expect(result.map((f) => f.level)).toEqual(['low', 'high']);
    expect(result[1]?.reason).toContain("Argo CD does not verify the cluster's certificate: prod-eks-euw1 registered with tlsClientConfig.insecure true");
  });

  it('does not flag TLS verification switched on again, nor a config change of a cluster already unverified', () => {
    expect(findings(clusterAddedOrRemoved, kubernetesChange(euw1ClusterSecret(UNVERIFIED), euw1ClusterSecret(VERIFIED)), 'production')).toEqual([]);
    const unverifiedWithRole = '{"awsAuthConfig":{"clusterName":"prod-eks-euw1"},"tlsClientConfig":{"insecure":true}}';
    expect(findings(clusterAddedOrRemoved, kubernetesChange(euw1ClusterSecret(UNVERIFIED), euw1ClusterSecret(unverifiedWithRole)), 'production')).toEqual([]);
  });

  it('does not flag a cluster whose config changes while its name and server stay, nor a trailing slash on the server', () => {
    const relabelled = kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({}, { 'gitops-cdk.io/cluster-role': 'management' }));
    expect(findings(clusterAddedOrRemoved, relabelled, 'production')).toEqual([]);
    const slash = kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({ server: `${EUC1_SERVER}/` }));
    expect(findings(clusterAddedOrRemoved, slash, 'production')).toEqual([]);
  });

  it('does not flag the Secret of a cluster renamed while the cluster keeps its name and server (a move)', () => {
    const renamed = { ...(euc1ClusterSecret() as { metadata: object }), metadata: { ...(euc1ClusterSecret() as { metadata: object }).metadata, name: 'cluster-euc1' } };
    const change = kubernetesChange(euc1ClusterSecret(), renamed);
    expect(change.kind).toBe('moved');
    expect(findings(clusterAddedOrRemoved, change, 'production')).toEqual([]);
  });

  it('does not flag an ordinary Secret added or removed', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: 'argocd' }, stringData: { token: 'y' } };
    expect(findings(clusterAddedOrRemoved, kubernetesChange(secret, undefined), 'production')).toEqual([]);
  });
});
