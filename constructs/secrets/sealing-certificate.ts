import { X509Certificate } from 'node:crypto';

/** A controller certificate read for sealing: its RSA public key and its fingerprint, or why it cannot seal. */
export type SealingCertificate =
  | { readonly ok: true; readonly certificate: X509Certificate; readonly sha256: string; readonly validTo: Date }
  | { readonly ok: false; readonly problem: string };

/**
 * The SHA-256 fingerprint of a certificate as `openssl x509 -noout -fingerprint -sha256` prints it
 * (colon-separated upper-case hex of the DER), so an operator can compare it by hand. The ciphertext
 * names no key, so this recorded fingerprint is what tells synth which certificate a value was sealed for.
 */
export function certificateSha256(pem: string): string | undefined {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return undefined;
  }
}

/**
 * Reads the first certificate of a PEM and refuses what kubeseal refuses (bitnami-labs/sealed-secrets
 * pkg/kubeseal/kubeseal.go `ParseKey`, v0.27.2 and v0.28.0): no certificate, a key that is not RSA, a
 * certificate past its NotAfter. A bare public key (`BEGIN PUBLIC KEY`) is no certificate, as for kubeseal.
 */
export function readSealingCertificate(pem: string, now: Date = new Date()): SealingCertificate {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    return { ok: false, problem: 'holds no PEM certificate (-----BEGIN CERTIFICATE-----); a bare public key is not accepted, as by kubeseal' };
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch (error) {
    return { ok: false, problem: `is not a readable X.509 certificate (${(error as Error).message})` };
  }
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') {
    return { ok: false, problem: `holds a ${certificate.publicKey.asymmetricKeyType ?? 'non-RSA'} key; the Sealed Secrets controller seals with RSA only` };
  }
  const validTo = new Date(certificate.validTo);
  if (validTo.getTime() < now.getTime()) {
    return { ok: false, problem: `expired on ${validTo.toISOString().slice(0, 10)}; kubeseal refuses to encrypt with an expired certificate` };
  }
  return { ok: true, certificate, sha256: certificate.fingerprint256, validTo };
}
