import type { Finding } from '../core/finding';
import { showValue } from '../rules/show-value';
import type { Violation } from '../rules/violation';
import type { RenderedObject } from '../synth/kube-manifest';
import type { RequiredSecretKey, SecretDeclaration } from './required-secret';
import { sealedSecretsComponent } from './sealed-secrets-chart';
import { findSecretReferences, type SecretReference } from './secret-references';
import { secretSlots, slotSource } from './secret-slots';
import type { SecretsSpec } from './secrets-spec';

/** One Secret of the inventory: every declaration of it merged (several components may read one). */
export interface InventoryEntry {
  readonly name: string;
  readonly namespace: string;
  /** Every key any reader reads, sorted, each with what it holds and who reads it. */
  readonly keys: readonly (RequiredSecretKey & { readonly readers: readonly string[] })[];
  readonly readers: readonly string[];
  readonly clusters: readonly string[];
}

const idOf = (namespace: string, name: string): string => `${namespace}/${name}`;
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** The Secrets the estate needs and does not hold, from the declarations, sorted by namespace and name. */
export function secretsInventory(declarations: readonly SecretDeclaration[]): InventoryEntry[] {
  const byId = new Map<string, SecretDeclaration[]>();
  for (const d of declarations) {
    const id = idOf(d.props.namespace, d.props.name);
    const same = byId.get(id);
    if (same === undefined) byId.set(id, [d]);
    else same.push(d);
  }
  return [...byId.keys()].sort().map((id) => {
    const all = byId.get(id)!;
    const { name, namespace } = all[0]!.props;
    const keyNames = sorted(all.flatMap((d) => d.props.keys.map((k) => k.name)));
    return {
      name,
      namespace,
      keys: keyNames.map((key) => {
        const readers = all.filter((d) => d.props.keys.some((k) => k.name === key));
        return { name: key, holds: readers[0]!.props.keys.find((k) => k.name === key)!.holds, readers: sorted(readers.map((d) => d.props.reader)) };
      }),
      readers: sorted(all.map((d) => d.props.reader)),
      clusters: sorted(all.flatMap((d) => d.props.clusters)),
    };
  });
}

/** Secrets the synthesized objects hold themselves: plain Secrets and SealedSecrets, with their keys. */
function heldSecrets(objects: readonly RenderedObject[]): Map<string, ReadonlySet<string>> {
  const held = new Map<string, ReadonlySet<string>>();
  for (const { manifest } of objects) {
    const namespace = manifest.metadata.namespace;
    if (namespace === undefined) continue;
    const fields = manifest as Record<string, unknown>;
    if (manifest.apiVersion === 'v1' && manifest.kind === 'Secret') {
      held.set(idOf(namespace, manifest.metadata.name), new Set([...keysOf(fields.data), ...keysOf(fields.stringData)]));
    } else if (manifest.apiVersion === 'bitnami.com/v1alpha1' && manifest.kind === 'SealedSecret') {
      const spec = (fields.spec ?? {}) as { encryptedData?: unknown; template?: { metadata?: { name?: string } } };
      held.set(idOf(namespace, spec.template?.metadata?.name ?? manifest.metadata.name), new Set(keysOf(spec.encryptedData)));
    }
  }
  return held;
}

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}

const DECLARE_FIX =
  'declare it beside the construct that writes the reference: new RequiredSecret(this, id, { name, namespace, keys: [{ name, holds }], reader, clusters }) ' +
  '(constructs/secrets/required-secret.ts), or seal it into dist/ as a SealedSecret (npm run seal, README "Sealed Secrets")';

/** A problem of the inventory, at the construct that reads (or declares) the Secret. */
export interface SecretInventoryFinding extends Finding {
  readonly path: string;
}

/**
 * Synth refuses a reference to a Secret that nothing creates: every Secret a synthesized document
 * reads (findSecretReferences) is in dist/ (a SealedSecret or a credential-free Secret) or declared
 * by a RequiredSecret with that key, and every declaration is read by some document (a declaration
 * that outlived its reader would put a Secret nobody needs into the inventory).
 */
export function secretInventoryFindings(objects: readonly RenderedObject[], declarations: readonly SecretDeclaration[]): SecretInventoryFinding[] {
  const references = findSecretReferences(objects);
  const held = heldSecrets(objects);
  const inventory = new Map(secretsInventory(declarations).map((e) => [idOf(e.namespace, e.name), e]));
  const unresolved = references.filter((ref) => !resolves(ref, held, inventory));
  // Each cluster declares the Secrets its components read: look them up, not scan every reference per declaration.
  const read = new Map<string, Set<string>>();
  for (const ref of references) read.set(ref.namespace, (read.get(ref.namespace) ?? new Set()).add(ref.name));
  const unread = declarations.filter((d) => !read.get(d.props.namespace)?.has(d.props.name));
  return [
    ...unresolved.map((ref) => {
      const id = idOf(ref.namespace, ref.name);
      const known = held.has(id) || inventory.has(id);
      return {
        path: ref.object.constructPath,
        field: ref.field,
        value: ref.key === undefined ? id : `${id} key ${ref.key}`,
        problem: known
          ? `${ref.object.manifest.kind} ${ref.object.manifest.metadata.name} reads key ${ref.key ?? ''} of Secret ${id}, which neither dist/ nor its RequiredSecret declaration lists: the reader would find no value`
          : `${ref.object.manifest.kind} ${ref.object.manifest.metadata.name} reads Secret ${id}, which nothing in dist/ creates and no RequiredSecret declares: nobody would know to create it, and its reader would fail on a fresh cluster`,
        fix: known ? `add the key ${ref.key ?? ''} to the declaration of ${id}` : DECLARE_FIX,
      };
    }),
    ...unread.map((d) => ({
      path: d.node.path,
      field: 'RequiredSecret',
      value: idOf(d.props.namespace, d.props.name),
      problem: `declared as read by ${d.props.reader}, but no synthesized document reads Secret ${idOf(d.props.namespace, d.props.name)}`,
      fix: 'remove the declaration, or reference the Secret where its reader is configured',
    })),
  ];
}

