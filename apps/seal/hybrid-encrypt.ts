import { constants, createCipheriv, type KeyObject, publicEncrypt, randomBytes } from 'node:crypto';
import type { SealingScope } from '../../constructs/secrets/secrets-spec';

/**
 * The label a value is sealed under, which the controller must present again to decrypt it
 * (bitnami-labs/sealed-secrets pkg/apis/sealedsecrets/v1alpha1/sealedsecret_expansion.go
 * `EncryptionLabel`, identical at v0.27.2 and v0.28.0): strict binds it to namespace and name,
 * namespace-wide to the namespace, cluster-wide to nothing.
 */
export function encryptionLabel(namespace: string, name: string, scope: SealingScope): string {
  if (scope === 'cluster-wide') return '';
  if (scope === 'namespace-wide') return namespace;
  return `${namespace}/${name}`;
}

/**
 * Seals one value as the controller's `HybridEncrypt` does (pkg/crypto/crypto.go, identical at
 * v0.27.2 and v0.28.0): a random 32-byte AES-256 session key, encrypted with RSA-OAEP (SHA-256 for
 * hash and MGF1, the label above), then `uint16 big-endian length of the RSA ciphertext`, the RSA
 * ciphertext, and AES-GCM over the value with a zero nonce (safe: each session key seals one value)
 * and no additional data, tag last. Base64 (standard, padded) is what `spec.encryptedData` holds.
 *
 * Why not @linode/kubeseal-encrypt: its only API seals under the namespace as label, so it cannot
 * produce strict (the default here) or cluster-wide values, and it takes strings, not bytes. The
 * engine test (test/engines/sealed-secrets-unseal.test.ts) unseals this output with upstream's Go code.
 */
export function hybridEncrypt(publicKey: KeyObject, plaintext: Buffer, label: string): string {
  const sessionKey = randomBytes(32);
  const sealedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(label, 'utf8') }, sessionKey);
  const cipher = createCipheriv('aes-256-gcm', sessionKey, Buffer.alloc(12));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(sealedKey.length);
  return Buffer.concat([length, sealedKey, body]).toString('base64');
}
