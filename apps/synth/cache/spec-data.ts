import { Duration } from 'cdk8s';

/**
 * Whether a spec is data the cache can compare value by value: plain objects, arrays, strings,
 * numbers, booleans, null and undefined, and cdk8s `Duration`s (a library class, part of the
 * code fingerprint through the lockfile). A function, a symbol key or another class would hide
 * behaviour the cache cannot see; such an environment is synthesized without the cache. Returns the
 * first path that is not data, or undefined.
 */
export function notCacheableAt(value: unknown, path = ''): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return undefined;
    case 'object':
      break;
    default:
      return `${path || '(spec)'} is a ${typeof value}`;
  }
  if (Object.getOwnPropertySymbols(value).length > 0) return `${path || '(spec)'} has a symbol key`;
  // A frozen object cannot be read through the recording proxy; a getter computes rather than holds.
  // (An empty object is frozen by definition when it cannot be extended; only one with keys matters.)
  if (Object.isFrozen(value) && Object.keys(value).length > 0) return `${path || '(spec)'} is frozen`;
  const getter = Object.entries(Object.getOwnPropertyDescriptors(value)).find(([, d]) => d.get !== undefined || d.set !== undefined);
  if (getter !== undefined) return `${path === '' ? '' : `${path}.`}${getter[0]} is a getter`;
  const prototype: unknown = Object.getPrototypeOf(value);
  const known = prototype === Object.prototype || prototype === Array.prototype || prototype === null || value instanceof Duration || isTimeUnit(value);
  if (!known) return `${path || '(spec)'} is an instance of ${(prototype as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'a class'}`;
  for (const [key, child] of Object.entries(value)) {
    const found = notCacheableAt(child, path === '' ? key : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** cdk8s' `TimeUnit` (not exported), the unit of a `Duration`: recognised by its shape and class name. */
function isTimeUnit(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype as { constructor?: { name?: string } } | null)?.constructor?.name === 'TimeUnit' && 'inMillis' in value && 'label' in value;
}

/**
 * The spec as one string, for a key: every value in property order (the order code iterates
 * objects in, and so part of the output), `undefined` kept apart from absent. Only for a spec
 * `notCacheableAt` accepts.
 */
export function specText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '\u0000undefined' : v));
}
