import { X509Certificate } from 'node:crypto';
import { finding } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { pemCertificates } from '../../../constructs/secrets/sealing-certificate';
import { sealingCertificatePath } from '../../../environments/secrets-data';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * The organisation of the example controller certificates the reference estate commits
 * (`O=gitops-cdk example (no private key exists)`): made with openssl, their private keys
 * discarded, so that dist/ shows real SealedSecrets before any cluster exists.
 */
export const EXAMPLE_CERTIFICATE_ORGANIZATION = 'gitops-cdk example (no private key exists)';

function isExample(pem: string): boolean {
  return pemCertificates(pem).some((block) => {
    try {
      return new X509Certificate(block).subject.split('\n').includes(`O=${EXAMPLE_CERTIFICATE_ORGANIZATION}`);
    } catch {
      return false;
    }
  });
}

/**
 * Values sealed with an example certificate can never be unsealed: no controller holds its key. On
 * a real cluster the controller reports each of them (SecretsSealedSecretUnsealFailed) and the
 * reader starts without its Secret. A warning, on every synth, until real certificates replace them.
 */
export const specSealingExampleCertificates: SpecRule<EnvironmentSpec> = {
  id: 'spec-sealing-example-certificates',
  engine: 'spec',
  level: 'warning',
  title: "Secrets are sealed with the clusters' real controller certificates",
  rationale:
    'An example certificate has no private key anywhere: what is sealed with it never becomes a Secret, and the component that reads it does not start or starts without its credentials.',
  controls: { soc2: ['CC6.1'], pciDss: ['3.5.1'], iso27001: ['A.8.24'], gdpr: ['Art. 32'] },
  check: (spec) =>
    Object.entries(spec.secrets.sealingCertificates)
      .filter(([, pem]) => isExample(pem))
      .map(([cluster]) => {
        const sealed = spec.secrets.sealed.filter((s) => s.cluster === cluster).map((s) => `${s.namespace}/${s.name}`);
        return finding(
          `secrets.sealingCertificates.${cluster}`,
          sealingCertificatePath(spec.name, cluster),
          `is an example certificate whose private key was discarded: ${sealed.length === 0 ? 'nothing sealed with it' : `${sealed.join(', ')}`} can never be unsealed on ${cluster}`,
          `fetch ${cluster}'s real certificate (README "Sealed Secrets"), then seal its Secrets again with npm run seal`,
        );
      }),
};
