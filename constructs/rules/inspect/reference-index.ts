import type { TerraformResourceView } from '../types';
import { at } from './attributes';
import { derivedFrom } from './view-index';

/**
 * Where one kind of companion names the resource it belongs to: the managed views of `type`, and
 * the values of each that may refer to it (`bucket` of a versioning resource, `destination.bucket`
 * of every rule of a replication configuration).
 */
export interface ReferringField {
  readonly type: string;
  /** Names `values` uniquely among the fields of `type` (the index of each field is kept under it). */
  readonly key: string;
  readonly values: (view: TerraformResourceView) => readonly unknown[];
}

/** The field at a dotted attribute path of `type`. */
export function attributeField(type: string, attribute: string): ReferringField {
  return { type, key: attribute, values: (view) => [at(view.attributes, attribute)] };
}

/**
 * Every address a value may refer to: each `<a>.<b>` (and `<a>.<b>.<c>`) followed by a dot, where
 * nothing of a name (`[\w.-]`) comes before it. `refersTo` finds `target` in a value exactly at such
 * a place, so for a target whose address is made of those characters the value's keys include it.
 * Matches cannot hide one another: every place inside or right after a match follows a name character.
 */
const ADDRESS_KEYS = /(?<![\w.-])([\w-]+)\.([\w-]+)\.(?:([\w-]+)\.)?/g;

/** Addresses that `ADDRESS_KEYS` extracts in full: one or two dots between name characters. */
const INDEXABLE_ADDRESS = /^[\w-]+\.[\w-]+(\.[\w-]+)?$/;

/** Which views of a field refer to what, as ascending positions in `views` (the managed views of the field's type). */
interface ReferenceIndex {
  readonly views: readonly TerraformResourceView[];
  /** The views whose values contain a reference at each address key. */
  readonly byAddress: ReadonlyMap<string, readonly number[]>;
  /** The views with each literal value (no `${`). */
  readonly byLiteral: ReadonlyMap<string, readonly number[]>;
}

/**
 * The views of `field` in `resources` that may refer to `target` (its address, or one of its
 * `literals` attributes written out), in array order: a superset of those that do, from an index
 * built once per array and field. `undefined` when the target's address cannot be indexed: the
 * caller then checks every view of the type.
 */
export function referenceCandidates(
  target: TerraformResourceView,
  resources: readonly TerraformResourceView[],
  field: ReferringField,
  literals: readonly string[],
): readonly TerraformResourceView[] | undefined {
  if (!INDEXABLE_ADDRESS.test(target.address)) return undefined;
  const { views, byAddress, byLiteral } = derivedFrom(resources, `references ${field.type} ${field.key}`, (index) =>
    buildReferenceIndex(index.managedOfType.get(field.type) ?? [], field),
  );
  const positions = [...(byAddress.get(target.address) ?? [])];
  for (const name of literals) {
    const literal = target.attributes[name];
    if (typeof literal === 'string' && !literal.includes('${')) positions.push(...(byLiteral.get(literal) ?? []));
  }
  return [...new Set(positions)].sort((a, b) => a - b).flatMap((i) => views[i] ?? []);
}

function buildReferenceIndex(views: readonly TerraformResourceView[], field: ReferringField): ReferenceIndex {
  const byAddress = new Map<string, number[]>();
  const byLiteral = new Map<string, number[]>();
  views.forEach((view, i) => {
    for (const value of field.values(view)) {
      if (typeof value !== 'string') continue;
      if (!value.includes('${')) add(byLiteral, value, i);
      for (const match of value.matchAll(ADDRESS_KEYS)) {
        add(byAddress, `${match[1]}.${match[2]}`, i);
        if (match[3] !== undefined) add(byAddress, `${match[1]}.${match[2]}.${match[3]}`, i);
      }
    }
  });
  return { views, byAddress, byLiteral };
}

/** Adds position `i` under `key` once: positions come in order, so a repeat is the last entry. */
function add(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}
