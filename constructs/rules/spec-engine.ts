import type { Finding } from '../core/finding';
import type { Tier } from '../core/tier';
import type { RuleResult } from './result';
import { showValue } from './show-value';
import type { FleetFinding, FleetRule, RuleMetadata, SpecRule } from './spec-rule';

/** What the engine reads of a spec to place a finding: its name and tier. */
export interface SpecSubject {
  readonly name: string;
  readonly tier: Tier;
}

/** The file a user edits to fix an environment's spec. */
export function environmentFile(environment: string): string {
  return `environments/${environment}.ts`;
}

/**
 * The file a finding's value lives in, given the environment and the field (`''` for the spec as a
 * whole, where a pass is recorded): an application whose pinned versions live in another file than
 * the spec says so here. @default - the environment's own file
 */
export type FileOfField = (environment: string, field: string) => string;

const OWN_FILE: FileOfField = (environment) => environmentFile(environment);

/**
 * A spec's name for results and messages. The shape rule reads specs nothing has checked yet, so
 * the name itself may be malformed (empty, or not a string): it is rendered, never trusted.
 */
function subjectName(spec: { readonly name: unknown }): string {
  return typeof spec.name === 'string' && spec.name !== '' ? spec.name : showValue(spec.name);
}

/**
 * A spec check's results in one environment: a pass without findings, else one failure per finding
 * at its field, in the file its value lives in (unit and path), the field path as resource.
 */
function resultsIn(
  rule: RuleMetadata & { readonly engine: 'spec' | 'fleet' },
  environment: string,
  findings: readonly (Finding & { readonly file?: string })[],
  fileOf: FileOfField,
): RuleResult[] {
  const base = { environment, engine: rule.engine, rule: rule.id, level: rule.level, controls: rule.controls };
  if (findings.length === 0) {
    const file = fileOf(environment, '');
    return [{ ...base, unit: file, path: file, resource: environment, status: 'pass' }];
  }
  return findings.map((f) => {
    const file = f.file ?? fileOf(environment, f.field);
    return { ...base, unit: file, path: file, resource: f.field, status: 'fail', field: f.field, value: showValue(f.value), problem: f.problem, fix: f.fix };
  });
}

/**
 * Runs spec rules on every spec whose tier they run in (`tiers`, every tier by default) and places
 * the findings: location = the environment, unit and path = the file the value lives in (`fileOf`,
 * by default `environments/<env>.ts`), resource = the field path.
 */
export function evaluateSpecRules<S extends SpecSubject>(specs: readonly S[], rules: readonly SpecRule<S>[], fileOf: FileOfField = OWN_FILE): RuleResult[] {
  return specs.flatMap((spec) =>
    rules
      .filter((rule) => rule.tiers === undefined || rule.tiers.includes(spec.tier))
      .flatMap((rule) =>
        resultsIn(
          rule,
          subjectName(spec),
          guarded(rule, () => rule.check(spec)),
          fileOf,
        ),
      ),
  );
}

/** Runs fleet rules on all specs at once; each finding belongs to the environment it names. */
export function evaluateFleetRules<S extends SpecSubject>(specs: readonly S[], rules: readonly FleetRule<S>[], fileOf: FileOfField = OWN_FILE): RuleResult[] {
  return rules.flatMap((rule) => {
    let findings: readonly FleetFinding[];
    try {
      findings = rule.check(specs);
    } catch (error) {
      findings = specs.map((spec) => ({ subject: subjectName(spec), ...failureOf(rule, error) }));
    }
    const subjects = [...new Set([...specs.map(subjectName), ...findings.map((f) => f.subject)])];
    return subjects.flatMap((subject) =>
      resultsIn(
        rule,
        subject,
        findings.filter((f) => f.subject === subject),
        fileOf,
      ),
    );
  });
}

function guarded(rule: RuleMetadata, check: () => readonly Finding[]): readonly Finding[] {
  try {
    return check();
  } catch (error) {
    return [failureOf(rule, error)];
  }
}

/** A rule that throws fails the spec it was given instead of stopping the other rules. */
function failureOf(rule: RuleMetadata, error: unknown): Finding {
  return {
    field: '(spec)',
    value: undefined,
    problem: `the rule could not evaluate the spec: ${error instanceof Error ? error.message : String(error)}`,
    fix: `fix the rule ${rule.id} for this spec`,
  };
}
