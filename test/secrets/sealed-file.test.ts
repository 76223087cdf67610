import { constants, createDecipheriv, generateKeyPairSync, privateDecrypt, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptionLabel, hybridEncrypt } from '../../apps/seal/hybrid-encrypt';
import type { SealPlan } from '../../apps/seal/seal-plan';
import { writeSealed } from '../../apps/seal/sealed-file';
import type { SealedSecretData } from '../../constructs/secrets/secrets-spec';
import { certificate } from './sealing-fixtures';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const newRoot = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'sealed-file-'));
  roots.push(root);
  return root;
};

const certA = new X509Certificate(certificate('rsa-a'));
const certB = new X509Certificate(certificate('rsa-b'));
const plan = (values: Record<string, string>, overrides: Partial<SealPlan> = {}): SealPlan => ({
  environment: 'lab',
  cluster: 'lab-aks-neu',
  namespace: 'monitoring',
  name: 'grafana-admin',
  scope: 'strict',
  publicKey: certA.publicKey,
  certificateSha256: certA.fingerprint256,
  values: new Map(Object.entries(values).map(([k, v]) => [k, Buffer.from(v)])),
  ...overrides,
});
const read = (root: string, path: string): SealedSecretData => JSON.parse(readFileSync(join(root, path), 'utf8')) as SealedSecretData;

describe('the sealing scheme (HybridEncrypt of bitnami-labs/sealed-secrets pkg/crypto)', () => {
  it('labels strict with namespace/name, namespace-wide with the namespace, cluster-wide with nothing', () => {
    expect(['strict', 'namespace-wide', 'cluster-wide'].map((s) => encryptionLabel('monitoring', 'grafana-admin', s as 'strict'))).toEqual([
      'monitoring/grafana-admin',
      'monitoring',
      '',
    ]);
  });

  it('writes length, RSA-OAEP(SHA-256, label) of a 32-byte key, then AES-256-GCM with a zero nonce and the tag last', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sealed = Buffer.from(hybridEncrypt(publicKey, Buffer.from('päss'), 'monitoring/grafana-admin'), 'base64');
    const length = sealed.readUInt16BE(0);
    expect(length).toBe(256);
    const sessionKey = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from('monitoring/grafana-admin') },
      sealed.subarray(2, 2 + length),
    );
    expect(sessionKey.length).toBe(32);
    const body = sealed.subarray(2 + length);
    const decipher = createDecipheriv('aes-256-gcm', sessionKey, Buffer.alloc(12));
    decipher.setAuthTag(body.subarray(body.length - 16));
    expect(Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString()).toBe('päss');
    // Another label does not open it: the label is what binds a strict value to its name.
    expect(() =>
      privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from('monitoring/other') },
        sealed.subarray(2, 2 + length),
      ),
    ).toThrow();
  });
});

describe('writeSealed', () => {
  it('writes the data file at its place with scope and certificate fingerprint, never a value in clear, nothing left beside it', () => {
    const root = newRoot();
    const outcome = writeSealed(plan({ 'admin-user': 'admin', 'admin-password': 'hunter2-secret' }), root);
    expect(outcome).toEqual({ path: 'environments/sealed/lab/lab-aks-neu/monitoring.grafana-admin.json', sealed: ['admin-password', 'admin-user'], kept: [] });
    const text = readFileSync(join(root, outcome.path), 'utf8');
    expect(text).not.toContain('hunter2');
    expect(read(root, outcome.path)).toMatchObject({
      cluster: 'lab-aks-neu',
      namespace: 'monitoring',
      name: 'grafana-admin',
      scope: 'strict',
      certificateSha256: certA.fingerprint256,
    });
    expect(readdirSync(join(root, 'environments/sealed/lab/lab-aks-neu'))).toEqual(['monitoring.grafana-admin.json']);
  });

  it('keeps the keys sealed before when one key is sealed again with the same certificate and scope', () => {
    const root = newRoot();
    const first = writeSealed(plan({ 'admin-user': 'admin', 'admin-password': 'one' }), root);
    const kept = read(root, first.path).encryptedData['admin-user'];
    const again = writeSealed(plan({ 'admin-password': 'two' }), root);
    expect(again).toMatchObject({ sealed: ['admin-password'], kept: ['admin-user'] });
    expect(read(root, first.path).encryptedData['admin-user']).toBe(kept);
    expect(read(root, first.path).encryptedData['admin-password']).not.toBe(read(root, first.path).encryptedData['admin-user']);
  });

  it('refuses to mix keys of another certificate or scope, and replaces them all when all are sealed again', () => {
    const root = newRoot();
    const first = writeSealed(plan({ 'admin-user': 'admin', 'admin-password': 'one' }), root);
    const before = readFileSync(join(root, first.path), 'utf8');
    const renewed = { publicKey: certB.publicKey, certificateSha256: certB.fingerprint256 };
    expect(() => writeSealed(plan({ 'admin-password': 'two' }, renewed), root)).toThrow(
      /holds key admin-user sealed with another certificate .* seal it again in the same command/,
    );
    expect(() => writeSealed(plan({ 'admin-password': 'two' }, { scope: 'namespace-wide' }), root)).toThrow(/sealed with scope strict/);
    expect(readFileSync(join(root, first.path), 'utf8')).toBe(before);
    expect(writeSealed(plan({ 'admin-user': 'a', 'admin-password': 'b' }, renewed), root).kept).toEqual([]);
    expect(read(root, first.path).certificateSha256).toBe(certB.fingerprint256);
    expect(existsSync(join(root, `${first.path}.${process.pid}.tmp`))).toBe(false);
  });
});
