/**
 * One reason not to synthesize. Every guardrail, spec check and construct validation reports in
 * this shape so that the user reads the same five facts everywhere: where, what, which value, why
 * it is refused, and how to fix it.
 */
export interface Violation {
  /** Environment name, e.g. `prod`. */
  readonly environment: string;
  /** Construct path (`prod/projects/platform`) or spec field path (`clusters[1].apiServer`). */
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

/** Thrown when a synth must stop; carries every violation found, not just the first. */
export class SynthRefusedError extends Error {
  constructor(readonly violations: readonly Violation[]) {
    super(
      `synth refused: ${violations.length} problem${violations.length === 1 ? '' : 's'}, nothing was written\n` +
        violations.map((v) => `  - ${formatViolation(v)}`).join('\n'),
    );
    this.name = 'SynthRefusedError';
  }
}

/** Renders a value for a message: strings quoted, everything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'missing';
  return JSON.stringify(value);
}
