import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { ENVIRONMENT_SPEC_SCHEMA } from '../spec-schema';

/**
 * The shape of a spec (spec-schema.ts): a field of the wrong type, a value outside its union, a
 * missing or unknown field. Runs before every other rule, which all assume the shape: a spec that
 * fails it is refused with these findings alone and given to no other rule, and synth builds nothing
 * from it (the constructs would fail on it with a TypeError).
 */
export const specShape: SpecRule<EnvironmentSpec> = {
  id: 'spec-shape',
  engine: 'spec',
  level: 'error',
  title: 'Environment specs have the shape EnvironmentSpec declares',
  rationale:
    'TypeScript proves the shape only of a spec written without casts or `any`; a field of the wrong type, a value outside its union or an unknown field would otherwise end in a TypeError inside synth, or in a setting silently ignored.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) => ENVIRONMENT_SPEC_SCHEMA.check(spec, ''),
};
