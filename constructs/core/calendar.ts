/**
 * The calendar the estate reads expiry dates in: UTC days written `YYYY-MM-DD`. Policy exceptions
 * and compliance suppressions both end on such a day, checked against the same "today".
 */

/** Today's date in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A real calendar date written `YYYY-MM-DD` (not `2026-02-30`). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
