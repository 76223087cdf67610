import { existsSync } from 'node:fs';
import { showValue } from '../../constructs/rules/show-value';
import { formatViolation, type Violation } from '../../constructs/rules/violation';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { specViolations } from './spec-violations';

// Every failing case breaks one value of a fixture spec (tier-fixtures.ts) and checks that exactly that field is
// reported, so a check that fires on the wrong field or on unrelated values fails here.

export function atField(violations: readonly Violation[], field: string): Violation[] {
  return violations.filter((violation) => violation.field === field);
}

export function fieldsOf(violations: readonly Violation[]): string[] {
  return violations.map((violation) => violation.field);
}

export interface Expected {
  /** The offending value as the spec holds it (rendered with showValue for the comparison). */
  readonly value: unknown;
  readonly fix: string | RegExp;
  readonly problem?: string | RegExp;
}

/**
 * The file a value lives in: pinned versions in pins.json, the rest in the environment's own file,
 * or, for a fixture with no file of its own, the list of environments (never a file that does not exist).
 */
export function fileOf(spec: EnvironmentSpec, field: string): string {
  if (/^charts\.|^kyverno\.(catalog|canaryPassed)$/.test(field)) return 'environments/pins.json';
  const own = `environments/${spec.name}.ts`;
  return existsSync(own) ? own : 'environments/index.ts';
}

/** Asserts that `spec` fails on `field` only, and that the violation names env, file, field, value and fix. */
export function expectRejected(spec: EnvironmentSpec, field: string, expected: Expected): Violation {
  const violations = specViolations(spec);
  expect(fieldsOf(violations)).toEqual([field]);
  const [violation] = atField(violations, field);
  expect(violation).toBeDefined();
  const found = violation!;
  expect(found.environment).toBe(spec.name);
  expect(found.path).toBe(fileOf(spec, field));
  expect(found.value).toBe(showValue(expected.value));
  expect(formatViolation(found)).toContain(`${spec.name}: ${fileOf(spec, field)}: ${field} is ${found.value}; `);
  expect(found.fix).toMatch(expected.fix);
  if (expected.problem !== undefined) expect(found.problem).toMatch(expected.problem);
  return found;
}

export function cluster<C extends ClusterSpec['cloud']>(spec: EnvironmentSpec, index: number, cloud: C): Extract<ClusterSpec, { cloud: C }> {
  const found = spec.clusters[index];
  if (found?.cloud !== cloud) throw new Error(`${spec.name}.clusters[${index}] is not on ${cloud}`);
  return found as Extract<ClusterSpec, { cloud: C }>;
}

export function withCluster(spec: EnvironmentSpec, index: number, replacement: ClusterSpec): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((existing, i) => (i === index ? replacement : existing)) };
}

export const SHA = '0123456789abcdef0123456789abcdef01234567';
