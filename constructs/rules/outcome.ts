import type { RuleOutcome } from './types';

/** The resource does what the rule asks. */
export const COMPLIANT: RuleOutcome = { compliant: true };

/** The rule has nothing to check on this resource; the engine records no result. */
export const NOT_APPLICABLE: RuleOutcome = { compliant: true, notApplicable: true };

/** The resource breaks the rule: which field, which value, what is wrong, and what to change. */
export function nonCompliant(field: string, value: unknown, problem: string, fix: string): RuleOutcome {
  return { compliant: false, field, value, problem, fix };
}
