import { X509Certificate } from 'node:crypto';

/** A controller certificate read for sealing: its RSA public key and its fingerprint, or why it cannot seal. */
export type SealingCertificate =
  | { readonly ok: true; readonly certificate: X509Certificate; readonly sha256: string; readonly validFrom: Date; readonly validTo: Date }
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
  return { ok: true, certificate, sha256: certificate.fingerprint256, validFrom: new Date(certificate.validFrom), validTo };
}

/** Every PEM certificate block of `pem`, in file order (a cluster's file may hold one per active controller key). */
export function pemCertificates(pem: string): string[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)].map((m) => m[0]);
}

/** The certificates of a cluster's committed file: what seals new values, and every fingerprint old values may carry. */
export type SealingCertificates =
  | {
      readonly ok: true;
      readonly newest: Extract<SealingCertificate, { ok: true }>;
      readonly fingerprints: readonly string[];
      /** The RSA modulus sizes in bytes: the length of the RSA part every ciphertext sealed with one of them starts with. */
      readonly modulusBytes: readonly number[];
    }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads every certificate of a cluster's file. The controller renews its key every 30 days and keeps
 * the old ones, which still decrypt what was sealed with them (bitnami-labs/sealed-secrets
 * pkg/controller/keys.go and pkg/crypto `HybridDecrypt`, v0.27.2 and v0.28.0, try every active key);
 * so the file may hold the certificate of each active key, and a value sealed with any of them is
 * accepted. New values are sealed with the newest (latest NotBefore), as `/v1/cert.pem` serves it;
 * only the newest must be unexpired. A key the cluster no longer has (compromised, lost) is removed
 * from the file, and synth then refuses what was sealed with it.
 */
export function readSealingCertificates(pem: string, now: Date = new Date()): SealingCertificates {
  const blocks = pemCertificates(pem);
  if (blocks.length === 0) return readSealingCertificate(pem, now) as Extract<SealingCertificate, { ok: false }>;
  const read: { readonly block: string; readonly certificate: Extract<SealingCertificate, { ok: true }> }[] = [];
  for (const [index, block] of blocks.entries()) {
    const one = readSealingCertificate(block, new Date(0));
    if (!one.ok) return { ok: false, problem: blocks.length === 1 ? one.problem : `(certificate ${index + 1} of ${blocks.length}) ${one.problem}` };
    read.push({ block, certificate: one });
  }
  const latest = read.reduce((a, b) => (b.certificate.validFrom.getTime() > a.certificate.validFrom.getTime() ? b : a));
  const newest = latest.certificate;
  const checked = readSealingCertificate(latest.block, now);
  if (!checked.ok) return blocks.length === 1 ? checked : { ok: false, problem: `(its newest certificate) ${checked.problem}` };
  return {
    ok: true,
    newest,
    fingerprints: read.map((r) => r.certificate.sha256),
    modulusBytes: read.map((r) => (r.certificate.certificate.publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8),
  };
}
