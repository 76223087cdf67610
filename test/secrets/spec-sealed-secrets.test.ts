import { X509Certificate } from 'node:crypto';
import { specSealedSecrets } from '../../apps/spec/rules/spec-sealed-secrets';
import { ENVIRONMENTS } from '../../environments';
import type { EnvironmentSpec } from '../../environments/types';
import { certificate, sealedData, sealingEnvironment } from './sealing-fixtures';

const base = sealingEnvironment();
const [c1, c2] = base.clusters.map((c) => c.name) as [string, string];
const sha = (name: 'rsa-a' | 'rsa-b' | 'rsa-renewed'): string => new X509Certificate(certificate(name)).fingerprint256;
const check = (secrets: Partial<EnvironmentSpec['secrets']>) => specSealedSecrets.check({ ...base, secrets: { ...base.secrets, ...secrets } });

describe('spec-sealed-secrets', () => {
  it("accepts values sealed with the cluster's committed certificate, and the reference environments", () => {
    expect(check({ sealed: [sealedData({ cluster: c1, certificateSha256: sha('rsa-a') })] })).toEqual([]);
    expect(ENVIRONMENTS.flatMap((spec) => specSealedSecrets.check(spec))).toEqual([]);
    expect(ENVIRONMENTS.find((spec) => spec.name === 'dev')?.secrets.sealed.map((s) => `${s.cluster} ${s.namespace}/${s.name}`)).toEqual([
      'dev-aks-weu monitoring/grafana-admin',
      'dev-gke-euw1 monitoring/grafana-admin',
    ]);
  });

  it("refuses values sealed with another cluster's certificate, naming that cluster", () => {
    const sealingCertificates = { [c1]: certificate('rsa-a'), [c2]: certificate('rsa-b') };
    expect(check({ sealingCertificates, sealed: [sealedData({ cluster: c1, certificateSha256: sha('rsa-b') })] })).toEqual([
      {
        field: 'secrets.sealed[0].certificateSha256',
        value: sha('rsa-b'),
        problem: `environments/sealed/${base.name}/${c1}/monitoring.grafana-admin.json was sealed with the certificate of cluster ${c2}, not with one of environments/sealing/${base.name}/${c1}.pem (${sha('rsa-a')}): ${c1}'s controller may hold no key to decrypt it`,
        fix: `seal every key again with the committed certificate: npm run seal -- --env ${base.name} --cluster ${c1} --namespace monitoring --name grafana-admin --from-file KEY=PATH ...`,
      },
    ]);
  });

  it('refuses values sealed with an older certificate of the cluster, or for a cluster without one', () => {
    const [old] = check({ sealed: [sealedData({ cluster: c1, certificateSha256: sha('rsa-b') })] });
    expect(old!.problem).toContain("a certificate that is not committed (a key the cluster no longer has, or another cluster's)");
    const [none] = check({ sealed: [sealedData({ cluster: c2, certificateSha256: sha('rsa-a') })] });
    expect(none!.problem).toContain(`which has no committed certificate environments/sealing/${base.name}/${c2}.pem`);
  });

  it('refuses values and certificates for clusters the environment does not have, and unreadable ones', () => {
    const findings = check({
      sealingCertificates: { [c1]: certificate('ec'), 'gone-cluster': certificate('rsa-a') },
      sealed: [sealedData({ cluster: 'gone-cluster', certificateSha256: sha('rsa-a') })],
    });
    expect(findings.map((f) => [f.field, f.problem])).toEqual([
      [`secrets.sealingCertificates.${c1}`, expect.stringContaining('holds a ec key')],
      ['secrets.sealingCertificates.gone-cluster', expect.stringContaining(`which is no cluster of ${base.name}`)],
      ['secrets.sealed[0].cluster', expect.stringContaining(`is sealed for gone-cluster, which is no cluster of ${base.name}`)],
    ]);
  });

  it('refuses a value that is no base64 ciphertext, an empty sealed file, and out-of-band slots without a reason or with unknown clusters', () => {
    const findings = check({
      sealed: [
        sealedData({ cluster: c1, certificateSha256: sha('rsa-a'), encryptedData: { 'admin-user': 'plain text!' } }),
        sealedData({ cluster: c1, name: 'x', certificateSha256: sha('rsa-a'), encryptedData: {} }),
      ],
      providedOutOfBand: [{ namespace: 'argocd', name: 'argocd-oidc', clusters: ['nope'], reason: ' ' }],
    });
    expect(findings.map((f) => f.field)).toEqual([
      'secrets.sealed[0].encryptedData.admin-user',
      'secrets.sealed[1].encryptedData',
      'secrets.providedOutOfBand[0].reason',
      'secrets.providedOutOfBand[0].clusters',
    ]);
  });

  it("accepts a value sealed with any certificate of the cluster's file (the controller keeps its renewed keys), and refuses it once that certificate is removed", () => {
    const renewed = { [c1]: `${certificate('rsa-a')}${certificate('rsa-renewed')}` };
    for (const name of ['rsa-a', 'rsa-renewed'] as const) {
      expect(check({ sealingCertificates: renewed, sealed: [sealedData({ cluster: c1, certificateSha256: sha(name) })] })).toEqual([]);
    }
    const removed = check({ sealingCertificates: { [c1]: certificate('rsa-renewed') }, sealed: [sealedData({ cluster: c1, certificateSha256: sha('rsa-a') })] });
    expect(removed.map((f) => f.field)).toEqual(['secrets.sealed[0].certificateSha256']);
  });

  it("refuses a value whose RSA part is not the size of the cluster's keys (copied from a cluster with another key, fingerprint and all)", () => {
    const sealingCertificates = { [c1]: certificate('rsa-a') };
    // 0x0200: sealed with a 4096-bit key, as a controller's default key is; the test certificate is 2048-bit.
    const copied = sealedData({ cluster: c1, certificateSha256: sha('rsa-a'), encryptedData: { 'admin-password': 'AgAA', 'admin-user': 'AQAA' } });
    expect(check({ sealingCertificates, sealed: [copied] }).map((f) => [f.field, f.problem])).toEqual([
      ['secrets.sealed[0].encryptedData.admin-password', expect.stringContaining('was sealed with a 4096-bit key, but')],
    ]);
  });
});
