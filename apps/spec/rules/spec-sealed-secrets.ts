import { type Finding, finding } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { readSealingCertificates } from '../../../constructs/secrets/sealing-certificate';
import { sealedDataPath, sealingCertificatePath } from '../../../environments/secrets-data';
import type { EnvironmentSpec } from '../../../environments/types';

/** Standard padded base64, as the controller decodes `spec.encryptedData` (base64.StdEncoding). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The length of the RSA part a sealed value starts with (a big-endian uint16). */
function rsaLength(base64: string): number {
  const bytes = Buffer.from(base64, 'base64');
  return bytes.length < 2 ? 0 : bytes.readUInt16BE(0);
}

const reseal = (spec: EnvironmentSpec, cluster: string, namespace: string, name: string): string =>
  `seal every key again with the committed certificate: npm run seal -- --env ${spec.name} --cluster ${cluster} --namespace ${namespace} --name ${name} --from-file KEY=PATH ...`;

/**
 * The sealing data of `secrets` fits the environment: certificates of its own clusters only, each a
 * readable RSA certificate; every sealed Secret is for one of its clusters, sealed with exactly the
 * certificate committed for that cluster (the ciphertext names no key: the fingerprint recorded by
 * `npm run seal` is what tells), non-empty, base64; every out-of-band slot has a reason and real clusters.
 * Which slots must be filled is checked against the RequiredSecret declarations (constructs/secrets/secret-slots.ts).
 */
export const specSealedSecrets: SpecRule<EnvironmentSpec> = {
  id: 'spec-sealed-secrets',
  engine: 'spec',
  level: 'error',
  title: "Every sealed Secret is sealed for its cluster's committed controller certificate",
  rationale:
    "A value sealed with another cluster's certificate, or with a certificate the cluster has since replaced and lost, " +
    'never decrypts: the controller reports it in an event and the reader starts without its Secret. Only the recorded fingerprint can tell before deployment.',
  controls: { soc2: ['CC6.1', 'CC6.7'], pciDss: ['3.5.1', '8.3.2'], iso27001: ['A.5.17', 'A.8.24'], gdpr: ['Art. 32'] },
  check: (spec) => {
    const clusters = new Set(spec.clusters.map((c) => c.name));
    const { sealingCertificates, sealed, providedOutOfBand } = spec.secrets;
    const findings: Finding[] = [];
    const fingerprints = new Map<string, readonly string[]>();
    const modulusBytes = new Map<string, readonly number[]>();
    for (const [cluster, pem] of Object.entries(sealingCertificates)) {
      const field = `secrets.sealingCertificates.${cluster}`;
      const path = sealingCertificatePath(spec.name, cluster);
      if (!clusters.has(cluster)) {
        findings.push(
          finding(
            field,
            path,
            `${path} is the certificate of ${cluster}, which is no cluster of ${spec.name}`,
            `delete ${path}, or rename it after one of ${[...clusters].join(', ')}`,
          ),
        );
        continue;
      }
      // Expiry is npm run seal's refusal (as kubeseal's): values sealed before it still decrypt.
      const read = readSealingCertificates(pem, new Date(0));
      if (read.ok) {
        fingerprints.set(cluster, read.fingerprints);
        modulusBytes.set(cluster, read.modulusBytes);
      } else findings.push(finding(field, path, `${path} ${read.problem}`, `fetch the controller's certificate again (README "Sealed Secrets")`));
    }
    sealed.forEach((data, index) => {
      const at = `secrets.sealed[${index}]`;
      const file = sealedDataPath(spec.name, data.cluster, data.namespace, data.name);
      if (!clusters.has(data.cluster)) {
        findings.push(
          finding(
            `${at}.cluster`,
            data.cluster,
            `${file} is sealed for ${data.cluster}, which is no cluster of ${spec.name}`,
            `delete ${file}, and seal the Secret for the cluster that needs it`,
          ),
        );
        return;
      }
      const committed = fingerprints.get(data.cluster);
      if (committed === undefined && sealingCertificates[data.cluster] === undefined) {
        findings.push(
          finding(
            `${at}.certificateSha256`,
            data.certificateSha256,
            `${file} is sealed for ${data.cluster}, which has no committed certificate ${sealingCertificatePath(spec.name, data.cluster)} to check it against`,
            `commit the certificate of ${data.cluster}'s controller (README "Sealed Secrets"), then ${reseal(spec, data.cluster, data.namespace, data.name)}`,
          ),
        );
      } else if (committed !== undefined && !committed.includes(data.certificateSha256)) {
        const owner = [...fingerprints].find(([, shas]) => shas.includes(data.certificateSha256))?.[0];
        const whose = owner !== undefined ? `the certificate of cluster ${owner}` : "a certificate that is not committed (a key the cluster no longer has, or another cluster's)";
        findings.push(
          finding(
            `${at}.certificateSha256`,
            data.certificateSha256,
            `${file} was sealed with ${whose}, not with one of ${sealingCertificatePath(spec.name, data.cluster)} (${committed.join(', ')}): ${data.cluster}'s controller may hold no key to decrypt it`,
            reseal(spec, data.cluster, data.namespace, data.name),
          ),
        );
      }
      const keys = Object.entries(data.encryptedData);
      if (keys.length === 0) findings.push(finding(`${at}.encryptedData`, {}, `${file} seals no key`, reseal(spec, data.cluster, data.namespace, data.name)));
      const sizes = modulusBytes.get(data.cluster) ?? [];
      for (const [key, value] of keys) {
        if (value === '' || !BASE64.test(value))
          findings.push(
            finding(
              `${at}.encryptedData.${key}`,
              `${value.slice(0, 16)}...`,
              `${file}: key ${key} is no base64 ciphertext (edited by hand?)`,
              reseal(spec, data.cluster, data.namespace, data.name),
            ),
          );
        else if (sizes.length > 0 && !sizes.includes(rsaLength(value))) {
          // The ciphertext starts with the length of its RSA part, the sealing key's modulus
          // (bitnami-labs/sealed-secrets pkg/crypto/crypto.go HybridEncrypt, v0.27.2 and v0.28.0):
          // the one fact of the key a ciphertext carries, so a value copied from a cluster whose
          // key has another size is caught even when its recorded fingerprint was copied too.
          findings.push(
            finding(
              `${at}.encryptedData.${key}`,
              `${value.slice(0, 16)}...`,
              `${file}: key ${key} was sealed with a ${rsaLength(value) * 8}-bit key, but ${data.cluster}'s committed certificates have ${sizes.map((n) => n * 8).join(', ')}-bit keys`,
              reseal(spec, data.cluster, data.namespace, data.name),
            ),
          );
        }
      }
    });
    providedOutOfBand.forEach((entry, index) => {
      const at = `secrets.providedOutOfBand[${index}]`;
      if (entry.reason.trim() === '')
        findings.push(
          finding(
            `${at}.reason`,
            entry.reason,
            `${entry.namespace}/${entry.name} is provided out of band without saying by whom and how`,
            'write the reason: who creates the Secret on the cluster, and how',
          ),
        );
      const unknown = (entry.clusters ?? []).filter((c) => !clusters.has(c));
      if (unknown.length > 0)
        findings.push(
          finding(
            `${at}.clusters`,
            unknown,
            `${entry.namespace}/${entry.name} names ${unknown.join(', ')}, no cluster of ${spec.name}`,
            `name clusters of ${spec.name}: ${[...clusters].join(', ')}`,
          ),
        );
    });
    return findings;
  },
};
