import type { IConstruct } from 'constructs';
import type { Tier } from '../core/tier';
import { showValue } from '../guardrails/violation';
import type { ComplianceEngine, ComplianceResult } from './result';
import { SUPPRESSION_RULE, suppressionProblem, suppressionsFor, suppressionsOn } from './suppressions';
import type { ComplianceRule, RuleOutcome } from './types';

/** Where a result belongs: the environment, the engine, the stack or component, and the resource. */
export interface ResultLocation {
  readonly environment: string;
  readonly engine: ComplianceEngine;
  readonly unit: string;
  readonly resource: string;
  readonly path: string;
}

/** Whether environments of `tier` run the rule (rules without `tiers` run everywhere). */
export function runsIn(rule: Pick<ComplianceRule, 'tiers'>, tier: Tier): boolean {
  return rule.tiers === undefined || rule.tiers.includes(tier);
}

/**
 * The result of one rule on one resource: pass, fail, or suppressed when a suppression that
 * holds today names the rule on the resource's construct or a scope above it. Invalid
 * suppressions never suppress (they fail on their own, see `suppressionResults`).
 * `undefined` when the rule does not apply.
 */
export function resultOf(
  rule: ComplianceRule,
  outcome: RuleOutcome,
  location: ResultLocation,
  construct: IConstruct | undefined,
  today: string,
): ComplianceResult | undefined {
  const base = { ...location, rule: rule.id, level: rule.level, controls: rule.controls };
  if (outcome.compliant) return outcome.notApplicable === true ? undefined : { ...base, status: 'pass' };
  const finding = { field: outcome.field, value: showValue(outcome.value), problem: outcome.problem, fix: outcome.fix };
  const known = new Set([rule.id]);
  const holding = (construct === undefined ? [] : suppressionsFor(construct)).find(
    (s) => s.rule === rule.id && suppressionProblem(s, today, known) === undefined,
  );
  if (holding === undefined) return { ...base, status: 'fail', ...finding };
  return { ...base, status: 'suppressed', ...finding, suppression: { reason: holding.reason, expires: holding.expires } };
}

/**
 * A failing `compliance-suppression` result for every suppression declared on `construct` that
 * does not hold on `today` (unknown rule, short reason, invalid or past expiry).
 */
export function suppressionResults(
  construct: IConstruct,
  location: ResultLocation,
  today: string,
  knownRules: ReadonlySet<string>,
): ComplianceResult[] {
  return suppressionsOn(construct).flatMap((suppression, i): ComplianceResult[] => {
    const problem = suppressionProblem(suppression, today, knownRules);
    if (problem === undefined) return [];
    return [
      {
        ...location,
        rule: SUPPRESSION_RULE.id,
        level: SUPPRESSION_RULE.level,
        controls: SUPPRESSION_RULE.controls,
        status: 'fail',
        field: `suppressions[${i}].${problem.field}`,
        value: showValue(suppression[problem.field]),
        problem: problem.problem,
        fix: problem.fix,
      },
    ];
  });
}
