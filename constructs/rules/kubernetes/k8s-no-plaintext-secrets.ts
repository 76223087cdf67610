import { finding } from '../../core/finding';
import { REDACTED } from '../show-value';
import type { KubernetesRule } from '../types';

/** Fields of Argo CD's cluster `config` that hold credentials; workload identity needs none. */
const CREDENTIAL_FIELDS: ReadonlySet<string> = new Set(['bearerToken', 'password', 'username', 'keyData', 'certData']);

/** Environment variables of an exec provider that carry a secret (a `..._TOKEN_FILE` path does not). */
const SECRET_ENV_NAME = /(SECRET|PASSWORD|TOKEN|KEY)$/;

interface SecretFields {
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
}

/** Paths of every credential in a parsed cluster config, at any depth. */
function credentialPaths(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const childPath = `${path}.${key}`;
    const inEnv = path.endsWith('.env');
    if (CREDENTIAL_FIELDS.has(key) || (inEnv && SECRET_ENV_NAME.test(key))) return [childPath];
    return credentialPaths(child, childPath);
  });
}

/** Credential paths in the cluster config JSON; `undefined` when it is not a JSON object. */
function credentialFieldsIn(config: string | undefined): string[] | undefined {
  if (config === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return credentialPaths(parsed, 'stringData.config');
}

const SEAL_FIX = 'seal the value with kubeseal and declare a SealedSecret instead';

/** Whether a Secret field holds at least one value. */
function holdsValues(values: Readonly<Record<string, string>> | undefined): boolean {
  return values !== undefined && Object.keys(values).length > 0;
}

/**
 * Git is readable by everyone who can clone it: no Secret committed carries secret material. The
 * only Secrets with values allowed are Argo CD cluster registrations, and only with identity-based
 * auth. Secret values belong in SealedSecrets. One rule where there were two (the guardrail
 * `no-plaintext-secrets` and the compliance rule `k8s-no-secret-data`); a Secret without values
 * (a service account token Kubernetes fills in) commits nothing and passes.
 */
export const k8sNoPlaintextSecrets: KubernetesRule = {
  id: 'k8s-no-plaintext-secrets',
  engine: 'kubernetes',
  level: 'error',
  title: 'No Secret values are committed to Git',
  rationale:
    'Everything in this repository is readable by everyone who can clone it, forever (Git history). Base64 is an ' +
    'encoding, not encryption: a committed Secret is a published one. Cluster registrations carry no credential: ' +
    'Argo CD reaches clusters with workload identity.',
  controls: {
    soc2: ['CC6.1', 'C1.1'],
    pciDss: ['3.5.1', '8.6.2'],
    iso27001: ['A.5.17', 'A.8.4'],
    gdpr: ['Art. 5(1)(f)', 'Art. 32'],
  },
  objectTypes: ['v1/Secret'],
  check(manifest) {
    const secret = manifest as SecretFields;
    const isClusterRegistration = manifest.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster';
    if (!isClusterRegistration) {
      const field = holdsValues(secret.data) ? 'data' : holdsValues(secret.stringData) ? 'stringData' : undefined;
      return field === undefined ? [] : [finding(field, REDACTED, 'a plaintext Secret would commit its values to Git', SEAL_FIX)];
    }
    const found = credentialFieldsIn(secret.stringData?.config);
    if (found === undefined) {
      return [finding('stringData.config', secret.stringData?.config, 'the cluster config is not a JSON object', 'build cluster registrations with ClusterRegistration')];
    }
    const inData = secret.data !== undefined ? ['data'] : [];
    return [...found, ...inData].map((field) =>
      finding(
        field,
        REDACTED,
        'a credential in a cluster registration would be committed to Git',
        'use workload identity (EKS role, AKS/GKE exec provider) as ClusterRegistration does',
      ),
    );
  },
};
