/**
 * Kubernetes resource quantities (`500m`, `2`, `1.5`, `4Gi`, `16G`, `1e3`) read as numbers: CPU in
 * cores, memory and storage in bytes. The grammar is the API server's
 * (k8s.io/apimachinery@v0.34.4 pkg/api/resource/quantity.go, `ParseQuantity`): a signed decimal
 * number, then one suffix: binary `Ki Mi Gi Ti Pi Ei`, decimal `n u m k M G T P E`, or an exponent
 * `e<n>`/`E<n>`. Quota arithmetic (capacity sums, requests against limits) needs the value; the
 * spec keeps the strings the manifests carry.
 */

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Sign, digits with an optional fraction (`.5` and `5.` too, as quantity.go accepts), then the suffix. */
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE]?)$/;

/** What a quantity that does not parse is told to look like. */
export const QUANTITY_EXAMPLES = "a number with one unit, e.g. '500m' or '2' (CPU), '512Mi' or '4Gi' (memory)";

/** The value of a quantity, in the base unit (cores for CPU, bytes for memory); undefined when it does not parse. */
export function quantityValue(quantity: string): number | undefined {
  const match = QUANTITY.exec(quantity);
  if (match === null) return undefined;
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  const multiplier = BINARY[suffix] ?? DECIMAL[suffix] ?? 10 ** Number(suffix.slice(1));
  return number * multiplier;
}

/** Why a quantity cannot be read, or undefined when it can: for findings that name the value. */
export function quantityProblem(quantity: unknown): string | undefined {
  if (typeof quantity !== 'string') return `is not a Kubernetes quantity string (${QUANTITY_EXAMPLES})`;
  if (quantityValue(quantity) === undefined) return `is not a Kubernetes quantity (${QUANTITY_EXAMPLES}; units are case-sensitive: 'Gi', not 'GB' or 'gi')`;
  if ((quantityValue(quantity) ?? 0) < 0) return 'is negative: a resource amount is at least 0';
  return undefined;
}

function parsed(quantity: string, what: string): number {
  const value = quantityValue(quantity);
  if (value === undefined) throw new Error(`${what} ${JSON.stringify(quantity)} is not a Kubernetes quantity: write ${QUANTITY_EXAMPLES}`);
  return value;
}

/** A CPU quantity in cores (`250m` = 0.25); throws naming the value when it does not parse. */
export function cpuCores(quantity: string): number {
  return parsed(quantity, 'CPU');
}

/** A memory or storage quantity in bytes (`1Gi` = 1073741824, `1G` = 1e9); throws naming the value when it does not parse. */
export function memoryBytes(quantity: string): number {
  return parsed(quantity, 'memory');
}

/** Bytes per GiB, for messages and tables in GiB. */
export const GIB = 2 ** 30;
