import { finding } from '../../core/finding';
import { applicationSpecsOf } from '../inspect/argo-applications';
import type { KubernetesRule } from '../types';

/**
 * Production Applications (and ApplicationSet templates) never auto-prune (seed WS3: accidental
 * deletion). One rule where there were two (the guardrail `prod-no-auto-prune` and the compliance
 * rule of this id): it refuses the synth and puts the decision in the compliance report.
 */
export const k8sProdNoAutoPrune: KubernetesRule = {
  id: 'k8s-prod-no-auto-prune',
  engine: 'kubernetes',
  level: 'error',
  title: 'Production Argo CD Applications do not delete resources on their own',
  rationale:
    'With auto-prune, a deleted or renamed file in Git deletes live production resources (and their data) at the ' +
    'next sync, without review. Pruning by hand keeps deletions a deliberate, reviewed change.',
  controls: {
    soc2: ['A1.2', 'CC8.1'],
    pciDss: ['6.5.1'],
    iso27001: ['A.8.32'],
    gdpr: ['Art. 32'],
  },
  objectTypes: ['argoproj.io/v1alpha1/Application', 'argoproj.io/v1alpha1/ApplicationSet'],
  check(manifest, context) {
    return applicationSpecsOf(manifest)
      .filter((found) => found.spec.syncPolicy?.automated?.prune === true)
      .map((found) =>
        finding(
          `${found.prefix}.syncPolicy.automated.prune`,
          true,
          `${context.environment.name} is a production environment and forbids auto-prune`,
          'set sync.prune: false in the environment spec; prune by hand after review',
        ),
      );
  },
};
