import { App } from 'cdk8s';
import { SealedSecretsChart, sealedSecretsComponent } from '../../constructs/secrets/sealed-secrets-chart';
import { renderChart } from '../../constructs/synth/render-chart';
import { sealedData } from './sealing-fixtures';

const render = (...sealed: Parameters<typeof sealedData>[0][]) =>
  renderChart(new SealedSecretsChart(new App(), 'sealed', { cluster: 'c1', sealed: sealed.map(sealedData), labels: { 'gitops-cdk.io/env': 'lab' } })).map((o) => o.manifest);

describe('SealedSecret', () => {
  it("renders the cluster's sealed values as bitnami.com/v1alpha1 SealedSecrets whose template creates the Secret of the same name", () => {
    const [grafana, ...others] = render({ cluster: 'c1', encryptedData: { b: 'Qg==', a: 'QQ==' } }, { cluster: 'c2' });
    expect(others).toEqual([]);
    expect(grafana).toEqual({
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 'grafana-admin', namespace: 'monitoring', labels: { 'gitops-cdk.io/env': 'lab' } },
      spec: {
        encryptedData: { a: 'QQ==', b: 'Qg==' },
        template: { metadata: { name: 'grafana-admin', namespace: 'monitoring', labels: { 'gitops-cdk.io/env': 'lab' } }, type: 'Opaque' },
      },
    });
    expect(sealedSecretsComponent('c1')).toBe('sealed-secrets-c1');
  });

  it('labels the Secrets of the argocd namespace app.kubernetes.io/part-of: argocd, without which Argo CD does not read argocd-oidc', () => {
    const [oidc] = render({ cluster: 'c1', namespace: 'argocd', name: 'argocd-oidc', encryptedData: { clientSecret: 'QQ==' } });
    const template = (oidc!.spec as { template: { metadata: { labels: Record<string, string> } } }).template;
    expect(template.metadata.labels).toEqual({ 'gitops-cdk.io/env': 'lab', 'app.kubernetes.io/part-of': 'argocd' });
  });

  it.each([
    ['namespace-wide', { 'sealedsecrets.bitnami.com/namespace-wide': 'true' }],
    ['cluster-wide', { 'sealedsecrets.bitnami.com/cluster-wide': 'true' }],
  ] as const)('annotates a %s SealedSecret and its template as kubeseal does (the controller reads the label from them)', (scope, annotations) => {
    const [manifest] = render({ cluster: 'c1', scope });
    expect(manifest!.metadata.annotations).toEqual(annotations);
    expect((manifest!.spec as { template: { metadata: { annotations: unknown } } }).template.metadata.annotations).toEqual(annotations);
  });
});
