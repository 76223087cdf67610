import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealedFileText } from '../../apps/seal/sealed-file';
import { notCacheableAt } from '../../apps/synth/cache/spec-data';
import { notSealedYet, secretsOf } from '../../environments/secrets-data';
import { certificate, sealedData } from './sealing-fixtures';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'secrets-data-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('secretsOf: the sealing data files of an environment', () => {
  it('reads the certificates and the sealed files of the environment in name order, as plain data the synth cache compares', () => {
    const root = repository({
      'environments/sealing/lab/lab-gke.pem': certificate('rsa-b'),
      'environments/sealing/lab/lab-aks.pem': certificate('rsa-a'),
      'environments/sealing/other/other-aks.pem': certificate('rsa-a'),
      'environments/sealed/lab/lab-gke/monitoring.grafana-admin.json': sealedFileText(sealedData({ cluster: 'lab-gke' })),
      'environments/sealed/lab/lab-aks/policy-reporter.policy-reporter-slack.json': sealedFileText(
        sealedData({ cluster: 'lab-aks', namespace: 'policy-reporter', name: 'policy-reporter-slack' }),
      ),
      'environments/sealed/lab/lab-aks/monitoring.grafana-admin.json': sealedFileText(sealedData({ cluster: 'lab-aks' })),
      'environments/sealed/lab/lab-aks/README.md': 'not data',
    });
    const outOfBand = notSealedYet('lab', ['argocd/argocd-oidc']);
    const secrets = secretsOf('lab', outOfBand, root);
    expect(Object.keys(secrets.sealingCertificates)).toEqual(['lab-aks', 'lab-gke']);
    expect(secrets.sealingCertificates['lab-aks']).toBe(certificate('rsa-a'));
    expect(secrets.sealed.map((s) => `${s.cluster} ${s.namespace}/${s.name}`)).toEqual([
      'lab-aks monitoring/grafana-admin',
      'lab-aks policy-reporter/policy-reporter-slack',
      'lab-gke monitoring/grafana-admin',
    ]);
    expect(secrets.providedOutOfBand).toEqual(outOfBand);
    expect(notCacheableAt(secrets)).toBeUndefined();
  });

  it('gives an environment without files nothing sealed and no certificate', () => {
    expect(secretsOf('lab', [], repository({}))).toEqual({ sealingCertificates: {}, sealed: [], providedOutOfBand: [] });
  });

  it('refuses a file whose place disagrees with what it says (moved or edited by hand)', () => {
    const root = repository({ 'environments/sealed/lab/lab-gke/monitoring.grafana-admin.json': sealedFileText(sealedData({ cluster: 'lab-aks' })) });
    expect(() => secretsOf('lab', [], root)).toThrow(
      'environments/sealed/lab/lab-gke/monitoring.grafana-admin.json: says cluster "lab-aks", Secret "monitoring/grafana-admin", but lies in lab-gke/monitoring.grafana-admin.json',
    );
    const broken = repository({ 'environments/sealed/lab/lab-aks/monitoring.grafana-admin.json': '{' });
    expect(() => secretsOf('lab', [], broken)).toThrow(/monitoring.grafana-admin.json: not readable JSON/);
  });

  it('says for each Secret not sealed yet how to seal it', () => {
    const [entry] = notSealedYet('lab', ['argocd/argocd-oidc']);
    expect(entry).toMatchObject({ namespace: 'argocd', name: 'argocd-oidc' });
    expect(entry!.reason).toContain('npm run seal -- --env lab --cluster <cluster> --namespace argocd --name argocd-oidc');
    expect(entry!.reason).toContain('--fetch-cert > environments/sealing/lab/<cluster>.pem');
  });
});
