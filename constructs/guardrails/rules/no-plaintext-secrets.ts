import { showValue } from '../violation';
import { ALL_TIERS, type Guardrail, violationAt } from '../guardrail';

/** Fields of Argo CD's cluster `config` that hold credentials; workload identity needs none. */
const CREDENTIAL_FIELDS = ['bearerToken', 'password', 'username', 'keyData', 'certData'] as const;

interface SecretFields {
  readonly type?: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
}

/** Parses the cluster config JSON; unparseable config is itself a reason to refuse. */
function credentialFieldsIn(config: string | undefined): string[] | undefined {
  if (config === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(config);
    const tls = (parsed as { tlsClientConfig?: Record<string, unknown> }).tlsClientConfig ?? {};
    const top = parsed as Record<string, unknown>;
    return CREDENTIAL_FIELDS.filter((field) => top[field] !== undefined || tls[field] !== undefined);
  } catch {
    return undefined;
  }
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
          problem: 'the cluster config is not valid JSON',
          fix: 'build cluster registrations with ClusterRegistration',
        }),
      ];
    }
    const inData = secret.data !== undefined ? ['data'] : [];
    return [...found.map((f) => `stringData.config.${f}`), ...inData].map((field) =>
      violationAt(object, spec, this.id, {
        field,
        value: '(redacted)',
        problem: 'a credential in a cluster registration would be committed to Git',
        fix: 'use workload identity (EKS role, AKS/GKE exec provider) as ClusterRegistration does',
      }),
    );
  },
};
