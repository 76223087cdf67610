import { finding } from '../../core/finding';
import { hasAnalysis } from '../../delivery/rollout-validation';
import { rolloutView } from '../inspect/rollouts';
import type { KubernetesRule } from '../types';

/**
 * A production Rollout judges its new version before it is fully promoted: a canary has an
 * analysis step or a background analysis, a blue-green a pre- or post-promotion analysis. Without
 * one, nothing aborts a bad release: the Rollout only stops for a crash or a missed deadline.
 */
export const k8sProdRolloutAnalysis: KubernetesRule = {
  id: 'k8s-prod-rollout-analysis',
  engine: 'kubernetes',
  level: 'error',
  title: 'Production Rollouts run an analysis before full promotion',
  rationale:
    'Automated rollback needs a verdict: an AnalysisRun that fails aborts the Rollout back to the stable version. ' +
    'A production Rollout without analysis promotes whatever becomes ready, errors and latency included.',
  controls: {
    soc2: ['CC7.1', 'CC8.1'],
    pciDss: ['6.5.1'],
    iso27001: ['A.8.32'],
    gdpr: [],
  },
  objectTypes: ['argoproj.io/v1alpha1/Rollout'],
  check(manifest, context) {
    const { strategy } = rolloutView(manifest);
    if (hasAnalysis(strategy)) return [];
    const blueGreen = strategy.blueGreen !== undefined;
    return [
      finding(
        blueGreen ? 'spec.strategy.blueGreen.prePromotionAnalysis' : 'spec.strategy.canary.steps',
        undefined,
        `${context.environment.name} is a production environment: Rollout ${manifest.metadata.namespace ?? ''}/${manifest.metadata.name} promotes without analysis, so a failing release is never rolled back automatically`,
        blueGreen
          ? 'set prePromotionAnalysis and postPromotionAnalysis to the workload analysis (the DeliveredWorkload construct does for blueGreen)'
          : 'add an analysis step after each setWeight (the DeliveredWorkload construct does for every canary step; do not give a production workload canarySteps: [])',
      ),
    ];
  },
};
