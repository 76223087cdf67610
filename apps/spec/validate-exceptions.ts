import { existsSync } from 'node:fs';
import { showValue, type Violation } from '../../constructs/rules/violation';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import type { EnvironmentSpec } from '../../environments/types';

/** The file a policy exception is written in, or the list of them when it has no file of its own. */
export function exceptionFile(name: string): string {
  const own = `policies/exceptions/${name}.ts`;
  return existsSync(own) ? own : 'policies/exceptions/index.ts';
}

/**
 * Every environment an exception names must be one of the fleet: each environment picks the
 * exceptions that name it, so a misspelt or removed environment would drop the exception without a
 * word (and a renamed production would lose a waiver someone relies on, or keep one nobody reviews).
 */
export function validateExceptionEnvironments(exceptions: readonly PolicyExceptionDefinition[], specs: readonly EnvironmentSpec[]): Violation[] {
  const known = specs.map((spec) => spec.name);
  return exceptions.flatMap((exception) =>
    exception.environments.flatMap((environment, i): Violation[] =>
      known.includes(environment)
        ? []
        : [
            {
              environment,
              path: exceptionFile(exception.name),
              field: `environments[${i}]`,
              value: showValue(environment),
              problem: `exception ${exception.name} names an environment the fleet does not have, so it would apply nowhere there`,
              fix: `use one of ${known.join(', ')} (ENVIRONMENTS in environments/index.ts), or remove the entry`,
            },
          ],
    ),
  );
}
