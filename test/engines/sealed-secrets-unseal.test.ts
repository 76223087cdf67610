import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { parse } from 'yaml';
import { planSeal } from '../../apps/seal/seal-plan';
import { writeSealed } from '../../apps/seal/sealed-file';
import { buildEngines } from '../../apps/verify/engines';
import { SealedSecretsChart } from '../../constructs/secrets/sealed-secrets-chart';
import type { SealedSecretData, SealingScope } from '../../constructs/secrets/secrets-spec';
import { manifestYaml } from '../../constructs/synth/manifest-file';
import { renderChart } from '../../constructs/synth/render-chart';
import { sealedDataPath } from '../../environments/secrets-data';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

// What `npm run seal` writes, rendered by the SealedSecret construct, must unseal with upstream's own
// code: kubeseal --recovery-unseal (engines/sealed-secrets-<version>), which decrypts as the controller
// does (pkg/kubeseal UnsealSealedSecret -> SealedSecret.Unseal -> crypto.HybridDecrypt), at the
// version of every environment's controller: v0.28.0 (chart 2.17.1, dev and staging) and v0.27.2
// (chart 2.16.2, prod). The key pair is made here, for this test only. Needs Go (engines/build); CI runs it.

const engines = buildEngines();
const work = mkdtempSync(join(tmpdir(), 'sealing-engine-'));
const key = join(work, 'controller.key');
const certificate = join(work, 'controller.pem');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  // As the controller makes its key (4096-bit RSA, self-signed), here without the cluster.
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:4096',
    '-nodes',
    '-keyout',
    key,
    '-out',
    certificate,
    '-days',
    '30',
    '-subj',
    '/CN=sealed-secret/O=sealed-secret',
  ]);
  expect(made.status).toBe(0);
});

const base = fixtureEnvironment({ tier: 'development' });
const cluster = base.clusters[0]!.name;

function seal(name: string, scope: SealingScope, literals: string[], files: string[] = []): SealedSecretData {
  const spec: EnvironmentSpec = { ...base, secrets: { ...base.secrets, sealingCertificates: { [cluster]: readFileSync(certificate, 'utf8') } } };
  const planned = planSeal(
    { env: spec.name, cluster, namespace: 'monitoring', name, literals, files, scope, forceUnlisted: true },
    { environments: [spec], slotsOf: () => [], readValue: (path) => readFileSync(path), now: new Date() },
  );
  if (!planned.ok) throw new Error(planned.problems.join('\n'));
  writeSealed(planned.plan, work);
  return JSON.parse(readFileSync(join(work, sealedDataPath(spec.name, cluster, 'monitoring', name)), 'utf8')) as SealedSecretData;
}

/** The SealedSecret document synth writes for `data`, optionally moved to another name or namespace. */
function document(data: SealedSecretData, move: { name?: string; namespace?: string } = {}): string {
  const chart = new SealedSecretsChart(new App(), 'sealed', { cluster, sealed: [data] });
  const [rendered] = renderChart(chart);
  const manifest = { ...rendered!.manifest, metadata: { ...rendered!.manifest.metadata, ...move } };
  return manifestYaml(manifest);
}

function unseal(kubeseal: string, yaml: string): { status: number | null; secret?: { metadata: { name: string }; data: Record<string, string> }; output: string } {
  const input = join(work, 'sealed.yaml');
  writeFileSync(input, yaml);
  const result = spawnSync(kubeseal, ['--recovery-unseal', '--recovery-private-key', key, '-o', 'yaml', '-f', input], {
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: '/dev/null' },
  });
  const output = `${result.stdout}${result.stderr}`;
  return result.status === 0
    ? { status: 0, secret: parse(result.stdout) as { metadata: { name: string }; data: Record<string, string> }, output }
    : { status: result.status, output };
}

const decoded = (data: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));

describe.each(['v0.28.0', 'v0.27.2'])('npm run seal, unsealed by kubeseal %s', (version) => {
  const kubeseal = engines.kubeseal(version);
  const unsealed = (yaml: string) => unseal(kubeseal, yaml);
  it('is that version', () => {
    expect(spawnSync(kubeseal, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(`kubeseal version: ${version}`);
  });

  it('round-trips strict values, UTF-8 text and raw bytes, in the Secret the construct templates', () => {
    const bytes = join(work, 'bytes');
    writeFileSync(bytes, Buffer.from([0, 255, 128, 10]));
    const result = unsealed(document(seal('grafana-admin', 'strict', ['admin-user=admin', 'admin-password=päss-wörd'], [`blob=${bytes}`])));
    expect(result.output).not.toMatch(/error/i);
    expect(result.secret?.metadata.name).toBe('grafana-admin');
    expect(decoded(result.secret!.data)).toMatchObject({ 'admin-user': 'admin', 'admin-password': 'päss-wörd' });
    expect(Buffer.from(result.secret!.data.blob!, 'base64')).toEqual(Buffer.from([0, 255, 128, 10]));
  });

  it('refuses a strict value moved to another name: the label binds namespace and name', () => {
    const data = seal('grafana-oidc', 'strict', ['clientSecret=s3cr3t']);
    expect(unsealed(document(data)).status).toBe(0);
    const moved = unsealed(document(data, { name: 'grafana-other' }));
    expect(moved.status).not.toBe(0);
    expect(moved.output).toContain('no key could decrypt secret');
  });

  it('keeps the keys sealed before when one key is sealed again, and both unseal', () => {
    seal('alertmanager-notification-keys', 'strict', ['slack-webhook-url=https://hooks.example/old', 'pagerduty-routing-key=pd-1']);
    const again = seal('alertmanager-notification-keys', 'strict', ['slack-webhook-url=https://hooks.example/new']);
    expect(Object.keys(again.encryptedData).sort()).toEqual(['pagerduty-routing-key', 'slack-webhook-url']);
    expect(decoded(unsealed(document(again)).secret!.data)).toEqual({ 'pagerduty-routing-key': 'pd-1', 'slack-webhook-url': 'https://hooks.example/new' });
  });

  it('namespace-wide unseals under another name of the namespace, cluster-wide anywhere: the annotations match the label', () => {
    const namespaceWide = seal('shared-in-namespace', 'namespace-wide', ['k=v1']);
    expect(decoded(unsealed(document(namespaceWide, { name: 'renamed' })).secret!.data)).toEqual({ k: 'v1' });
    expect(unsealed(document(namespaceWide, { namespace: 'elsewhere' })).status).not.toBe(0);
    const clusterWide = seal('shared-everywhere', 'cluster-wide', ['k=v2']);
    expect(decoded(unsealed(document(clusterWide, { namespace: 'elsewhere', name: 'renamed' })).secret!.data)).toEqual({ k: 'v2' });
  });
});
