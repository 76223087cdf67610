/** The first place where `actual` lacks or differs from what `expected` says (a subset check). */
export function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual) || actual.length < expected.length) return `${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
      for (const [i, item] of expected.entries()) {
        const difference = firstDifference(item, actual[i], `${path}[${i}]`);
        if (difference !== undefined) return difference;
      }
      return undefined;
    }
    for (const [key, value] of Object.entries(expected)) {
      const difference = firstDifference(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  return expected === actual ? undefined : `${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}
