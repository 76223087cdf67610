import type { IConstruct } from 'constructs';
import type { Finding } from '../core/finding';
import { showValue } from './show-value';

const CHECKS = new WeakMap<IConstruct, (() => readonly Finding[])[]>();

/** How a finding reads in a validation message (what `cdk8s synth` or `cdktf synth` prints). */
export function validationMessage(finding: Finding): string {
  return `${finding.field} is ${showValue(finding.value)}; ${finding.problem} (fix: ${finding.fix})`;
}

/**
 * Adds a validation that returns findings rather than strings (`node.addValidation` can only
 * return strings). cdk8s and cdktf still see a message per finding; the synth reads the findings
 * themselves (`structuredFindings`), so nothing is parsed back out of a message.
 */
export function addStructuredValidation(construct: IConstruct, check: () => readonly Finding[]): void {
  CHECKS.set(construct, [...(CHECKS.get(construct) ?? []), check]);
  construct.node.addValidation({ validate: () => check().map(validationMessage) });
}

/** The findings of the structured validations of `construct` (none when it has none). */
export function structuredFindings(construct: IConstruct): Finding[] {
  return (CHECKS.get(construct) ?? []).flatMap((check) => [...check()]);
}
