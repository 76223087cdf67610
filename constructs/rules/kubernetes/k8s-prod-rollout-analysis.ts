import { type Finding, finding } from '../../core/finding';
import { analysisVerdictFindings } from '../inspect/analysis-verdicts';
import { canaryJudgement } from '../inspect/canary-judgement';
import { type RolloutAnalyses, rolloutAnalyses } from '../inspect/rollout-analyses';
import type { KubernetesRule } from '../types';

const CANARY_FIX = '(the DeliveredWorkload construct puts an analysis step after every setWeight; do not give a production workload canarySteps: [])';

/** What the strategy leaves unjudged: a blue-green without analysis, a canary shift nothing judges. */
function strategyFindings(rollout: RolloutAnalyses): Finding[] {
  if (rollout.strategy === 'blueGreen') {
    if (rollout.analyses.length > 0) return [];
    return [
      finding(
        'spec.strategy.blueGreen.prePromotionAnalysis',
        undefined,
        'promotes without analysis',
        'set prePromotionAnalysis and postPromotionAnalysis to the workload analysis (the DeliveredWorkload construct does for blueGreen)',
      ),
    ];
  }
  if (rollout.strategy === 'none') return [finding('spec.strategy', undefined, 'has neither a canary nor a blueGreen strategy', 'use the DeliveredWorkload construct')];
  const judgement = canaryJudgement(rollout.steps, rollout.backgroundStart);
  if (judgement.allAtOnce) {
    return [
      finding(
        'spec.strategy.canary.steps',
        rollout.steps.length === 0 ? undefined : rollout.steps,
        'shifts every pod to the new version at once (no setWeight below 100) before any analysis could judge part of them',
        `add setWeight steps below 100, each followed by an analysis step ${CANARY_FIX}`,
      ),
    ];
  }
  return judgement.unjudged.map((shift) =>
    finding(
      `spec.strategy.canary.steps[${shift.step}].setWeight`,
      shift.weight,
      `shifts ${shift.weight}% of the pods to the new version, then ${shift.nextShift === undefined ? 'promotes fully at the end of the steps' : `shifts more at steps[${shift.nextShift}]`} before any analysis judged them`,
      `add an analysis step after steps[${shift.step}]${shift.nextShift === undefined ? '' : ` and before steps[${shift.nextShift}]`}, or a background analysis (canary.analysis) with startingStep at most ${shift.step} ${CANARY_FIX}`,
    ),
  );
}

/**
 * A production Rollout judges its new version before it is fully promoted, with analyses that can
 * fail: a canary judges every share of pods it shifts (an analysis step before the next setWeight,
 * or a background analysis already started), a blue-green runs a pre- or post-promotion analysis;
 * every analysis names AnalysisTemplates the environment renders, none in dry-run mode, each
 * metric with a condition that can fail (inspect/analysis-verdicts.ts, inspect/canary-judgement.ts).
 * Otherwise nothing aborts a bad release: the Rollout only stops for a crash or a missed deadline.
 */
export const k8sProdRolloutAnalysis: KubernetesRule = {
  id: 'k8s-prod-rollout-analysis',
  engine: 'kubernetes',
  level: 'error',
  title: 'Production Rollouts run an analysis that can fail before full promotion',
  rationale:
    'Automated rollback needs a verdict: an AnalysisRun that fails aborts the Rollout back to the stable version. ' +
    'A production Rollout without analysis, or with one that cannot fail (dry-run, no template, no failing condition) or comes after every pod moved, promotes whatever becomes ready, errors and latency included.',
  controls: {
    soc2: ['CC7.1', 'CC8.1'],
    pciDss: ['6.5.1'],
    iso27001: ['A.8.32'],
    gdpr: [],
  },
  objectTypes: ['argoproj.io/v1alpha1/Rollout'],
  check(manifest, context) {
    const rollout = rolloutAnalyses(manifest);
    const scope = { namespace: manifest.metadata.namespace, objects: context.objects, judged: new Set<string>() };
    const where = `${context.environment.name} is a production environment: Rollout ${manifest.metadata.namespace ?? ''}/${manifest.metadata.name}`;
    return [
      ...strategyFindings(rollout).map((f) => ({ ...f, problem: `${where} ${f.problem}, so a failing release is never rolled back automatically` })),
      // Each analysis finding says itself why nothing can abort the release.
      ...rollout.analyses.flatMap((analysis) => analysisVerdictFindings(analysis, scope).map((f) => ({ ...f, problem: `${where}, at ${analysis.field}, ${f.problem}` }))),
    ];
  },
};
