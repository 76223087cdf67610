import { checkSpecs } from '../../apps/spec/check-specs';
import { violationOf } from '../../constructs/rules/refusal-entries';
import { blockingResults } from '../../constructs/rules/result';
import type { Violation } from '../../constructs/rules/violation';
import type { EnvironmentSpec } from '../../environments/types';

// The spec checks as synth runs them (apps/spec/check-specs.ts, through the rule engine), read as
// the refusal reads them. The support calendar depends on the day and the exceptions on the
// policy catalogue: their own tests cover them, these leave them out.
const WITHOUT_CALENDAR_OR_EXCEPTIONS = { today: '2026-12-03', exceptions: [], supportRules: [] } as const;

/** The problems of one spec: its shape, then (of the right shape only) every spec rule of its tier. */
export function specViolations(spec: EnvironmentSpec): Violation[] {
  return blockingResults(checkSpecs([spec], { ...WITHOUT_CALENDAR_OR_EXCEPTIONS, fleetRules: [] }).results).map(violationOf);
}

/** The problems of a fleet: each spec's, in spec order, then those of the fleet rules. */
export function fleetViolations(specs: readonly EnvironmentSpec[]): Violation[] {
  return blockingResults(checkSpecs(specs, WITHOUT_CALENDAR_OR_EXCEPTIONS).results).map(violationOf);
}
