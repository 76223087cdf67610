import type { Finding } from '../core/finding';
import type { InventoryEntry } from './secrets-inventory';
import type { OutOfBandSecret, SealedSecretData, SecretsSpec } from './secrets-spec';

/** One Secret on one cluster: each cluster's controller has its own key, so each is sealed on its own. */
export interface SecretSlot {
  readonly namespace: string;
  readonly name: string;
  readonly cluster: string;
  /** Every key a reader reads, sorted. */
  readonly keys: readonly string[];
}

/** Where a slot's value comes from. */
export type SlotSource = { readonly kind: 'sealed'; readonly data: SealedSecretData } | { readonly kind: 'out-of-band'; readonly reason: string } | { readonly kind: 'missing' };

/** The slots of the inventory (secretsInventory): every entry on every cluster it is needed on, sorted. */
export function secretSlots(inventory: readonly InventoryEntry[]): SecretSlot[] {
  return inventory.flatMap((entry) => entry.clusters.map((cluster) => ({ namespace: entry.namespace, name: entry.name, cluster, keys: entry.keys.map((k) => k.name) })));
}

const sameSecret = (a: { namespace: string; name: string }, b: { namespace: string; name: string }): boolean => a.namespace === b.namespace && a.name === b.name;

export function coversSlot(outOfBand: OutOfBandSecret, slot: SecretSlot): boolean {
  return sameSecret(outOfBand, slot) && (outOfBand.clusters === undefined || outOfBand.clusters.includes(slot.cluster));
}

/** A slot's source: sealed values win; an out-of-band entry that also covers it is refused below. */
export function slotSource(slot: SecretSlot, secrets: SecretsSpec): SlotSource {
  const sealed = secrets.sealed.find((s) => s.cluster === slot.cluster && sameSecret(s, slot));
  if (sealed !== undefined) return { kind: 'sealed', data: sealed };
  const outOfBand = secrets.providedOutOfBand.find((o) => coversSlot(o, slot));
  return outOfBand !== undefined ? { kind: 'out-of-band', reason: outOfBand.reason } : { kind: 'missing' };
}

const slotName = (s: { namespace: string; name: string; cluster: string }): string => `${s.namespace}/${s.name} on ${s.cluster}`;

function sealCommand(environment: string, slot: SecretSlot, keys: readonly string[]): string {
  return `npm run seal -- --env ${environment} --cluster ${slot.cluster} --namespace ${slot.namespace} --name ${slot.name} ${keys.map((k) => `--from-file ${k}=<file>`).join(' ')}`;
}

/**
 * Synth refuses an environment whose Secrets are not accounted for, each slot by name: a slot
 * neither sealed (with every key its readers read) nor provided out of band; sealed values for a
 * Secret or cluster no reader needs (they would create a Secret nobody reads, or seal for a cluster
 * whose slot is elsewhere); a slot both sealed and listed out of band (two writers of one Secret).
 * Certificates and fingerprints are spec checks (apps/spec/rules/spec-sealed-secrets.ts).
 */
export function secretSlotFindings(environment: string, slots: readonly SecretSlot[], secrets: SecretsSpec): Finding[] {
  const findings: Finding[] = [];
  for (const slot of slots) {
    const source = slotSource(slot, secrets);
    if (source.kind === 'missing') {
      findings.push({
        field: 'secrets',
        value: slotName(slot),
        problem: `Secret ${slot.namespace}/${slot.name} (keys ${slot.keys.join(', ')}) is needed on cluster ${slot.cluster} but is neither sealed nor provided out of band: its reader would find nothing there`,
        fix: `seal it (${sealCommand(environment, slot, slot.keys)}), or list it in secrets.providedOutOfBand with who creates it and how`,
      });
      continue;
    }
    if (source.kind === 'sealed') {
      const index = secrets.sealed.indexOf(source.data);
      const missing = slot.keys.filter((k) => !(k in source.data.encryptedData));
      if (missing.length > 0) {
        findings.push({
          field: `secrets.sealed[${index}].encryptedData`,
          value: Object.keys(source.data.encryptedData).sort(),
          problem: `sealed Secret ${slotName(slot)} lacks key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which its readers read: the controller would create a Secret without ${missing.length > 1 ? 'them' : 'it'}`,
          fix: `seal the missing key${missing.length > 1 ? 's' : ''} (kept keys stay): ${sealCommand(environment, slot, missing)}`,
        });
      }
      const twice = secrets.providedOutOfBand.findIndex((o) => coversSlot(o, slot));
      if (twice >= 0) {
        findings.push({
          field: `secrets.providedOutOfBand[${twice}]`,
          value: slotName(slot),
          problem: `Secret ${slotName(slot)} is sealed and also listed as provided out of band: two writers of one Secret overwrite each other`,
          fix: `remove ${slot.cluster} from this entry (or the entry), or delete the sealed file of ${slotName(slot)}`,
        });
      }
    }
  }
  secrets.sealed.forEach((data, index) => {
    if (slots.some((slot) => slot.cluster === data.cluster && sameSecret(slot, data))) return;
    const elsewhere = slots.filter((slot) => sameSecret(slot, data)).map((slot) => slot.cluster);
    findings.push({
      field: `secrets.sealed[${index}]`,
      value: slotName(data),
      problem:
        elsewhere.length > 0
          ? `Secret ${data.namespace}/${data.name} is sealed for cluster ${data.cluster}, but its readers run on ${elsewhere.join(', ')} only: it would create a Secret nobody reads there`
          : `Secret ${data.namespace}/${data.name} is sealed for cluster ${data.cluster}, but no RequiredSecret declares it: nothing reads it`,
      fix: 'delete its sealed file, or declare the Secret with its reader (RequiredSecret) if a component reads it',
    });
  });
  return findings;
}
