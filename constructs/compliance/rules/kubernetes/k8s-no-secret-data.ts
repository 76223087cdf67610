import { COMPLIANT, nonCompliant } from '../../outcome';
import type { KubernetesComplianceRule } from '../../types';

/** Label of Argo CD's cluster registration Secrets, the only Secrets committed (without credentials). */
const CLUSTER_SECRET_LABEL = 'argocd.argoproj.io/secret-type';

interface SecretFields {
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
}

/**
 * No Secret committed to Git carries values: no `data` at all, and `stringData` only in Argo CD
 * cluster registrations (whose config holds no credential: the guardrail `no-plaintext-secrets`
 * checks its fields). Secret values are committed as SealedSecrets.
 */
export const k8sNoSecretData: KubernetesComplianceRule = {
  id: 'k8s-no-secret-data',
  engine: 'kubernetes',
  level: 'error',
  title: 'No Secret values are committed to Git',
  rationale:
    'Everything in this repository is readable by everyone who can clone it, forever (Git history). Base64 is an ' +
    'encoding, not encryption: a committed Secret is a published one.',
  controls: {
    soc2: ['CC6.1', 'C1.1'],
    pciDss: ['3.5.1', '8.6.2'],
    iso27001: ['A.5.17', 'A.8.4'],
    gdpr: ['Art. 5(1)(f)', 'Art. 32'],
  },
  objectTypes: ['v1/Secret'],
  check(manifest) {
    const secret = manifest as SecretFields;
    if (secret.data !== undefined && Object.keys(secret.data).length > 0) {
      return nonCompliant('data', '(redacted)', 'the Secret commits its values to Git', 'seal the values with kubeseal and declare a SealedSecret instead');
    }
    const isClusterRegistration = manifest.metadata.labels?.[CLUSTER_SECRET_LABEL] === 'cluster';
    if (secret.stringData !== undefined && Object.keys(secret.stringData).length > 0 && !isClusterRegistration) {
      return nonCompliant('stringData', '(redacted)', 'the Secret commits its values to Git', 'seal the values with kubeseal and declare a SealedSecret instead');
    }
    return COMPLIANT;
  },
};
