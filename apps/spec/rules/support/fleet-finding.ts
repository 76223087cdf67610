import { finding } from '../../../../constructs/core/finding';
import type { FleetFinding } from '../../../../constructs/rules/spec-rule';

/** A finding of a fleet rule, belonging to the environment `subject`. */
export function fleetFinding(subject: string, field: string, value: unknown, problem: string, fix: string): FleetFinding {
  return { subject, ...finding(field, value, problem, fix) };
}
