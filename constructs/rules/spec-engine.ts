import type { Finding } from '../core/finding';
import type { Tier } from '../core/tier';
import type { RuleResult } from './result';
import { showValue } from './show-value';
import type { FleetFinding, FleetRule, RuleMetadata, SpecRule } from './spec-rule';
import type { Violation } from './violation';

/** What the engine reads of a spec to place a finding: its name and tier. */
export interface SpecSubject {
  readonly name: string;
  readonly tier: Tier;
}

/** The file a user edits to fix an environment's spec. */
export function environmentFile(environment: string): string {
  return `environments/${environment}.ts`;
}

/** A spec check's results in one environment: a pass without findings, else one failure per finding at its field. */
function resultsIn(rule: RuleMetadata & { readonly engine: 'spec' | 'fleet' }, environment: string, findings: readonly Finding[]): RuleResult[] {
  const file = environmentFile(environment);
  const base = { environment, engine: rule.engine, unit: file, path: file, rule: rule.id, level: rule.level, controls: rule.controls };
  if (findings.length === 0) return [{ ...base, resource: environment, status: 'pass' }];
  return findings.map((f) => ({ ...base, resource: f.field, status: 'fail', field: f.field, value: showValue(f.value), problem: f.problem, fix: f.fix }));
}

/**
 * Runs spec rules on every spec whose tier they run in (`tiers`, every tier by default) and places
 * the findings: location = the environment, unit and path = its file (`environments/<env>.ts`),
 * resource = the field path. 
 */
export function evaluateSpecRules<S extends SpecSubject>(specs: readonly S[], rules: readonly SpecRule<S>[]): RuleResult[] {
  return specs.flatMap((spec) =>
    rules.filter((rule) => rule.tiers === undefined || rule.tiers.includes(spec.tier)).flatMap((rule) => resultsIn(rule, spec.name, guarded(rule, () => rule.check(spec)))),
  );
}

/** Runs fleet rules on all specs at once; each finding belongs to the environment it names. */
export function evaluateFleetRules<S extends SpecSubject>(specs: readonly S[], rules: readonly FleetRule<S>[]): RuleResult[] {
  return rules.flatMap((rule) => {
    let findings: readonly FleetFinding[];
    try {
      findings = rule.check(specs);
    } catch (error) {
      findings = specs.map((spec) => ({ subject: spec.name, ...failureOf(rule, error) }));
    }
    const subjects = [...new Set([...specs.map((s) => s.name), ...findings.map((f) => f.subject)])];
    return subjects.flatMap((subject) => resultsIn(rule, subject, findings.filter((f) => f.subject === subject)));
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
  return { field: '(spec)', value: undefined, problem: `the rule could not evaluate the spec: ${error instanceof Error ? error.message : String(error)}`, fix: `fix the rule ${rule.id} for this spec` };
}

/**
 * The checks of apps/spec that are not spec rules yet report `Violation`s: they become failing
 * results of this rule, placed as spec rules place theirs, so a refusal carries only results.
 */
export const SPEC_VALIDATION_RULE: RuleMetadata & { readonly engine: 'spec' } = {
  id: 'spec-validation',
  engine: 'spec',
  level: 'error',
  title: 'Environment specs, exceptions and the Kubernetes support calendar pass their checks',
  rationale: 'A spec that contradicts itself or the fleet synthesizes an estate that cannot work; refusing it names the field to change.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
};

export function specValidationResults(violations: readonly Violation[]): RuleResult[] {
  return violations.map((v) => ({
    environment: v.environment,
    engine: 'spec',
    unit: v.path,
    resource: v.field,
    path: v.path,
    rule: SPEC_VALIDATION_RULE.id,
    level: SPEC_VALIDATION_RULE.level,
    status: 'fail',
    field: v.field,
    value: v.value,
    problem: v.problem,
    fix: v.fix,
    controls: SPEC_VALIDATION_RULE.controls,
  }));
}
