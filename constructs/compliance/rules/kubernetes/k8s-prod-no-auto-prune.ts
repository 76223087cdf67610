import { applicationSpecsOf } from '../../../guardrails/argo-applications';
import { COMPLIANT, nonCompliant } from '../../outcome';
import type { KubernetesComplianceRule } from '../../types';

/**
 * Production Applications (and ApplicationSet templates) never auto-prune. The guardrail
 * `prod-no-auto-prune` refuses the same objects; this rule puts the decision in the compliance
 * report with its control mappings.
 */
export const k8sProdNoAutoPrune: KubernetesComplianceRule = {
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
  tiers: ['production'],
  objectTypes: ['argoproj.io/v1alpha1/Application', 'argoproj.io/v1alpha1/ApplicationSet'],
  check(manifest, context) {
    const pruning = applicationSpecsOf({ constructPath: '', manifest }).find((found) => found.spec.syncPolicy?.automated?.prune === true);
    if (pruning === undefined) return COMPLIANT;
    return nonCompliant(
      `${pruning.prefix}.syncPolicy.automated.prune`,
      true,
      `${context.spec.name} is a production environment and forbids auto-prune`,
      'set sync.prune: false in the environment spec; prune by hand after review',
    );
  },
};
