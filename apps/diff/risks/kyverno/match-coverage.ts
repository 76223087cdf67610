import { canonicalJson, isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue } from '../../estate-unit';
import { listAt, objectAt, stringAt, wildcardMatches } from '../json-values';
import { shown } from './kyverno-documents';

/**
 * Whether a Kyverno `match` / `exclude` block selects more resources than another, the way Kyverno
 * v1.19 reads the block (api/kyverno/v1/match_resources_types.go, pkg/engine/utils/match.go): `any`
 * is a list of filters of which one must match, `all` a list of which every one must; the legacy
 * form is one filter (`resources` plus subjects, roles, clusterRoles) at the top. In a filter every
 * field present must match, and a field's list is OR-ed; kinds, names and namespaces take wildcards.
 */

/** One filter: per field, what it admits. A field it does not name admits everything. */
type Filter = ReadonlyMap<string, ReadonlySet<string>>;
/** Filters that must all match. */
type Conjunction = readonly Filter[];
/** A block: one of its conjunctions must match. No conjunction matches nothing (an absent exclude). */
type Block = readonly Conjunction[];

/** List fields: one value must match the resource (or request), so more values admit more. */
const LIST_FIELDS = ['kinds', 'names', 'namespaces', 'operations', 'subjects', 'roles', 'clusterRoles'] as const;
const WILDCARD_FIELDS: ReadonlySet<string> = new Set(['kinds', 'names', 'namespaces']);
/** Selectors and annotation patterns are compared whole: only an identical one is known to admit the same. */
const WHOLE_FIELDS = ['selector', 'namespaceSelector', 'annotations'] as const;

function filterOf(entry: JsonObject): Filter {
  const fields = new Map<string, Set<string>>();
  const resources = objectAt(entry, 'resources');
  const add = (field: string, value: string): void => {
    fields.set(field, (fields.get(field) ?? new Set<string>()).add(value));
  };
  for (const field of ['kinds', 'names', 'namespaces', 'operations'] as const) for (const value of listAt(resources, field)) add(field, shown(value));
  // `resources.name` (one name) is the deprecated form of `names`.
  const single = stringAt(resources, 'name');
  if (single !== undefined) add('names', single);
  for (const field of WHOLE_FIELDS) if (resources?.[field] !== undefined) add(field, canonicalJson(resources[field]));
  for (const subject of listAt(entry, 'subjects')) {
    const namespace = stringAt(subject, 'namespace');
    add('subjects', `${stringAt(subject, 'kind') ?? ''}:${namespace !== undefined ? `${namespace}/` : ''}${stringAt(subject, 'name') ?? ''}`);
  }
  for (const field of ['roles', 'clusterRoles'] as const) for (const value of listAt(entry, field)) add(field, shown(value));
  return fields;
}

export function blockOf(block: JsonValue | undefined): Block {
  if (!isJsonObject(block)) return [];
  const conjunctions: Conjunction[] = listAt(block, 'any')
    .filter(isJsonObject)
    .map((entry) => [filterOf(entry)]);
  const all = listAt(block, 'all').filter(isJsonObject);
  if (all.length > 0) conjunctions.push(all.map(filterOf));
  if (isJsonObject(block.resources)) conjunctions.push([filterOf(block)]);
  return conjunctions;
}

function valueAdmitted(field: string, value: string, admitted: ReadonlySet<string>): boolean {
  if (admitted.has(value)) return true;
  return WILDCARD_FIELDS.has(field) && [...admitted].some((pattern) => wildcardMatches(pattern, value));
}

/** Every resource `narrow` admits, `wide` admits: each field `wide` constrains, `narrow` constrains within it. */
function filterWithin(narrow: Filter, wide: Filter): boolean {
  for (const [field, admitted] of wide) {
    const values = narrow.get(field);
    if (values === undefined) return false;
    const isList = (LIST_FIELDS as readonly string[]).includes(field);
    if (isList ? ![...values].every((value) => valueAdmitted(field, value, admitted)) : canonicalJson([...values]) !== canonicalJson([...admitted])) return false;
  }
  return true;
}

/** A conjunction is within another when each of the other's filters holds a filter of its own within it. */
function conjunctionWithin(narrow: Conjunction, wide: Conjunction): boolean {
  return wide.every((wideFilter) => narrow.some((filter) => filterWithin(filter, wideFilter)));
}

/**
 * The parts of block `after` that block `before` does not already admit (a widening), each
 * described against the closest part of `before`: `namespaces +payments`, `no longer limited by
 * namespaces`, or, where `before` has nothing, the part itself (`namespaces payments; kinds Pod`).
 */
export function widenings(before: JsonValue | undefined, after: JsonValue | undefined): string[] {
  const known = blockOf(before);
  return blockOf(after)
    .filter((conjunction) => !known.some((candidate) => conjunctionWithin(conjunction, candidate)))
    .map((conjunction) => describeAgainst(conjunction, known, 'widened'));
}

/** The parts of `before` that `after` no longer admits (a narrowing): `kinds -Deployment`, `now limited by namespaces`. */
export function narrowings(before: JsonValue | undefined, after: JsonValue | undefined): string[] {
  const remaining = blockOf(after);
  return blockOf(before)
    .filter((conjunction) => !remaining.some((candidate) => conjunctionWithin(conjunction, candidate)))
    .map((conjunction) => describeAgainst(conjunction, remaining, 'narrowed'));
}

function merged(conjunction: Conjunction): Filter {
  const fields = new Map<string, Set<string>>();
  for (const filter of conjunction) for (const [field, values] of filter) fields.set(field, new Set([...(fields.get(field) ?? []), ...values]));
  return fields;
}

/** `conjunction` (of the wider side) told against the closest of `candidates` (of the narrower side). */
function describeAgainst(conjunction: Conjunction, candidates: Block, direction: 'widened' | 'narrowed'): string {
  const sign = direction === 'widened' ? '+' : '-';
  const mine = merged(conjunction);
  if (candidates.length === 0) return describeFilter(mine);
  // The closest: the candidate sharing the most constrained fields.
  const closest = [...candidates].map(merged).sort((a, b) => shared(b, mine) - shared(a, mine))[0] as Filter;
  const parts: string[] = [];
  for (const [field, values] of mine) {
    const known = closest.get(field);
    if (known === undefined) continue;
    const fresh = [...values].filter((value) => !valueAdmitted(field, value, known));
    if (fresh.length > 0) parts.push(`${field} ${fresh.map((value) => `${sign}${value}`).join(', ')}`);
  }
  const lifted = [...closest.keys()].filter((field) => !mine.has(field));
  if (lifted.length > 0) parts.push(`${direction === 'widened' ? 'no longer limited by' : 'now limited by'} ${lifted.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : describeFilter(mine);
}

function shared(a: Filter, b: Filter): number {
  return [...a.keys()].filter((field) => b.has(field)).length;
}

/** `kinds Pod, Job; namespaces payments-batch`, or `every resource` for a filter that constrains nothing. */
export function describeFilter(filter: Filter): string {
  return [...filter].map(([field, values]) => `${field} ${[...values].join(', ')}`).join('; ') || 'every resource';
}

/** What a whole block admits, for a reviewer: its parts joined with ` or `. */
export function describeBlock(block: JsonValue | undefined): string {
  const parts = blockOf(block).map((conjunction) => describeFilter(merged(conjunction)));
  return parts.length > 0 ? parts.join(' or ') : 'nothing';
}
