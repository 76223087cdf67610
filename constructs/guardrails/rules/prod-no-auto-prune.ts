import { showValue } from '../violation';
import { applicationSpecsOf } from '../argo-applications';
import { type Guardrail, violationAt } from '../guardrail';

/** Production never lets Argo CD delete live resources on its own (seed WS3: accidental deletion). */
export const prodNoAutoPrune: Guardrail = {
  id: 'prod-no-auto-prune',
  description: 'Production Applications never auto-prune: a deleted or renamed file must not delete live resources.',
  tiers: ['production'],
  check(object, spec) {
    return applicationSpecsOf(object)
      .filter((found) => found.spec.syncPolicy?.automated?.prune === true)
      .map((found) =>
        violationAt(object, spec, this.id, {
          field: `${found.prefix}.syncPolicy.automated.prune`,
          value: showValue(true),
          problem: `${spec.name} is a production environment and forbids auto-prune`,
          fix: 'set sync.prune: false in the environment spec; prune by hand after review',
        }),
      );
  },
};
