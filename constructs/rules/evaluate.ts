import type { IConstruct } from 'constructs';
import type { Finding } from '../core/finding';
import type { RuleEngine, RuleResult } from './result';
import { showValue } from './show-value';
import type { RuleMetadata } from './spec-rule';
import { SUPPRESSION_RULE, suppressionProblem, suppressionsFor, suppressionsOn } from './suppressions';
import type { ComplianceSuppression, RuleOutcome } from './types';

/** Where a result belongs: the environment, the engine, the stack or component, and the resource. */
export interface ResultLocation {
  readonly environment: string;
  readonly engine: RuleEngine;
  readonly unit: string;
  readonly resource: string;
  readonly path: string;
}

/** The findings of an outcome: none when compliant; `undefined` when the rule does not apply. */
export function findingsOf(outcome: RuleOutcome): readonly Finding[] | undefined {
  if (outcome.compliant) return outcome.notApplicable === true ? undefined : [];
  return [{ field: outcome.field, value: outcome.value, problem: outcome.problem, fix: outcome.fix }];
}

/**
 * The results of one rule on one resource: a pass when there is no finding, otherwise one result
 * per finding, failing, or suppressed when a suppression that holds today names the rule on the
 * resource's construct or a scope above it. Invalid suppressions never suppress (they fail on
 * their own, see `suppressionResults`).
 */
export function resultsOf(rule: RuleMetadata, findings: readonly Finding[], location: ResultLocation, construct: IConstruct | undefined, today: string): RuleResult[] {
  return resultsUnder(rule, findings, location, construct === undefined ? [] : suppressionsFor(construct), today);
}

/**
 * `resultsOf` for a resource known by the suppressions that apply to it (its own and its scopes'),
 * as data: what the synth keeps of a stack it does not rebuild.
 */
export function resultsUnder(
  rule: RuleMetadata,
  findings: readonly Finding[],
  location: ResultLocation,
  suppressions: readonly ComplianceSuppression[],
  today: string,
): RuleResult[] {
  const base = { ...location, rule: rule.id, level: rule.level, controls: rule.controls };
  if (findings.length === 0) return [{ ...base, status: 'pass' }];
  const known = new Set([rule.id]);
  const holding = suppressions.find((s) => s.rule === rule.id && suppressionProblem(s, today, known) === undefined);
  return findings.map((finding): RuleResult => {
    const shown = { field: finding.field, value: showValue(finding.value), problem: finding.problem, fix: finding.fix };
    if (holding === undefined) return { ...base, status: 'fail', ...shown };
    return { ...base, status: 'suppressed', ...shown, suppression: { reason: holding.reason, expires: holding.expires } };
  });
}

/**
 * A failing `compliance-suppression` result for every suppression declared on `construct` that
 * does not hold on `today` (unknown rule, short reason, invalid or past expiry).
 */
export function suppressionResults(construct: IConstruct, location: ResultLocation, today: string, knownRules: ReadonlySet<string>): RuleResult[] {
  return declaredSuppressionResults(suppressionsOn(construct), location, today, knownRules);
}

/** `suppressionResults` for the suppressions declared on one construct, as data. */
export function declaredSuppressionResults(declared: readonly ComplianceSuppression[], location: ResultLocation, today: string, knownRules: ReadonlySet<string>): RuleResult[] {
  return declared.flatMap((suppression, i): RuleResult[] => {
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

/** What a rule that throws is reported on: the object (`metadata.name`) or the resource (its address). */
export interface EvaluatedSubject {
  readonly kind: 'object' | 'resource' | 'output';
  readonly field: string;
  readonly value: unknown;
}

/** A rule that throws on unexpected input fails the subject instead of aborting every check. */
export function safely(rule: RuleMetadata, subject: EvaluatedSubject, check: () => readonly Finding[] | undefined): readonly Finding[] | undefined {
  try {
    return check();
  } catch (error) {
    const malformed = { object: 'the object if it is malformed', resource: 'the resource if its attributes are malformed', output: 'the output it names' }[subject.kind];
    return [
      {
        field: subject.field,
        value: subject.value,
        problem: `the rule could not evaluate the ${subject.kind}: ${error instanceof Error ? error.message : String(error)}`,
        fix: `fix the rule ${rule.id} for this input, or ${malformed}`,
      },
    ];
  }
}
