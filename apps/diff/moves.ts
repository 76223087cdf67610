import { compareText } from '../../constructs/rules/result';
import { canonicalJson, isJsonArray, isJsonObject } from './canonical-json';
import type { EstateUnit, JsonObject, JsonValue } from './estate-unit';
import type { DeclaredMove } from './read/terraform-units';

/** Two units paired as one moved unit: removed under `base.key`, added under `head.key`. */
export interface MovePair<U extends EstateUnit = EstateUnit> {
  readonly base: U;
  readonly head: U;
  /** Terraform: a `moved` block of the head stack declares it. */
  readonly declared: boolean;
}

/**
 * How alike two bodies must be (shared leaf values over all leaf values) to be one unit renamed and
 * edited rather than one removed and another added.
 */
const SIMILAR = 0.8;
/** Above this many candidates of one kind on each side, only exact and declared moves are looked for: fuzzy pairing is quadratic. */
const MAX_FUZZY_CANDIDATES = 200;
/**
 * Kinds whose removal deletes what they hold (a Namespace its objects, a CRD its resources, a claim
 * its volume): two of them are never one renamed, however alike (two Namespaces differ in little
 * but their name).
 */
const NEVER_PAIRED_KINDS: ReadonlySet<string> = new Set(['Namespace', 'CustomResourceDefinition', 'PersistentVolumeClaim', 'PersistentVolume']);

/**
 * Pairs removed and added units that are one unit moved: declared by a Terraform `moved` block,
 * or of the same kind (Kubernetes kind, Terraform block and type) and the same content apart from
 * their identity, or similar content. Greedy, most similar first, so the result is deterministic.
 */
export function pairMoves<U extends EstateUnit>(removed: readonly U[], added: readonly U[], declaredMoves: ReadonlyMap<string, readonly DeclaredMove[]>): MovePair<U>[] {
  const pairs: MovePair<U>[] = [];
  const freeRemoved = new Set(removed);
  const freeAdded = new Set(added);
  const take = (base: U, head: U, declared: boolean): void => {
    freeRemoved.delete(base);
    freeAdded.delete(head);
    pairs.push({ base, head, declared });
  };
  // Declared moves first: Terraform moves the state, whatever the content.
  for (const head of added) {
    if (head.engine !== 'terraform') continue;
    const move = declaredMoves.get(`${head.environment}/${head.stack}`)?.find((m) => m.to === head.address);
    // In the same stack: a moved block moves state within its own stack only.
    const base =
      move && removed.find((r) => r.engine === 'terraform' && freeRemoved.has(r) && r.environment === head.environment && r.stack === head.stack && r.address === move.from);
    if (base) take(base, head, true);
  }
  const byKind = new Map<string, { removed: U[]; added: U[] }>();
  const group = (unit: U) => {
    const kind = kindOf(unit);
    const entry = byKind.get(kind) ?? { removed: [], added: [] };
    byKind.set(kind, entry);
    return entry;
  };
  const pairable = (unit: U): boolean => !(unit.engine === 'kubernetes' && NEVER_PAIRED_KINDS.has(unit.kind));
  for (const unit of freeRemoved) if (pairable(unit)) group(unit).removed.push(unit);
  for (const unit of freeAdded) if (pairable(unit)) group(unit).added.push(unit);
  for (const { removed: before, added: after } of byKind.values()) {
    if (before.length === 0 || after.length === 0) continue;
    // Exact: the same content without the identity.
    const byContent = new Map<string, U[]>();
    for (const unit of before) {
      const content = canonicalJson(withoutIdentity(unit));
      const same = byContent.get(content);
      if (same === undefined) byContent.set(content, [unit]);
      else same.push(unit);
    }
    for (const unit of after) {
      const candidates = byContent.get(canonicalJson(withoutIdentity(unit)));
      const base = candidates?.find((c) => freeRemoved.has(c));
      if (base) take(base, unit, false);
    }
    const restBefore = before.filter((u) => freeRemoved.has(u));
    const restAfter = after.filter((u) => freeAdded.has(u));
    if (restBefore.length === 0 || restAfter.length === 0 || restBefore.length > MAX_FUZZY_CANDIDATES || restAfter.length > MAX_FUZZY_CANDIDATES) continue;
    const leaves = new Map<U, ReadonlySet<string>>([...restBefore, ...restAfter].map((u) => [u, leafSet(withoutIdentity(u))]));
    const scored: { base: U; head: U; score: number }[] = [];
    for (const base of restBefore) {
      for (const head of restAfter) {
        const score = similarity(leaves.get(base) ?? new Set(), leaves.get(head) ?? new Set());
        if (score >= SIMILAR) scored.push({ base, head, score });
      }
    }
    scored.sort((a, b) => b.score - a.score || compareText(a.base.key, b.base.key) || compareText(a.head.key, b.head.key));
    for (const { base, head } of scored) if (freeRemoved.has(base) && freeAdded.has(head)) take(base, head, false);
  }
  return pairs.sort((a, b) => compareText(a.head.key, b.head.key));
}

function kindOf(unit: EstateUnit): string {
  switch (unit.engine) {
    case 'environment':
      return `${unit.environment}|environment`;
    case 'kubernetes':
      return `${unit.environment}|k8s|${unit.kind}`;
    case 'terraform':
      // Within a stack: Terraform cannot move state from one stack to another, so a resource that
      // changes stack is destroyed in one and created in the other.
      return `${unit.environment}|tf|${unit.stack}|${unit.block}|${unit.type ?? ''}`;
    case 'compliance':
      return `${unit.environment}|compliance|${unit.rule}`;
  }
}

/** The body without what names the unit, so that a renamed unit compares equal to itself. */
function withoutIdentity(unit: EstateUnit): JsonValue {
  if (unit.engine !== 'kubernetes') return unit.body;
  const { metadata, ...rest } = unit.body;
  if (!isJsonObject(metadata)) return rest;
  const { name: _name, namespace: _namespace, ...otherMetadata } = metadata;
  return { ...rest, metadata: otherMetadata } satisfies JsonObject;
}

function leafSet(value: JsonValue, path = '', out = new Set<string>()): Set<string> {
  if (isJsonObject(value)) for (const [key, child] of Object.entries(value)) leafSet(child, `${path}.${key}`, out);
  else if (isJsonArray(value)) for (const child of value) leafSet(child, `${path}[]`, out);
  else out.add(`${path}=${JSON.stringify(value)}`);
  return out;
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const leaf of a) if (b.has(leaf)) shared++;
  return shared / (a.size + b.size - shared);
}
