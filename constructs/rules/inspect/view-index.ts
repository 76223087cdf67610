import type { TerraformBlockMode, TerraformResourceView } from '../types';

/**
 * Lookups over one array of views (a stack's, or the whole environment's), built once per array.
 * Rules run once per resource of every stack and most look something up in the environment's
 * views: scanning them every time made a fleet's rule evaluation grow with resources x resources.
 */
export interface ViewIndex {
  /** Managed resources by type, in array order. */
  readonly managedOfType: ReadonlyMap<string, readonly TerraformResourceView[]>;
  /** Views of every mode by type, in array order. */
  readonly ofType: ReadonlyMap<string, readonly TerraformResourceView[]>;
  /** The first view of each address. */
  readonly byAddress: ReadonlyMap<string, TerraformResourceView>;
  /** The first view of each mode, type and name (`blockKey`). */
  readonly byBlock: ReadonlyMap<string, TerraformResourceView>;
}

/** The key of a view in `byBlock`: its mode, type and name (`stack` too for provider blocks, which repeat per stack). */
export function blockKey(mode: TerraformBlockMode, type: string, name: string, stack = ''): string {
  return `${mode} ${type} ${name} ${stack}`;
}

interface Indexed {
  readonly length: number;
  readonly index: ViewIndex;
  /** Results derived from the array (a reference index, a union of types), by the name their builder gives. */
  readonly derived: Map<string, unknown>;
}

/**
 * Keyed by the array itself: the engine hands every rule the same readonly arrays, so each is
 * indexed once and dropped with it. An array that grew since (a test adding a view) is indexed again.
 */
const INDEXES = new WeakMap<readonly TerraformResourceView[], Indexed>();

/** The index of `views`, built on first use. Views must not change once looked up (the rule contract makes them readonly). */
export function viewIndex(views: readonly TerraformResourceView[]): ViewIndex {
  return indexed(views).index;
}

/** `build()` computed once per array and `name` (which must say everything `build` depends on). */
export function derivedFrom<T>(views: readonly TerraformResourceView[], name: string, build: (index: ViewIndex) => T): T {
  const { index, derived } = indexed(views);
  if (derived.has(name)) return derived.get(name) as T;
  const value = build(index);
  derived.set(name, value);
  return value;
}

function indexed(views: readonly TerraformResourceView[]): Indexed {
  const known = INDEXES.get(views);
  if (known !== undefined && known.length === views.length) return known;
  const fresh = { length: views.length, index: buildIndex(views), derived: new Map<string, unknown>() };
  INDEXES.set(views, fresh);
  return fresh;
}

function buildIndex(views: readonly TerraformResourceView[]): ViewIndex {
  const managedOfType = new Map<string, TerraformResourceView[]>();
  const ofType = new Map<string, TerraformResourceView[]>();
  const byAddress = new Map<string, TerraformResourceView>();
  const byBlock = new Map<string, TerraformResourceView>();
  for (const view of views) {
    const mode = view.mode ?? 'managed';
    append(ofType, view.type, view);
    if (mode === 'managed') append(managedOfType, view.type, view);
    if (!byAddress.has(view.address)) byAddress.set(view.address, view);
    const key = blockKey(mode, view.type, view.name, mode === 'provider' ? view.stack : '');
    if (!byBlock.has(key)) byBlock.set(key, view);
  }
  return { managedOfType, ofType, byAddress, byBlock };
}

function append(map: Map<string, TerraformResourceView[]>, key: string, view: TerraformResourceView): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [view]);
  else list.push(view);
}
