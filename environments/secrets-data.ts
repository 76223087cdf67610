import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutOfBandSecret, SealedSecretData, SecretsSpec } from '../constructs/secrets/secrets-spec';

/** Where each cluster's controller certificate is committed: `<folder>/<env>/<cluster>.pem`. */
export const SEALING_CERTIFICATES_DIR = 'environments/sealing';
/** Where `npm run seal` writes sealed values: `<folder>/<env>/<cluster>/<namespace>.<name>.json`. */
export const SEALED_DATA_DIR = 'environments/sealed';

export function sealingCertificatePath(environment: string, cluster: string): string {
  return `${SEALING_CERTIFICATES_DIR}/${environment}/${cluster}.pem`;
}

export function sealedDataPath(environment: string, cluster: string, namespace: string, name: string): string {
  return `${SEALED_DATA_DIR}/${environment}/${cluster}/${namespace}.${name}.json`;
}

// Spread into an array of this realm: the synth cache accepts Array.prototype only (spec-data.ts).
const sortedEntries = (dir: string): string[] => (existsSync(dir) ? [...readdirSync(dir)].sort() : []);

/**
 * The environment's `secrets`: the committed certificates and sealed values (data files, so that
 * `npm run seal` edits data, never a spec file) and the slots provided out of band (written in the
 * spec). Files are read in name order, so the spec, and with it dist/ and the synth cache key, is
 * the same for the same files. Plain JSON data only: the synth cache compares specs value by value
 * (apps/synth/cache/spec-data.ts). `root` is the repository (synth and tests run there).
 */
export function secretsOf(environment: string, providedOutOfBand: readonly OutOfBandSecret[], root: string = process.cwd()): SecretsSpec {
  const certificatesDir = join(root, SEALING_CERTIFICATES_DIR, environment);
  const sealingCertificates: Record<string, string> = {};
  for (const file of sortedEntries(certificatesDir).filter((f) => f.endsWith('.pem'))) {
    sealingCertificates[file.slice(0, -'.pem'.length)] = readFileSync(join(certificatesDir, file), 'utf8');
  }
  const sealedDir = join(root, SEALED_DATA_DIR, environment);
  const sealed = sortedEntries(sealedDir).flatMap((cluster) =>
    sortedEntries(join(sealedDir, cluster))
      .filter((f) => f.endsWith('.json'))
      .map((file) => readSealedData(root, `${SEALED_DATA_DIR}/${environment}/${cluster}/${file}`, cluster, file)),
  );
  return { sealingCertificates, sealed, providedOutOfBand: [...providedOutOfBand] };
}

/** One data file; its place (cluster folder, `<namespace>.<name>.json`) must agree with what it says. */
function readSealedData(root: string, path: string, cluster: string, file: string): SealedSecretData {
  let data: SealedSecretData;
  try {
    data = JSON.parse(readFileSync(join(root, path), 'utf8')) as SealedSecretData;
  } catch (error) {
    throw new Error(`${path}: not readable JSON (${(error as Error).message}); write it with npm run seal, never by hand`);
  }
  const expected = `${data.namespace}.${data.name}.json`;
  if (data.cluster !== cluster || file !== expected) {
    throw new Error(
      `${path}: says cluster ${JSON.stringify(data.cluster)}, Secret ${JSON.stringify(`${data.namespace}/${data.name}`)}, ` +
        `but lies in ${cluster}/${file}; move it to ${cluster === data.cluster ? '' : `${data.cluster}/`}${expected} or seal it again with npm run seal`,
    );
  }
  return data;
}

/**
 * The Secrets of an environment that nobody has sealed yet, each said explicitly with what to do
 * about it: until a cluster's controller certificate is committed and the values are sealed, the
 * platform team creates the Secret on the cluster by hand (the secrets inventory lists the keys).
 */
export function notSealedYet(environment: string, secrets: readonly `${string}/${string}`[]): OutOfBandSecret[] {
  return secrets.map((id) => {
    const [namespace, name] = id.split('/') as [string, string];
    return {
      namespace,
      name,
      reason:
        `not sealed yet: created by hand by the platform team (keys: dist/secrets-inventory/${environment}/secrets.md). To seal it, commit the cluster's certificate ` +
        `(kubeseal --controller-namespace sealed-secrets --controller-name sealed-secrets-controller --fetch-cert > ${SEALING_CERTIFICATES_DIR}/${environment}/<cluster>.pem), ` +
        `run npm run seal -- --env ${environment} --cluster <cluster> --namespace ${namespace} --name ${name} --from-file KEY=PATH ..., annotate the existing Secret ` +
        'sealedsecrets.bitnami.com/managed=true, and remove this entry',
    };
  });
}
