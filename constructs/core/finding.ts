/**
 * The building blocks of the spec checks: a finding is a violation before it is placed (checks
 * know the field, not which environment file they read).
 */

/** A violation before it is placed: checks know the field, not which environment file they read. */
export interface Finding {
  readonly field: string;
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;
}

export function finding(field: string, value: unknown, problem: string, fix: string): Finding {
  return { field, value, problem, fix };
}

/** One finding when `ok` is false: lets a check read as the rule it enforces. */
export function unless(ok: boolean, field: string, value: unknown, problem: string, fix: string): Finding[] {
  return ok ? [] : [finding(field, value, problem, fix)];
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function matches(value: unknown, pattern: RegExp): boolean {
  return isString(value) && pattern.test(value);
}
