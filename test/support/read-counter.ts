/**
 * An array that counts how many of its elements are read, for tests that show a rule reads an
 * input a bounded number of times (linear) rather than once per resource it checks (quadratic),
 * without timing anything.
 */
export interface CountedArray<T> {
  /** Behaves as the array given; every read of an element (`items[i]`, iteration, `filter`...) is counted. */
  readonly items: readonly T[];
  /** Element reads so far. */
  readonly reads: () => number;
}

export function countReads<T>(items: readonly T[]): CountedArray<T> {
  let reads = 0;
  const counted = new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads += 1;
      return Reflect.get(target, property, receiver);
    },
  });
  return { items: counted, reads: () => reads };
}
