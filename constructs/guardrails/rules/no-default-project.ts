import { showValue } from '../violation';
import { applicationSpecsOf } from '../argo-applications';
import { ALL_TIERS, type Guardrail, violationAt } from '../guardrail';

/** The default project allows any source, any destination and any kind: nothing may use it. */
export const noDefaultProject: Guardrail = {
  id: 'no-default-project',
  description: 'No Application uses the `default` AppProject, which allows every repository, cluster and kind.',
  tiers: ALL_TIERS,
  check(object, spec) {
    return applicationSpecsOf(object)
      .filter((found) => found.spec.project === undefined || found.spec.project === '' || found.spec.project === 'default')
      .map((found) =>
        violationAt(object, spec, this.id, {
          field: `${found.prefix}.project`,
          value: showValue(found.spec.project),
          problem: 'the application is in the default AppProject, which has no limits',
          fix: 'pass an AppProject object (e.g. the platform project) as `project`',
        }),
      );
  },
};
