import { secretWithData } from '../../../../apps/diff/risks/argocd/secret-with-data';
import { findings, kubernetesChange } from '../../change-builders';
import { EUC1_CONFIG, euc1ClusterSecret } from './cluster-secrets';

const PASSWORD = 'hunter2-do-not-print';

function plainSecret(data: Record<string, string> | undefined, labels: Record<string, string> = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { labels: { 'app.kubernetes.io/managed-by': 'gitops-cdk', ...labels }, name: 'grafana-admin', namespace: 'monitoring' },
    ...(data !== undefined ? { data } : {}),
    type: 'Opaque',
  };
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('secret-with-data', () => {
  it('flags an added Secret with data, high even in development, naming the keys and never the values', () => {
    const change = kubernetesChange(undefined, plainSecret({ 'admin-password': base64(PASSWORD), 'admin-user': base64('admin') }), 'dev');
    const result = findings(secretWithData, change, 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'data' })]);
    expect(result[0]?.reason).toContain('Secret monitoring/grafana-admin');
    expect(result[0]?.reason).toContain('admin-password, admin-user');
    expect(result[0]?.reason).not.toContain(PASSWORD);
    expect(result[0]?.reason).not.toContain(base64(PASSWORD));
  });

  it('flags a changed value of an existing Secret, naming only the changed key', () => {
    const change = kubernetesChange(
      plainSecret({ 'admin-password': base64('old'), 'admin-user': base64('admin') }),
      plainSecret({ 'admin-password': base64(PASSWORD), 'admin-user': base64('admin') }),
    );
    const result = findings(secretWithData, change, 'production');
    expect(result).toHaveLength(1);
    expect(result[0]?.reason).toContain('data changed in plain text in Git (keys admin-password)');
    expect(result[0]?.reason).not.toContain('admin-user');
  });

  it('flags a cluster Secret whose config carries a bearer token (high), naming the field only', () => {
    const config = JSON.stringify({ bearerToken: PASSWORD, tlsClientConfig: { insecure: false } });
    const change = kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({ config }));
    const result = findings(secretWithData, change, 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'stringData' })]);
    expect(result[0]?.reason).toContain('config.bearerToken');
    expect(result[0]?.reason).not.toContain(PASSWORD);
  });

  it('does not flag a cluster registration changed without credentials (a role ARN, TLS verification): cluster-added-or-removed weighs registrations', () => {
    const role = EUC1_CONFIG.replace('argocd-prod-eks-euc1', 'argocd-prod-eks-euc1-v2');
    expect(findings(secretWithData, kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({ config: role })), 'production')).toEqual([]);
    const insecure = EUC1_CONFIG.replace('"insecure":false', '"insecure":true');
    expect(findings(secretWithData, kubernetesChange(euc1ClusterSecret(), euc1ClusterSecret({ config: insecure })), 'production')).toEqual([]);
  });

  it('does not flag an added cluster Secret without credentials (AWS role, public CA): cluster-added-or-removed names it', () => {
    expect(findings(secretWithData, kubernetesChange(undefined, euc1ClusterSecret()), 'production')).toEqual([]);
  });

  it('does not flag a Secret whose labels change while its data stays, nor one without data', () => {
    const relabelled = kubernetesChange(plainSecret({ 'admin-user': base64('admin') }), plainSecret({ 'admin-user': base64('admin') }, { team: 'platform' }));
    expect(findings(secretWithData, relabelled, 'production')).toEqual([]);
    expect(findings(secretWithData, kubernetesChange(undefined, plainSecret(undefined)), 'production')).toEqual([]);
  });
});
