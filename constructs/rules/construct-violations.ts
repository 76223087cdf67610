import type { IConstruct } from 'constructs';
import { showValue } from './show-value';
import { structuredFindings, validationMessage } from './structured-validation';
import type { Violation } from './violation';

/**
 * A message a construct reported about itself (a plain validation or an error annotation) as a
 * Violation: the message is the problem, as written. Constructs that know the field and the fix
 * report them with `addStructuredValidation` instead.
 */
export function constructViolation(construct: IConstruct, environment: string, field: string, message: string): Violation {
  return {
    environment,
    path: construct.node.path,
    field,
    value: showValue(construct.constructor.name),
    problem: message,
    fix: 'change the props of this construct so that its check passes',
  };
}

/**
 * `node.addValidation` checks of every construct, for both engines: structured findings as they
 * are, and every other message (a validation of a construct library) with the message as problem.
 */
export function validationViolations(constructs: readonly IConstruct[], environment: string): Violation[] {
  return constructs.flatMap((c) => {
    const findings = structuredFindings(c);
    const structured = new Set(findings.map(validationMessage));
    const located = findings.map((f) => ({ environment, path: c.node.path, field: f.field, value: showValue(f.value), problem: f.problem, fix: f.fix }));
    const others = c.node.validate().filter((message) => !structured.has(message));
    return [...located, ...others.map((message) => constructViolation(c, environment, 'validation', message))];
  });
}
