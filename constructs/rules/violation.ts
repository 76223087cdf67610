/**
 * One reason not to synthesize, as the user reads it: where, what, which value, why it is refused,
 * and how to fix it. Rule results render to it (`violationOf`); the constructs' own validations
 * report in it before they become results (construct-validation.ts).
 */
export interface Violation {
  /** Environment name, e.g. `prod`. */
  readonly environment: string;
  /** Construct path (`prod/projects/platform`), file (`environments/prod.ts`) or file and construct. */
  readonly path: string;
  /** The offending field, e.g. `spec.syncPolicy.automated.prune`. */
  readonly field: string;
  /** The offending value, rendered for humans. */
  readonly value: string;
  /** What is wrong and why it matters. */
  readonly problem: string;
  /** What to change. */
  readonly fix: string;
}

export function formatViolation(v: Violation): string {
  return `${v.environment}: ${v.path}: ${v.field} is ${v.value}; ${v.problem} (fix: ${v.fix})`;
}