/** The findings above, placed in the environment (the rule engine reports them as `estate-secrets-inventory`). */
export function secretInventoryViolations(objects: readonly RenderedObject[], declarations: readonly SecretDeclaration[], spec: { readonly name: string }): Violation[] {
  return secretInventoryFindings(objects, declarations).map((f) => ({
    environment: spec.name,
    path: f.path,
    field: f.field,
    value: showValue(f.value),
    problem: f.problem,
    fix: f.fix,
  }));
}

function resolves(ref: SecretReference, held: ReadonlyMap<string, ReadonlySet<string>>, inventory: ReadonlyMap<string, InventoryEntry>): boolean {
  const id = idOf(ref.namespace, ref.name);
  const inDist = held.get(id);
  if (inDist !== undefined && (ref.key === undefined || inDist.has(ref.key))) return true;
  const declared = inventory.get(id);
  return declared !== undefined && (ref.key === undefined || declared.keys.some((k) => k.name === ref.key));
}

/** The environment as the inventory files read it: its name, and where its slots' values come from. */
export interface InventoryEnvironment {
  readonly name: string;
  /** @default - no slot sealed or provided out of band */
  readonly secrets?: SecretsSpec;
}

const NOTHING: SecretsSpec = { sealingCertificates: {}, sealed: [], providedOutOfBand: [] };

/** Each slot (Secret and cluster) of an entry with its source: sealed (scope, certificate), out of band (reason) or missing. */
function slotsOf(entry: InventoryEntry, secrets: SecretsSpec): Record<string, unknown>[] {
  return secretSlots([entry]).map((slot) => {
    const source = slotSource(slot, secrets);
    if (source.kind === 'sealed') return { cluster: slot.cluster, source: 'sealed', scope: source.data.scope, certificateSha256: source.data.certificateSha256 };
    if (source.kind === 'out-of-band') return { cluster: slot.cluster, source: 'out-of-band', reason: source.reason };
    return { cluster: slot.cluster, source: 'missing' };
  });
}

/** The inventory as JSON, for tooling: every Secret with its keys and, per cluster, where its value comes from. */
export function inventoryJson(environment: InventoryEnvironment, entries: readonly InventoryEntry[]): string {
  const secrets = environment.secrets ?? NOTHING;
  return `${JSON.stringify({ environment: environment.name, secrets: entries.map((e) => ({ ...e, slots: slotsOf(e, secrets) })) }, null, 2)}\n`;
}

/** The inventory as Markdown, for whoever seals a Secret or creates it on a new cluster. */
export function inventoryMarkdown(environment: InventoryEnvironment, entries: readonly InventoryEntry[]): string {
  const secrets = environment.secrets ?? NOTHING;
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const source = (slot: Record<string, unknown>): string =>
    slot.source === 'sealed'
      ? `sealed (${String(slot.scope)}), dist/k8s/${environment.name}/${sealedSecretsComponent(String(slot.cluster))}/`
      : slot.source === 'out-of-band'
        ? `out of band: ${String(slot.reason)}`
        : 'MISSING';
  const lines = [
    `# Secrets the ${environment.name} estate needs`,
    '',
    'Read by synthesized documents (generated by `npm run synth` from the RequiredSecret declarations). Each',
    'Secret is needed on every listed cluster; each (Secret, cluster) slot is sealed with `npm run seal` or',
    'created out of band by whoever the reason names.',
    '',
    '| namespace | Secret | key | holds | read by | clusters |',
    '|---|---|---|---|---|---|',
    ...entries.flatMap((e) => e.keys.map((k) => `| ${e.namespace} | ${e.name} | ${k.name} | ${cell(k.holds)} | ${cell(k.readers.join('; '))} | ${e.clusters.join(', ')} |`)),
    '',
    '## Where each value comes from',
    '',
    '| namespace | Secret | cluster | source |',
    '|---|---|---|---|',
    ...entries.flatMap((e) => slotsOf(e, secrets).map((slot) => `| ${e.namespace} | ${e.name} | ${String(slot.cluster)} | ${cell(source(slot))} |`)),
    '',
  ];
  return lines.join('\n');
}
