import { EXCEPTION_ANNOTATIONS } from '../../kyverno/policy-exception';
import { isPolicyException } from '../kyverno-objects';
import { showValue } from '../violation';
import { type Guardrail, violationAt } from '../guardrail';

/** A production exception without an end date becomes the policy: every waiver is reviewed again. */
export const prodExceptionExpiry: Guardrail = {
  id: 'prod-exception-expiry',
  description: 'Every Kyverno PolicyException in production has an expiry date, after which synth refuses it.',
  tiers: ['production'],
  check(object, spec) {
    const { manifest } = object;
    if (!isPolicyException(manifest) || manifest.metadata.annotations?.[EXCEPTION_ANNOTATIONS.expires] !== undefined) return [];
    return [
      violationAt(object, spec, this.id, {
        field: `metadata.annotations["${EXCEPTION_ANNOTATIONS.expires}"]`,
        value: showValue(undefined),
        problem: `${spec.name} is a production environment: exception ${manifest.metadata.name} never expires`,
        fix: `set expires: 'YYYY-MM-DD' in policies/exceptions/${manifest.metadata.name}.ts (at most a quarter ahead is the norm)`,
      }),
    ];
  },
};
