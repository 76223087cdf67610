import type { OutOfBandSecret, SealedSecretData, SecretsSpec } from '../../constructs/secrets/secrets-spec';
import { array, object, oneOf, optional, type Schema, string, stringMap } from './schema';

/** The shape of `secrets` (value rules: apps/spec/rules and constructs/secrets). */
export const SECRETS_SCHEMA: Schema<SecretsSpec> = object<SecretsSpec>({
  sealingCertificates: stringMap(string()),
  sealed: array(
    object<SealedSecretData>({
      cluster: string(),
      namespace: string(),
      name: string(),
      scope: oneOf({ strict: true, 'namespace-wide': true, 'cluster-wide': true }),
      certificateSha256: string(),
      encryptedData: stringMap(string()),
    }),
  ),
  providedOutOfBand: array(object<OutOfBandSecret>({ namespace: string(), name: string(), clusters: optional(array(string())), reason: string() })),
});
