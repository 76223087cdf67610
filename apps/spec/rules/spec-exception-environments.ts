import { existsSync } from 'node:fs';
import type { PolicyExceptionDefinition } from '../../../constructs/kyverno/policy-exception';
import type { FleetFinding, FleetRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { ENVIRONMENTS_PATH } from '../field-file';
import { NO_CONTROLS } from './support/controls';

/** The file a policy exception is written in, or the list of them when it has no file of its own. */
export function exceptionFile(name: string): string {
  const own = `policies/exceptions/${name}.ts`;
  return existsSync(own) ? own : 'policies/exceptions/index.ts';
}

/**
 * Every environment an exception names must be one of the fleet: each environment picks the
 * exceptions that name it, so a misspelt or removed environment would drop the exception without a
 * word (and a renamed production would lose a waiver someone relies on, or keep one nobody reviews).
 * Made per synth from the exceptions granted, as the support calendar rules are from the date; the
 * finding names the environment the exception names and points at the exception's file.
 */
export function specExceptionEnvironments(exceptions: readonly PolicyExceptionDefinition[]): FleetRule<EnvironmentSpec> {
  return {
    id: 'spec-exception-environments',
    engine: 'fleet',
    level: 'error',
    title: 'Policy exceptions name only environments of the fleet',
    rationale:
      'An exception naming an environment the fleet lacks applies nowhere: a misspelt name drops a waiver someone relies on without a word, a removed one leaves a waiver nobody reviews.',
    controls: NO_CONTROLS,
    check: (specs) => {
      const known = specs.map((spec) => spec.name);
      return exceptions.flatMap((exception) =>
        exception.environments.flatMap((environment, i): FleetFinding[] =>
          known.includes(environment)
            ? []
            : [
                {
                  subject: environment,
                  file: exceptionFile(exception.name),
                  field: `environments[${i}]`,
                  value: environment,
                  problem: `exception ${exception.name} names an environment the fleet does not have, so it would apply nowhere there`,
                  fix: `use one of ${known.join(', ')} (ENVIRONMENTS in ${ENVIRONMENTS_PATH}), or remove the entry`,
                },
              ],
        ),
      );
    },
  };
}
