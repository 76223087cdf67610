/**
 * Marks a value a report must not print (a credential): rules return it as a finding's value and
 * every rendering shows `(redacted)`.
 */
export const REDACTED: unique symbol = Symbol('redacted');

/** Renders a value for a message: strings quoted, everything else as JSON, secrets redacted. */
export function showValue(value: unknown): string {
  if (value === REDACTED) return '(redacted)';
  if (value === undefined) return 'missing';
  return JSON.stringify(value);
}
