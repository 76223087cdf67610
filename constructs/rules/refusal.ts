import type { RuleResult } from './result';
import { formatViolation, type Violation } from './violation';

/**
 * A failing result as the user reads it. Checks of synthesized output name their rule and the
 * object (`Secret/argocd/x: ... [k8s-no-plaintext-secrets]`), because the output is not what the
 * user edits; spec checks already point at the field of the environment file the user edits.
 */
export function violationOf(result: RuleResult): Violation {
  const onOutput = result.engine !== 'spec' && result.engine !== 'fleet';
  const named = onOutput && result.resource !== result.path && result.engine !== 'estate' ? `${result.resource}: ` : '';
  return {
    environment: result.environment,
    path: result.path,
    field: result.field ?? 'rule',
    value: result.value ?? 'missing',
    problem: `${named}${result.problem ?? `fails ${result.rule}`}${onOutput ? ` [${result.rule}]` : ''}`,
    fix: result.fix ?? 'see the rule in the compliance report',
  };
}

/**
 * Thrown when a synth must stop; carries every failing result found (rule, location, field, value,
 * problem, fix as data), not just the first, and renders them for the user.
 */
export class SynthRefusedError extends Error {
  constructor(readonly results: readonly RuleResult[]) {
    super(
      `synth refused: ${results.length} problem${results.length === 1 ? '' : 's'}, nothing was written\n` +
        results.map((r) => `  - ${formatViolation(violationOf(r))}`).join('\n'),
    );
    this.name = 'SynthRefusedError';
  }

  /** The results as the user reads them, in the order of the message. */
  get violations(): readonly Violation[] {
    return this.results.map(violationOf);
  }
}
