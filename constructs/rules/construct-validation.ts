import type { RuleResult } from './result';
import type { RuleMetadata } from './spec-rule';
import type { Violation } from './violation';

/**
 * The rule every construct's own checks (`node.addValidation`, error annotations, a stack without a
 * backend) report under: a construct that refuses its props refuses the synth, and the refusal is
 * a result like any other rule's.
 */
export const CONSTRUCT_VALIDATION_RULE: RuleMetadata = {
  id: 'construct-validation',
  level: 'error',
  title: 'Every construct accepts its props (its own validations and error annotations pass)',
  rationale:
    'Constructs check what only they know (a schedule that never fires, a reference to a resource of another ' +
    'environment). A construct that refuses its props would write output that fails when applied.',
  controls: {
    soc2: ['CC8.1'],
    pciDss: ['6.5.1'],
    iso27001: ['A.8.32'],
    gdpr: [],
  },
};

/** Construct checks of one component or stack as failing results (`unit`: where the construct is). */
export function constructValidationResults(violations: readonly Violation[], engine: 'kubernetes' | 'terraform', unit: string): RuleResult[] {
  return violations.map((v) => ({
    environment: v.environment,
    engine,
    unit,
    resource: v.path,
    path: v.path,
    rule: CONSTRUCT_VALIDATION_RULE.id,
    level: CONSTRUCT_VALIDATION_RULE.level,
    status: 'fail',
    field: v.field,
    value: v.value,
    problem: v.problem,
    fix: v.fix,
    controls: CONSTRUCT_VALIDATION_RULE.controls,
  }));
}
