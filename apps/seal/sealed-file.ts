import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SealedSecretData } from '../../constructs/secrets/secrets-spec';
import { sealedDataPath } from '../../environments/secrets-data';
import { encryptionLabel, hybridEncrypt } from './hybrid-encrypt';
import type { SealPlan } from './seal-plan';

/** What sealing did, for the message (key names only, never values). */
export interface SealOutcome {
  /** Repository path of the data file. */
  readonly path: string;
  readonly sealed: readonly string[];
  /** Keys sealed earlier under the same certificate and scope, kept as they were. */
  readonly kept: readonly string[];
}

/** The data file as `npm run seal` writes it: sorted keys, one value per line, for reviewable diffs. */
export function sealedFileText(data: SealedSecretData): string {
  const encryptedData = Object.fromEntries(Object.entries(data.encryptedData).sort(([a], [b]) => a.localeCompare(b)));
  const ordered: SealedSecretData = {
    cluster: data.cluster,
    namespace: data.namespace,
    name: data.name,
    scope: data.scope,
    certificateSha256: data.certificateSha256,
    encryptedData,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Seals the plan's values and writes the data file of (cluster, namespace, name) under `root`,
 * atomically (a temporary file in the same folder, renamed over it): a reader sees the old file or
 * the new one. Keys sealed there before are kept when they were sealed with the same certificate
 * and scope (they still decrypt); otherwise they cannot be kept, and sealing is refused unless every
 * one of them is sealed again.
 */
export function writeSealed(plan: SealPlan, root: string): SealOutcome {
  const path = sealedDataPath(plan.environment, plan.cluster, plan.namespace, plan.name);
  const file = join(root, path);
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SealedSecretData) : undefined;
  const previous = Object.keys(before?.encryptedData ?? {});
  const given = [...plan.values.keys()];
  const compatible = before !== undefined && before.certificateSha256 === plan.certificateSha256 && before.scope === plan.scope;
  const lost = before === undefined || compatible ? [] : previous.filter((k) => !plan.values.has(k));
  if (before !== undefined && lost.length > 0) {
    const why = before.scope !== plan.scope ? `scope ${before.scope}` : `another certificate (${before.certificateSha256})`;
    throw new Error(
      `${path} holds key${lost.length > 1 ? 's' : ''} ${lost.join(', ')} sealed with ${why}, which cannot be kept beside values sealed with scope ${plan.scope} and the current certificate: ` +
        `seal ${lost.length > 1 ? 'them' : 'it'} again in the same command, or delete the file to drop ${lost.length > 1 ? 'them' : 'it'}`,
    );
  }
  const label = encryptionLabel(plan.namespace, plan.name, plan.scope);
  const encryptedData: Record<string, string> = compatible ? { ...before.encryptedData } : {};
  for (const [key, value] of plan.values) encryptedData[key] = hybridEncrypt(plan.publicKey, value, label);
  const data: SealedSecretData = {
    cluster: plan.cluster,
    namespace: plan.namespace,
    name: plan.name,
    scope: plan.scope,
    certificateSha256: plan.certificateSha256,
    encryptedData,
  };
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, sealedFileText(data));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { path, sealed: given.sort(), kept: compatible ? previous.filter((k) => !plan.values.has(k)).sort() : [] };
}
