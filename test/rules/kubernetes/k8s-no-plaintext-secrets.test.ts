import { k8sNoPlaintextSecrets as noPlaintextSecrets, k8sNoPlaintextSecrets as rule } from '../../../constructs/rules/kubernetes/k8s-no-plaintext-secrets';
import { REDACTED } from '../../../constructs/rules/show-value';
import { manifestsOf, objectsOf } from '../../platform/render-environment';
import { checkKubernetes, dev, expectCompliant, expectFailure, FIXTURE_FLEET, prod, staging } from '../fixtures';
import { expectAccepted, expectRejected, rendered } from './fixtures';

const secret = (fields: Record<string, unknown>, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'x', namespace: 'argocd', labels },
  type: 'Opaque',
  ...fields,
});

describe('k8s-no-plaintext-secrets (was the compliance rule k8s-no-secret-data)', () => {
  it('accepts an Argo CD cluster registration with stringData and a Secret without values', () => {
    const registration = secret({ stringData: { name: 'dev-aks-weu', server: 'https://x', config: '{}' } }, { 'argocd.argoproj.io/secret-type': 'cluster' });
    expectCompliant(checkKubernetes(rule, registration, dev));
    expectCompliant(checkKubernetes(rule, secret({}), dev));
  });

  it('rejects data in any Secret, also a cluster registration, without echoing the value', () => {
    expectFailure(checkKubernetes(rule, secret({ data: { password: 'aHVudGVyMg==' } }), dev), { field: 'data', value: REDACTED });
    expectFailure(checkKubernetes(rule, secret({ data: { token: 'eA==' } }, { 'argocd.argoproj.io/secret-type': 'cluster' }), dev), { field: 'data' });
  });

  it('rejects stringData outside cluster registrations', () => {
    expectFailure(checkKubernetes(rule, secret({ stringData: { password: 'hunter2' } }), dev), { field: 'stringData', value: REDACTED, fix: /SealedSecret/ });
  });
});

const PATH = 'staging/clusters/staging-eks-euw1/Resource';

function clusterSecret(stringData: Record<string, string>, extra: Record<string, unknown> = {}) {
  return rendered(PATH, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'cluster-x', namespace: 'argocd', labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
    type: 'Opaque',
    stringData,
    ...extra,
  });
}

const SERVER = { name: 'x', server: 'https://x.example.com' };

describe('k8s-no-plaintext-secrets on rendered objects (was the guardrail no-plaintext-secrets)', () => {
  it('accepts the real cluster registrations of every environment', () => {
    for (const spec of FIXTURE_FLEET) {
      const objects = objectsOf(spec);
      expect(manifestsOf(objects, 'Secret')).toHaveLength(spec.clusters.length);
      expectAccepted(noPlaintextSecrets, objects, spec);
    }
  });

  it('accepts a cluster registration with workload identity only', () => {
    const config = { awsAuthConfig: { clusterName: 'x', roleARN: 'arn:aws:iam::1:role/argocd' }, tlsClientConfig: { insecure: false, caData: 'Q0E=' } };
    expectAccepted(noPlaintextSecrets, [clusterSecret({ ...SERVER, config: JSON.stringify(config) })], staging);
  });

  it('ignores objects that are not core Secrets (a SealedSecret carries ciphertext)', () => {
    const sealed = rendered('dev/apps/db/Resource', {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 'db' },
      spec: { encryptedData: { password: 'AgB...' } },
    });
    expectAccepted(noPlaintextSecrets, [sealed], dev);
  });

  it.each([dev, staging, prod].map((spec) => [spec.name, spec] as const))('rejects a plain Secret in %s', (_, spec) => {
    const object = rendered(`${spec.name}/apps/db/Resource`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'hunter2' } });
    // Merged with k8s-no-secret-data: refused once, at the field that holds the values.
    const [violation] = expectRejected(noPlaintextSecrets, object, spec, [
      { field: 'stringData', value: '(redacted)', fix: /SealedSecret/, problem: /a plaintext Secret would commit its values to Git/ },
    ]);
    expect(JSON.stringify(violation)).not.toContain('hunter2');
  });

  it.each(['bearerToken', 'password', 'username'])('rejects a cluster secret with %s in its config, without printing it', (credential) => {
    const object = clusterSecret({ ...SERVER, config: JSON.stringify({ [credential]: 's3cr3t', tlsClientConfig: { insecure: false } }) });
    const [violation] = expectRejected(noPlaintextSecrets, object, staging, [{ field: `stringData.config.${credential}`, value: '(redacted)', fix: /workload identity/ }]);
    expect(JSON.stringify(violation)).not.toContain('s3cr3t');
  });

  it.each(['keyData', 'certData'])('rejects a cluster secret with tlsClientConfig.%s', (credential) => {
    const object = clusterSecret({ ...SERVER, config: JSON.stringify({ tlsClientConfig: { insecure: false, [credential]: 'a2V5' } }) });
    expectRejected(noPlaintextSecrets, object, prod, [{ field: `stringData.config.tlsClientConfig.${credential}`, value: '(redacted)', fix: /workload identity/ }]);
  });

  it('rejects a secret in the environment of an exec provider, but not a token file path', () => {
    const config = {
      execProviderConfig: { command: 'argocd-k8s-auth', args: ['azure'], env: { AZURE_CLIENT_SECRET: 's3cr3t', AZURE_FEDERATED_TOKEN_FILE: '/var/run/token' } },
      tlsClientConfig: { insecure: false },
    };
    const object = clusterSecret({ ...SERVER, config: JSON.stringify(config) });
    expectRejected(noPlaintextSecrets, object, prod, [{ field: 'stringData.config.execProviderConfig.env.AZURE_CLIENT_SECRET', value: '(redacted)', fix: /workload identity/ }]);
  });

  it('rejects a cluster config that is JSON but not an object', () => {
    const object = clusterSecret({ ...SERVER, config: 'null' });
    expectRejected(noPlaintextSecrets, object, prod, [{ field: 'stringData.config', fix: /ClusterRegistration/, problem: /not a JSON object/ }]);
  });

  it('rejects a cluster secret whose config is not valid JSON', () => {
    const object = clusterSecret({ ...SERVER, config: '{bearerToken: abc' });
    expectRejected(noPlaintextSecrets, object, staging, [{ field: 'stringData.config', fix: /ClusterRegistration/, problem: /not a JSON object/ }]);
  });

  it('rejects a cluster secret that carries base64 data', () => {
    const object = clusterSecret(SERVER, { data: { config: 'eyJiZWFyZXJUb2tlbiI6InMifQ==' } });
    expectRejected(noPlaintextSecrets, object, dev, [{ field: 'data', value: '(redacted)', fix: /workload identity/ }]);
  });
});
