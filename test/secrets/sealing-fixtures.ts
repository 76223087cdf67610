import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretSlot } from '../../constructs/secrets/secret-slots';
import type { SealedSecretData } from '../../constructs/secrets/secrets-spec';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

/**
 * Test-only certificates (public halves only; the private keys were discarded when they were made
 * with openssl, valid until 2126): two RSA ones, an EC one the controller cannot use, and an RSA
 * one valid from 2027-01-01 (a renewed key: newer than the others), and one marked as the
 * reference estate marks its example certificates (`example-org`).
 */
export const certificate = (name: 'rsa-a' | 'rsa-b' | 'ec' | 'rsa-renewed' | 'example-org'): string => readFileSync(join(__dirname, 'certificates', `${name}.pem`), 'utf8');

/** A development fixture whose first cluster has the certificate `rsa-a` committed. */
export function sealingEnvironment(secrets: Partial<EnvironmentSpec['secrets']> = {}): EnvironmentSpec {
  const base = fixtureEnvironment({ tier: 'development' });
  return { ...base, secrets: { ...base.secrets, sealingCertificates: { [base.clusters[0]!.name]: certificate('rsa-a') }, ...secrets } };
}

export const firstCluster = (spec: EnvironmentSpec): string => spec.clusters[0]!.name;

export function slot(cluster: string, namespace = 'monitoring', name = 'grafana-admin', keys: readonly string[] = ['admin-password', 'admin-user']): SecretSlot {
  return { namespace, name, cluster, keys };
}

/** Base64 bytes 01 00 00: the length prefix of a value sealed with a 2048-bit key. */
export const RSA_2048_CIPHERTEXT = 'AQAA';

export function sealedData(overrides: Partial<SealedSecretData> & { cluster: string }): SealedSecretData {
  return {
    namespace: 'monitoring',
    name: 'grafana-admin',
    scope: 'strict',
    certificateSha256: '00',
    // Starts as a ciphertext of a 2048-bit key does (its RSA part's length, 256, big-endian), as the test certificates have.
    encryptedData: { 'admin-password': RSA_2048_CIPHERTEXT, 'admin-user': RSA_2048_CIPHERTEXT },
    ...overrides,
  };
}
