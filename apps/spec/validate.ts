import { existsSync } from 'node:fs';
import { showValue, type Violation } from '../../constructs/rules/violation';
import type { Finding } from '../../constructs/core/finding';
import { PINS_FILE } from '../../environments/pins';
import type { EnvironmentSpec } from '../../environments/types';
import { FLEET_RULES, SPEC_RULES } from './rules';
import { runFleetRules, runSpecRules } from './run-spec-rules';
import { ENVIRONMENT_SPEC_SCHEMA } from './spec-schema';

/**
 * Runtime validation of the environment specs. The type system proves the shape of a spec; the
 * spec rules (apps/spec/rules/) prove its values (formats, ranges, cross-field consistency, tier
 * guardrails) so that a bad value fails before synth with a message saying where, what and how to
 * fix it, instead of failing later inside Argo CD or Terraform.
 *
 * Every rule is a pure function returning findings; the functions below run all of them and never
 * stop at the first problem, so the user fixes everything in one round trip. They place each finding
 * in the file its value lives in.
 */

const ENVIRONMENTS_PATH = 'environments/index.ts';

/** Spec fields whose values come from environments/pins.json (pins.ts), not from the spec file. */
const PINNED_FIELDS: readonly RegExp[] = [/^charts(\.|$)/, /^kyverno\.(catalog|canaryPassed)$/];

/** Fields of the list of environments itself (fleet findings), written in environments/index.ts. */
const FLEET_LIST_FIELD = /^ENVIRONMENTS(\[|$)/;

/**
 * The file a finding's value lives in: pins.json for pinned versions, the list of environments for
 * its own entries (`ENVIRONMENTS[2].name`), else the environment's own file, or, for a spec not
 * written in `environments/<name>.ts`, the list that names it. A message never names a file that
 * does not exist.
 */
export function fileOfField(environment: string, field: string): string {
  if (PINNED_FIELDS.some((pattern) => pattern.test(field))) return PINS_FILE;
  if (FLEET_LIST_FIELD.test(field)) return ENVIRONMENTS_PATH;
  const own = `environments/${environment}.ts`;
  return existsSync(own) ? own : ENVIRONMENTS_PATH;
}

/** A finding of `environment`'s spec as a violation, in the file its value lives in. */
export function placeFinding(environment: string, found: Finding): Violation {
  return {
    environment,
    path: fileOfField(environment, found.field),
    field: found.field,
    value: showValue(found.value),
    problem: found.problem,
    fix: found.fix,
  };
}

/** A spec's name for messages, even when the name itself is malformed. */
function nameOf(spec: EnvironmentSpec): string {
  return typeof spec.name === 'string' && spec.name !== '' ? spec.name : showValue(spec.name);
}

/**
 * Shape problems of one spec (spec-schema.ts): a field of the wrong type, a value outside its union,
 * a missing or unknown field. The spec rules assume the shape, so they run only without these.
 */
export function shapeViolations(spec: EnvironmentSpec): Violation[] {
  const name = nameOf(spec);
  return ENVIRONMENT_SPEC_SCHEMA.check(spec, '').map((found) => placeFinding(name, found));
}

/** Validates one spec and returns every problem found (empty when the spec is valid). */
export function validateEnvironment(spec: EnvironmentSpec): Violation[] {
  const shape = shapeViolations(spec);
  if (shape.length > 0) return shape;
  return runSpecRules(SPEC_RULES, spec).map((found) => placeFinding(spec.name, found));
}

/** Validates every spec, then the fleet as a whole: one list of all problems, in spec order. */
export function validateEnvironments(specs: readonly EnvironmentSpec[]): Violation[] {
  // The fleet rules read names, clusters and tiers: only of specs of the right shape. A fleet whose
  // every spec is malformed is not empty; its shape findings say what is wrong.
  const wellFormed = specs.filter((spec) => shapeViolations(spec).length === 0);
  const fleet = specs.length > 0 && wellFormed.length === 0 ? [] : runFleetRules(FLEET_RULES, wellFormed);
  return [...specs.flatMap((spec) => validateEnvironment(spec)), ...fleet.map((found) => placeFinding(found.subject, found))];
}
