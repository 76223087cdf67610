import { showValue } from '../violation';
import { ALL_TIERS, type Guardrail, violationAt } from '../guardrail';

/** Fields of Argo CD's cluster `config` that hold credentials; workload identity needs none. */
const CREDENTIAL_FIELDS: ReadonlySet<string> = new Set(['bearerToken', 'password', 'username', 'keyData', 'certData']);

/** Environment variables of an exec provider that carry a secret (a `..._TOKEN_FILE` path does not). */
const SECRET_ENV_NAME = /(SECRET|PASSWORD|TOKEN|KEY)$/;

interface SecretFields {
  readonly type?: string;
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

/**
 * Git is readable by everyone who can clone it: no Secret carries secret material. The only
 * Secrets allowed are Argo CD cluster registrations, and only with identity-based auth.
 * Secret values belong in SealedSecrets.
 */
export const noPlaintextSecrets: Guardrail = {
  id: 'no-plaintext-secrets',
  description: 'No plaintext Secret in Git: only credential-free Argo CD cluster registrations; everything else is a SealedSecret.',
  tiers: ALL_TIERS,
  check(object, spec) {
    const { manifest } = object;
    if (manifest.kind !== 'Secret' || manifest.apiVersion !== 'v1') return [];
    const secret = manifest as SecretFields;
    const isClusterRegistration = manifest.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster';
    if (!isClusterRegistration) {
      return [
        violationAt(object, spec, this.id, {
          field: 'kind',
          value: showValue('Secret'),
          problem: 'a plaintext Secret would commit its values to Git',
          fix: 'seal the value with kubeseal and declare a SealedSecret instead',
        }),
      ];
    }
    const found = credentialFieldsIn(secret.stringData?.config);
    if (found === undefined) {
      return [
        violationAt(object, spec, this.id, {
          field: 'stringData.config',
          value: showValue(secret.stringData?.config),
          problem: 'the cluster config is not a JSON object',
          fix: 'build cluster registrations with ClusterRegistration',
        }),
      ];
    }
    const inData = secret.data !== undefined ? ['data'] : [];
    return [...found, ...inData].map((field) =>
      violationAt(object, spec, this.id, {
        field,
        value: '(redacted)',
        problem: 'a credential in a cluster registration would be committed to Git',
        fix: 'use workload identity (EKS role, AKS/GKE exec provider) as ClusterRegistration does',
      }),
    );
  },
};
