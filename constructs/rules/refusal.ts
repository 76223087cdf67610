import { refusalEntries, violationOf } from './refusal-entries';
import type { RuleResult } from './result';
import type { Violation } from './violation';

/**
 * Thrown when a synth must stop; carries every failing result found (rule, location, field, value,
 * problem, fix as data), not just the first, and renders them for the user, one entry per problem
 * (refusal-entries.ts: the same problem on many objects is one entry naming them).
 */
export class SynthRefusedError extends Error {
  constructor(readonly results: readonly RuleResult[]) {
    super(
      `synth refused: ${results.length} problem${results.length === 1 ? '' : 's'}, nothing was written\n` +
        refusalEntries(results)
          .map((entry) => `  - ${entry}`)
          .join('\n'),
    );
    this.name = 'SynthRefusedError';
  }

  /** The results as the user reads them, one per result, in the order of the results. */
  get violations(): readonly Violation[] {
    return this.results.map(violationOf);
  }
}
