import { k8sNoSecretData as rule } from '../../../constructs/compliance/rules/kubernetes/k8s-no-secret-data';
import { checkKubernetes, dev, expectCompliant, expectFailure } from '../fixtures';

const secret = (fields: Record<string, unknown>, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'x', namespace: 'argocd', labels },
  type: 'Opaque',
  ...fields,
});

describe('k8s-no-secret-data', () => {
  it('accepts an Argo CD cluster registration with stringData and a Secret without values', () => {
    const registration = secret({ stringData: { name: 'dev-aks-weu', server: 'https://x', config: '{}' } }, { 'argocd.argoproj.io/secret-type': 'cluster' });
    expectCompliant(checkKubernetes(rule, registration, dev));
    expectCompliant(checkKubernetes(rule, secret({}), dev));
  });

  it('rejects data in any Secret, also a cluster registration, without echoing the value', () => {
    expectFailure(checkKubernetes(rule, secret({ data: { password: 'aHVudGVyMg==' } }), dev), { field: 'data', value: '(redacted)' });
    expectFailure(checkKubernetes(rule, secret({ data: { token: 'eA==' } }, { 'argocd.argoproj.io/secret-type': 'cluster' }), dev), { field: 'data' });
  });

  it('rejects stringData outside cluster registrations', () => {
    expectFailure(checkKubernetes(rule, secret({ stringData: { password: 'hunter2' } }), dev), { field: 'stringData', value: '(redacted)', fix: /SealedSecret/ });
  });
});
