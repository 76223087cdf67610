import type { IConstruct } from 'constructs';
import { showValue, type Violation } from './violation';

/**
 * Construct validations can only return strings. Ours write them as `field is value; problem
 * (fix: ...)`, the shape `formatViolation` prints, so they are parsed back into their parts.
 */
const STRUCTURED_MESSAGE = /^(?<field>[\w.[\]]+) is (?<value>.+?); (?<problem>.+) \(fix: (?<fix>.+)\)$/s;

/** A message a construct reported about itself (a validation or an error annotation) as a Violation. */
export function constructViolation(construct: IConstruct, environment: string, field: string, message: string): Violation {
  const parts = STRUCTURED_MESSAGE.exec(message)?.groups;
  if (parts !== undefined) {
    return { environment, path: construct.node.path, field: parts.field!, value: parts.value!, problem: parts.problem!, fix: parts.fix! };
  }
  return {
    environment,
    path: construct.node.path,
    field,
    value: showValue(construct.constructor.name),
    problem: message,
    fix: 'change the props of this construct so that its check passes',
  };
}

/** `node.addValidation` checks of every construct, for both engines, reported like the guardrails. */
export function validationViolations(constructs: readonly IConstruct[], environment: string): Violation[] {
  return constructs.flatMap((c) => c.node.validate().map((message) => constructViolation(c, environment, 'validation', message)));
}
