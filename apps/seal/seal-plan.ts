import type { KeyObject } from 'node:crypto';
import { readSealingCertificates } from '../../constructs/secrets/sealing-certificate';
import type { SecretSlot } from '../../constructs/secrets/secret-slots';
import type { SealingScope } from '../../constructs/secrets/secrets-spec';
import { sealingCertificatePath } from '../../environments/secrets-data';
import type { EnvironmentSpec } from '../../environments/types';
import type { SealRequest } from './seal-options';

/** What planning reads besides the command line (tests give their own). */
export interface SealContext {
  readonly environments: readonly EnvironmentSpec[];
  /** The environment's slots, from its RequiredSecret declarations (secretSlots). */
  readonly slotsOf: (spec: EnvironmentSpec) => readonly SecretSlot[];
  /** The bytes of a `--from-file` path (`-`: standard input). */
  readonly readValue: (path: string) => Buffer;
  readonly now: Date;
}

/** Everything checked: the values are in memory only, and only until they are sealed. */
export interface SealPlan {
  readonly environment: string;
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  readonly scope: SealingScope;
  readonly publicKey: KeyObject;
  readonly certificateSha256: string;
  readonly values: ReadonlyMap<string, Buffer>;
}

const SCOPES: readonly SealingScope[] = ['strict', 'namespace-wide', 'cluster-wide'];
/** A DNS-1123 label: what Kubernetes accepts as a namespace, and the safe subset of Secret names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A Secret's data key (k8s.io/apimachinery validation IsConfigMapKey). */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

const fetchCertHint = (environment: string, cluster: string): string =>
  `fetch it from the cluster: kubeseal --controller-namespace sealed-secrets --controller-name sealed-secrets-controller --fetch-cert > ${sealingCertificatePath(environment, cluster)} (README "Sealed Secrets")`;

/**
 * Checks the whole request before anything is read for sealing or written, and reports every
 * problem at once: the environment, cluster and its committed certificate (readable, RSA, not
 * expired, as kubeseal's ParseKey), the Secret's name and namespace, that the Secret and keys are a
 * slot of the environment on that cluster (unless forced), the scope, and each key and value.
 */
export function planSeal(request: SealRequest, context: SealContext): { readonly ok: true; readonly plan: SealPlan } | { readonly ok: false; readonly problems: string[] } {
  const problems: string[] = [];
  const spec = request.env === undefined ? undefined : context.environments.find((e) => e.name === request.env);
  const names = context.environments.map((e) => e.name).join(', ');
  if (request.env === undefined) problems.push(`--env is missing: one of ${names}`);
  else if (spec === undefined) problems.push(`--env ${request.env} is no environment: one of ${names}`);

  const cluster = spec === undefined || request.cluster === undefined ? undefined : spec.clusters.find((c) => c.name === request.cluster);
  if (request.cluster === undefined) problems.push(`--cluster is missing${spec === undefined ? '' : `: one of ${spec.clusters.map((c) => c.name).join(', ')}`}`);
  else if (spec !== undefined && cluster === undefined)
    problems.push(`--cluster ${request.cluster} is no cluster of ${spec.name}: one of ${spec.clusters.map((c) => c.name).join(', ')}`);

  let certificate: { publicKey: KeyObject; sha256: string } | undefined;
  if (spec !== undefined && cluster !== undefined) {
    const pem = spec.secrets.sealingCertificates[cluster.name];
    const path = sealingCertificatePath(spec.name, cluster.name);
    if (pem === undefined) problems.push(`cluster ${cluster.name} has no committed certificate ${path}: ${fetchCertHint(spec.name, cluster.name)}`);
    else {
      const read = readSealingCertificates(pem, context.now);
      if (read.ok) certificate = { publicKey: read.newest.certificate.publicKey, sha256: read.newest.sha256 };
      else problems.push(`${path} ${read.problem}: ${fetchCertHint(spec.name, cluster.name)}`);
    }
  }

  for (const [flag, value] of [
    ['--namespace', request.namespace],
    ['--name', request.name],
  ] as const) {
    if (value === undefined) problems.push(`${flag} is missing`);
    else if (!DNS_LABEL.test(value) || value.length > 63)
      problems.push(`${flag} ${JSON.stringify(value)} is not a Kubernetes name (lower-case letters, digits and '-', at most 63)`);
  }
  const scope = SCOPES.find((s) => s === request.scope);
  if (scope === undefined) problems.push(`--scope ${request.scope} is not one of ${SCOPES.join(', ')}`);

  const values = readValues(request, context, problems);

  if (spec !== undefined && cluster !== undefined && request.namespace !== undefined && request.name !== undefined && !request.forceUnlisted) {
    const id = `${request.namespace}/${request.name}`;
    const slots = context.slotsOf(spec).filter((s) => s.cluster === cluster.name);
    const slot = slots.find((s) => s.namespace === request.namespace && s.name === request.name);
    if (slot === undefined) {
      problems.push(
        `${id} is no Secret ${spec.name} needs on ${cluster.name} (its slots there: ${slots.map((s) => `${s.namespace}/${s.name}`).join(', ') || 'none'}); ` +
          'check the name, or pass --force-unlisted to seal a Secret no RequiredSecret declares yet',
      );
    } else {
      const unread = [...values.keys()].filter((k) => !slot.keys.includes(k));
      if (unread.length > 0)
        problems.push(`key ${unread.join(', ')} is not read by any reader of ${id} (it reads ${slot.keys.join(', ')}); check the spelling, or pass --force-unlisted`);
    }
  }

  const { namespace, name } = request;
  if (problems.length > 0 || spec === undefined || cluster === undefined || certificate === undefined || scope === undefined || namespace === undefined || name === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    plan: {
      environment: spec.name,
      cluster: cluster.name,
      namespace,
      name,
      scope,
      publicKey: certificate.publicKey,
      certificateSha256: certificate.sha256,
      values,
    },
  };
}

/** Every `KEY=VALUE` and `KEY=PATH`, each problem reported; values are never put into a message. */
function readValues(request: SealRequest, context: SealContext, problems: string[]): Map<string, Buffer> {
  const values = new Map<string, Buffer>();
  if (request.literals.length === 0 && request.files.length === 0) problems.push('no value: give --from-literal KEY=VALUE or --from-file KEY=PATH at least once');
  const entries = [...request.literals.map((e) => ['--from-literal', e] as const), ...request.files.map((e) => ['--from-file', e] as const)];
  for (const [flag, entry] of entries) {
    const at = entry.indexOf('=');
    const key = at < 0 ? entry : entry.slice(0, at);
    if (at < 0) {
      // Without '=' the whole argument may be the value itself: never echo it.
      problems.push(`${flag} needs KEY=${flag === '--from-file' ? 'PATH' : 'VALUE'} (one argument has no '=')`);
      continue;
    }
    if (key === '') {
      problems.push(`${flag} has an empty key (write KEY=...)`);
      continue;
    }
    if (!SECRET_KEY.test(key)) problems.push(`${flag} key ${JSON.stringify(key)} is not a Secret key (letters, digits, '-', '_', '.')`);
    if (values.has(key)) problems.push(`key ${key} is given twice`);
    let value: Buffer;
    if (flag === '--from-file') {
      const path = entry.slice(at + 1);
      try {
        value = context.readValue(path);
      } catch (error) {
        problems.push(`--from-file ${key}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        continue;
      }
    } else value = Buffer.from(entry.slice(at + 1), 'utf8');
    if (value.length === 0) problems.push(`key ${key} has an empty value`);
    values.set(key, value);
  }
  return values;
}
