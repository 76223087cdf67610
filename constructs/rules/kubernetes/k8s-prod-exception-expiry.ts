import { unless } from '../../core/finding';
import { EXCEPTION_ANNOTATIONS } from '../../kubernetes/gitops-cdk-labels';
import type { KubernetesRule } from '../types';

/** A production exception without an end date becomes the policy: every waiver is reviewed again. */
export const k8sProdExceptionExpiry: KubernetesRule = {
  id: 'k8s-prod-exception-expiry',
  engine: 'kubernetes',
  level: 'error',
  title: 'Every production Kyverno PolicyException has an expiry date',
  rationale:
    'An exception without an end date outlives the reason it was granted for and quietly becomes the policy. ' +
    'An expiry forces a new review; synth refuses the exception once the date has passed.',
  controls: {
    soc2: ['CC3.2', 'CC8.1'],
    pciDss: ['12.3.1'],
    iso27001: ['A.5.36'],
    gdpr: ['Art. 5(2)'],
  },
  objectTypes: ['kyverno.io/v2/PolicyException', 'kyverno.io/v2beta1/PolicyException', 'kyverno.io/v2alpha1/PolicyException'],
  check(manifest, context) {
    return unless(
      manifest.metadata.annotations?.[EXCEPTION_ANNOTATIONS.expires] !== undefined,
      `metadata.annotations["${EXCEPTION_ANNOTATIONS.expires}"]`,
      undefined,
      `${context.environment.name} is a production environment: exception ${manifest.metadata.name} never expires`,
      `set expires: 'YYYY-MM-DD' in policies/exceptions/${manifest.metadata.name}.ts (at most a quarter ahead is the norm)`,
    );
  },
};
