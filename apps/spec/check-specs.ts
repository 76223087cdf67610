import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import type { RuleResult } from '../../constructs/rules/result';
import { evaluateFleetRules, evaluateSpecRules } from '../../constructs/rules/spec-engine';
import type { FleetRule, SpecRule } from '../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../environments/types';
import { fileOfField } from './field-file';
import { FLEET_RULES, SPEC_RULES } from './rules';
import { specExceptionEnvironments } from './rules/spec-exception-environments';
import { specKubernetesSupport } from './rules/spec-kubernetes-support';
import { specShape } from './rules/spec-shape';

export interface SpecCheckOptions {
  /** Today in UTC (`YYYY-MM-DD`): the day the support calendar is read on. */
  readonly today: string;
  /** The granted policy exceptions, whose environments must be of the fleet. */
  readonly exceptions: readonly PolicyExceptionDefinition[];
  /** Rules on each spec of the right shape. @default SPEC_RULES */
  readonly specRules?: readonly SpecRule<EnvironmentSpec>[];
  /** Rules across every spec of the right shape. @default FLEET_RULES */
  readonly fleetRules?: readonly FleetRule<EnvironmentSpec>[];
  /** The support calendar's rules. @default specKubernetesSupport(today) */
  readonly supportRules?: readonly SpecRule<EnvironmentSpec>[];
}

export interface SpecCheck {
  /** Every result, passes included, in the order a refusal lists them: spec by spec, then the fleet. */
  readonly results: readonly RuleResult[];
  /** The specs of the right shape: the only ones the other rules read and synth builds. */
  readonly wellFormed: readonly EnvironmentSpec[];
  /** Every rule run, for the compliance report's catalogue. */
  readonly rules: readonly (SpecRule<EnvironmentSpec> | FleetRule<EnvironmentSpec>)[];
  /**
   * Ids of the rules whose result depends on the day of the synth, not on the estate (the support
   * calendar: a warning window opens, a version reaches its end of support). They refuse and warn
   * like every rule, but stay out of the committed report: dist/ must change only when the code
   * does, or `synth --check` would fail in CI on a day nothing changed.
   */
  readonly datedRules: ReadonlySet<string>;
}

/**
 * Runs every check of the environment specs through the rule engine, and never stops at the first
 * problem, so the user fixes everything in one round trip. The type system proves the shape of a
 * spec written in TypeScript; the shape rule proves it at run time, and the spec rules prove its
 * values (formats, ranges, cross-field consistency, the rules of each tier) so that a bad value fails
 * before synth with a message saying where, what and how to fix it, instead of later inside Argo CD
 * or Terraform. Each finding is placed in the file its value lives in (field-file.ts).
 */
export function checkSpecs(specs: readonly EnvironmentSpec[], options: SpecCheckOptions): SpecCheck {
  const specRules = options.specRules ?? SPEC_RULES;
  const fleetRules = options.fleetRules ?? FLEET_RULES;
  const supportRules = options.supportRules ?? specKubernetesSupport(options.today);
  const exceptionRule = specExceptionEnvironments(options.exceptions);
  const wellFormed: EnvironmentSpec[] = [];
  const perSpec = specs.flatMap((spec) => {
    const shape = evaluateSpecRules([spec], [specShape], fileOfField);
    if (shape.some((result) => result.status === 'fail')) return shape;
    wellFormed.push(spec);
    return [...shape, ...evaluateSpecRules([spec], specRules, fileOfField)];
  });
  // The fleet rules read names, clusters and tiers: only of specs of the right shape. A fleet whose
  // every spec is malformed is not empty; its shape findings say what is wrong.
  const fleet = specs.length > 0 && wellFormed.length === 0 ? [] : evaluateFleetRules(wellFormed, fleetRules, fileOfField);
  return {
    results: [
      ...perSpec,
      ...fleet,
      // An exception may name a spec of the wrong shape: that spec is refused already, and the
      // exception is not wrong.
      ...evaluateFleetRules(specs, [exceptionRule], fileOfField),
      ...evaluateSpecRules(wellFormed, supportRules, fileOfField),
    ],
    wellFormed,
    rules: [specShape, ...specRules, ...fleetRules, exceptionRule, ...supportRules],
    datedRules: new Set(supportRules.map((rule) => rule.id)),
  };
}
