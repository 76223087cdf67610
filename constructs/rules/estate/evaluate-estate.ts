import { resultsOf, safely } from '../evaluate';
import type { RuleResult } from '../result';
import type { EstateInput, EstateRule } from './estate-rule';

/** The unit of estate results: no single component or stack, the environment's output as a whole. */
export const ESTATE_UNIT = '(estate)';

/**
 * Runs estate rules on an environment's output: a pass per rule when it finds nothing, else one
 * failure per finding, located where the finding says (a file of dist/ and its construct).
 */
export function evaluateEstateRules(rules: readonly EstateRule[], input: EstateInput, today: string): RuleResult[] {
  const environment = input.environment.name;
  return rules.flatMap((rule) => {
    const whole = { environment, engine: 'estate' as const, unit: ESTATE_UNIT, resource: environment, path: environment };
    // A rule that throws fails the environment's output instead of aborting the synth.
    const findings = safely(rule, { kind: 'output', field: ESTATE_UNIT, value: environment }, () => rule.check(input)) ?? [];
    if (findings.length === 0) return resultsOf(rule, [], whole, undefined, today);
    return findings.flatMap((f) => {
      const path = 'path' in f && typeof f.path === 'string' ? f.path : environment;
      return resultsOf(rule, [f], { ...whole, resource: path, path }, undefined, today);
    });
  });
}
