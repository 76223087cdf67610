/**
 * A check of IANA time zone names as Go's `time.LoadLocation` reads them (Argo CD sync windows,
 * Kubernetes CronJob `timeZone`), using the zones Node's Intl knows.
 */

/** Intl lists canonical zones only; `UTC` and aliases (`US/Pacific`) are valid for Go's tz database too. */
const CANONICAL_TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

const UNKNOWN_ZONE = { problem: 'not an IANA time zone', fix: `use a zone such as 'Europe/Berlin' or 'UTC'` } as const;

/** What is wrong with a time zone name, and the fix. */
export interface TimeZoneProblem {
  readonly problem: string;
  readonly fix: string;
}

/** The canonical spelling Intl resolves a zone to, or undefined when Intl rejects it. */
function resolveTimeZone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Why `timeZone` is not a zone Go loads, or undefined when it is. Intl is case-insensitive but Go
 * (`time.LoadLocation`) is not, so `europe/berlin` is refused with the right spelling as the fix.
 */
export function timeZoneProblem(timeZone: unknown): TimeZoneProblem | undefined {
  if (typeof timeZone !== 'string' || timeZone === '') return UNKNOWN_ZONE;
  if (CANONICAL_TIME_ZONES.has(timeZone) || timeZone === 'UTC') return undefined;
  const resolved = resolveTimeZone(timeZone);
  if (resolved === undefined) return UNKNOWN_ZONE;
  if (resolved !== timeZone && resolved.toLowerCase() === timeZone.toLowerCase()) {
    return {
      problem: 'an IANA time zone in the wrong case; Argo CD reads zone names case-sensitively',
      fix: `spell it '${resolved}'`,
    };
  }
  return undefined;
}
