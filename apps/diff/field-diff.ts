import { canonicalJson, isJsonArray, isJsonObject } from './canonical-json';
import type { JsonValue } from './estate-unit';
import type { FieldChange } from './unit-change';

/**
 * Fields by which list items are matched across revisions, in order of preference: a list whose
 * items all carry one of them, with no value repeated, is compared item by item under that key
 * (`containers[name=app]`, Prometheus `rules[alert=X]`), so inserting an item does not show every
 * later item as changed.
 */
const ITEM_KEYS = ['name', 'alert', 'record', 'key', 'id', 'sid', 'title'] as const;

/**
 * Lists whose order is meaning: a container's `command` and `args` (`--a 1 --b 2` is not
 * `--a 2 --b 1`). Compared in order, as one field. Every other list is a set to its engine or keyed.
 */
const ORDERED_LISTS: ReadonlySet<string> = new Set(['args', 'command']);

/**
 * The field-level differences between two JSON documents, ignoring key order and list order: a
 * list holding the same items in another order is unchanged. Paths are readable (see FieldChange).
 */
export function fieldDiff(before: JsonValue, after: JsonValue): FieldChange[] {
  const changes: FieldChange[] = [];
  compare(before, after, '', changes);
  return changes;
}

function compare(before: JsonValue, after: JsonValue, path: string, out: FieldChange[]): void {
  if (isJsonObject(before) && isJsonObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const child = joinKey(path, key);
      const b = before[key];
      const a = after[key];
      if (b === undefined && a !== undefined) out.push({ path: child, after: a });
      else if (a === undefined && b !== undefined) out.push({ path: child, before: b });
      else if (b !== undefined && a !== undefined) compare(b, a, child, out);
    }
    return;
  }
  if (isJsonArray(before) && isJsonArray(after)) {
    if (ORDERED_LISTS.has(lastKey(path))) {
      if (canonicalJson(before) !== canonicalJson(after)) out.push({ path, before, after });
      return;
    }
    compareLists(before, after, path, out);
    return;
  }
  if (canonicalJson(before) !== canonicalJson(after)) out.push({ path: path || '.', before, after });
}

function compareLists(before: readonly JsonValue[], after: readonly JsonValue[], path: string, out: FieldChange[]): void {
  const itemKey = sharedItemKey(before, after);
  if (itemKey !== undefined) {
    const keyOf = (item: JsonValue): string => String((item as { readonly [k: string]: JsonValue })[itemKey]);
    const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
    const beforeKeys = new Set(before.map(keyOf));
    for (const item of before) {
      const key = keyOf(item);
      const match = afterByKey.get(key);
      const child = `${path}[${itemKey}=${key}]`;
      if (match === undefined) out.push({ path: child, before: item });
      else compare(item, match, child, out);
    }
    for (const item of after) if (!beforeKeys.has(keyOf(item))) out.push({ path: `${path}[${itemKey}=${keyOf(item)}]`, after: item });
    return;
  }
  // No key: items equal in content match each other wherever they are; what is left on each side
  // is paired in order (a changed item) and the rest is removed or added.
  const waiting = new Map<string, number[]>();
  after.forEach((item, index) => {
    const canonical = canonicalJson(item);
    const indexes = waiting.get(canonical);
    if (indexes === undefined) waiting.set(canonical, [index]);
    else indexes.push(index);
  });
  const unmatchedBefore: { item: JsonValue; index: number }[] = [];
  before.forEach((item, index) => {
    const indexes = waiting.get(canonicalJson(item));
    if (indexes !== undefined && indexes.length > 0) indexes.shift();
    else unmatchedBefore.push({ item, index });
  });
  const left = new Set([...waiting.values()].flat());
  const unmatchedAfter = after.flatMap((item, index) => (left.has(index) ? [{ item, index }] : []));
  const paired = Math.min(unmatchedBefore.length, unmatchedAfter.length);
  for (let i = 0; i < paired; i++) {
    const b = unmatchedBefore[i];
    const a = unmatchedAfter[i];
    if (b === undefined || a === undefined) continue;
    if ((isJsonObject(b.item) && isJsonObject(a.item)) || (isJsonArray(b.item) && isJsonArray(a.item))) compare(b.item, a.item, `${path}[${a.index}]`, out);
    else out.push({ path: `${path}[${a.index}]`, before: b.item, after: a.item });
  }
  for (const b of unmatchedBefore.slice(paired)) out.push({ path: `${path}[${b.index}]`, before: b.item });
  for (const a of unmatchedAfter.slice(paired)) out.push({ path: `${path}[${a.index}]`, after: a.item });
}

function sharedItemKey(before: readonly JsonValue[], after: readonly JsonValue[]): string | undefined {
  const items = [...before, ...after];
  if (items.length === 0 || !items.every(isJsonObject)) return undefined;
  return ITEM_KEYS.find((key) => {
    const scalar = (item: JsonValue): boolean => {
      const v = (item as { readonly [k: string]: JsonValue })[key];
      return typeof v === 'string' || typeof v === 'number';
    };
    if (!items.every(scalar)) return false;
    const unique = (side: readonly JsonValue[]): boolean => new Set(side.map((item) => String((item as { readonly [k: string]: JsonValue })[key]))).size === side.length;
    return unique(before) && unique(after);
  });
}

/** The last object key of a path (`spec.containers[name=app].args` -> `args`). */
function lastKey(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function joinKey(path: string, key: string): string {
  const segment = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? segment : `${path}.${segment}`;
}
