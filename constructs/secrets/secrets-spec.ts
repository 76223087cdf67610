/**
 * Where the values of the Secrets an environment needs come from (the slots of its secrets
 * inventory, one per Secret and cluster): sealed for the cluster's Sealed Secrets controller and
 * committed, or provided out of band, said explicitly. Synth refuses an environment with a slot
 * that is neither (constructs/secrets).
 */
export interface SecretsSpec {
  /**
   * The public certificate (PEM) of each cluster's Sealed Secrets controller, by cluster name:
   * what `npm run seal` encrypts with and what synth checks every sealed value against.
   */
  readonly sealingCertificates: Readonly<Record<string, string>>;
  /** Values sealed by `npm run seal`, read from the environment's data files. */
  readonly sealed: readonly SealedSecretData[];
  /** Slots whose Secret someone creates on the cluster by other means, with the reason. */
  readonly providedOutOfBand: readonly OutOfBandSecret[];
}

/** Sealing scope, as kubeseal's `--scope`: which names and namespaces the ciphertext may be unsealed under. */
export type SealingScope = 'strict' | 'namespace-wide' | 'cluster-wide';

/** One Secret sealed for one cluster: what `npm run seal` writes and synth renders as a SealedSecret. */
export interface SealedSecretData {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  readonly scope: SealingScope;
  /** SHA-256 fingerprint of the controller certificate the values were sealed with. */
  readonly certificateSha256: string;
  /** Base64 ciphertext per key. */
  readonly encryptedData: Readonly<Record<string, string>>;
}

export interface OutOfBandSecret {
  readonly namespace: string;
  readonly name: string;
  /** @default - every cluster the Secret is needed on */
  readonly clusters?: readonly string[];
  /** Who creates it and how (shown in the inventory). */
  readonly reason: string;
}
