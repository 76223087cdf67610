/**
 * What a synthesized unit read of its environment's spec, recorded while it was built, so that the
 * cache can tell whether a later spec would build it differently: the unit is reused only when every
 * value it read is still the same. Recording is exact rather than declared: a stack that starts
 * reading another field records it the next time it is built, with nobody keeping a list of what
 * each stack depends on.
 *
 * A read is one of: the value at a path (a primitive, or the kind of an object or array), whether
 * a key is present, or the own keys of an object in order (`Object.keys`, spreads, iteration). The
 * spec is plain data (see `cacheableSpec`), so these cover everything code can learn from it.
 */

/** One read: `op` at `path` gave `value` (a canonical string). */
export interface SpecRead {
  readonly path: readonly string[];
  /** `get` a value, `has` a key (`in`, own or inherited), `own` a key of its own, the `keys` of an object. */
  readonly op: 'get' | 'has' | 'own' | 'keys';
  readonly value: string;
}

/** The reads of one unit, deduplicated. */
export class ReadRecorder {
  private readonly reads = new Map<string, SpecRead>();

  record(read: SpecRead): void {
    const key = `${read.op}\u0000${read.path.join('\u0000')}`;
    if (!this.reads.has(key)) this.reads.set(key, read);
  }

  /** Every read so far, in the order first made. */
  all(): SpecRead[] {
    return [...this.reads.values()];
  }
}

/** The recorders of the units being built, innermost last: a read goes to the innermost one. */
const active: ReadRecorder[] = [];

/**
 * Runs `build` with `recorder` receiving every read of a tracked spec, except the reads of a unit
 * built inside it with its own recorder (a stack it stands on): those go to that unit.
 */
export function recordingReads<T>(recorder: ReadRecorder, build: () => T): T {
  active.push(recorder);
  try {
    return build();
  } finally {
    active.pop();
  }
}

function current(): ReadRecorder | undefined {
  return active[active.length - 1];
}

/** How a read value is remembered: primitives exactly, objects by kind only (their content is read through them). */
export function readValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'array';
  if (value === null || typeof value !== 'object') return `${typeof value}:${JSON.stringify(value)}`;
  return `object:${Object.getPrototypeOf(value)?.constructor?.name ?? 'null'}`;
}

/**
 * Proxies by object and path: an object reached by two paths (a constant shared by two fields)
 * records each read at the path it was reached by, which is the path the cache checks later.
 */
const proxies = new WeakMap<object, Map<string, object>>();

/**
 * `spec` with every read recorded into the unit being built (`recordingReads`); outside one, reads
 * are not recorded. The same object at the same path always gives the same proxy, so identity
 * comparisons between parts of the spec hold. Writes throw: the synth never changes a spec, and a cache cannot vouch
 * for one that changes while it is read.
 */
export function trackedSpec<T extends object>(spec: T): T {
  return track(spec, []) as T;
}

function track(target: object, path: readonly string[]): object {
  const byPath = proxies.get(target) ?? new Map<string, object>();
  proxies.set(target, byPath);
  const pathKey = path.join('\u0000');
  const existing = byPath.get(pathKey);
  if (existing !== undefined) return existing;
  const proxy = new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof key === 'symbol') return value;
      const at = [...path, key];
      current()?.record({ path: at, op: 'get', value: readValue(value) });
      return value !== null && typeof value === 'object' ? track(value, at) : value;
    },
    has(object, key) {
      const present = Reflect.has(object, key);
      if (typeof key !== 'symbol') current()?.record({ path: [...path, key], op: 'has', value: String(present) });
      return present;
    },
    ownKeys(object) {
      const keys = Reflect.ownKeys(object);
      current()?.record({ path, op: 'keys', value: JSON.stringify(keys.filter((k) => typeof k === 'string')) });
      return keys;
    },
    getOwnPropertyDescriptor(object, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
      if (typeof key !== 'symbol') current()?.record({ path: [...path, key], op: 'own', value: String(descriptor !== undefined) });
      return descriptor;
    },
    set(_object, key) {
      throw new TypeError(`the environment spec is read-only during synth (a write to ${[...path, String(key)].join('.')})`);
    },
    defineProperty(_object, key) {
      throw new TypeError(`the environment spec is read-only during synth (a write to ${[...path, String(key)].join('.')})`);
    },
    deleteProperty(_object, key) {
      throw new TypeError(`the environment spec is read-only during synth (a delete of ${[...path, String(key)].join('.')})`);
    },
  });
  byPath.set(pathKey, proxy);
  return proxy;
}

/** Whether `spec` gives the same answer to every read in `reads`. */
export function readsStillHold(spec: object, reads: readonly SpecRead[]): boolean {
  return reads.every((read) => answer(spec, read) === read.value);
}

function answer(spec: object, read: SpecRead): string | undefined {
  let value: unknown = spec;
  const steps = read.op === 'keys' ? read.path : read.path.slice(0, -1);
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  if (read.op === 'keys') {
    return value !== null && typeof value === 'object' ? JSON.stringify(Reflect.ownKeys(value).filter((k) => typeof k === 'string')) : undefined;
  }
  const last = read.path[read.path.length - 1] ?? '';
  if (value === null || typeof value !== 'object') return undefined;
  if (read.op === 'has') return String(Reflect.has(value, last));
  if (read.op === 'own') return String(Reflect.getOwnPropertyDescriptor(value, last) !== undefined);
  return readValue((value as Record<string, unknown>)[last]);
}
