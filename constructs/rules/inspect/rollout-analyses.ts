import type { KubeManifest } from '../../synth/kube-manifest';
import { isRecord } from './attributes';

/**
 * Where a synthesized Argo Rollouts `Rollout` names analysis, read loosely (any field may be
 * missing or of the wrong type: the object may be written by hand). Fields after argo-rollouts
 * v1.7.2/v1.8.0 pkg/apis/rollouts/v1alpha1/types.go (`RolloutAnalysis`, `RolloutAnalysisBackground`,
 * `CanaryStep`, `BlueGreenStrategy`).
 */

/** One `RolloutAnalysis` of the Rollout and the field it is at (`spec.strategy.canary.steps[1].analysis`). */
export interface LocatedAnalysis {
  readonly field: string;
  /** The `RolloutAnalysis` as written (`templates`, `args`, `dryRun`, `measurementRetention`). */
  readonly analysis: Readonly<Record<string, unknown>>;
}

/** A canary step as the guardrail reads it: the weight it shifts to, or whether it runs an analysis. */
export interface LooseCanaryStep {
  readonly setWeight?: unknown;
  readonly analysis?: unknown;
}

export interface RolloutAnalyses {
  readonly strategy: 'canary' | 'blueGreen' | 'none';
  /** Every analysis the Rollout names, in spec order. */
  readonly analyses: readonly LocatedAnalysis[];
  /** Canary only: its steps (`[]` without steps: a rolling update). */
  readonly steps: readonly LooseCanaryStep[];
  /**
   * Canary only: the step index the background analysis (`canary.analysis`) starts at
   * (`startingStep`, default 0), or `undefined` without one.
   */
  readonly backgroundStart?: number;
}

function located(field: string, analysis: unknown): LocatedAnalysis[] {
  if (analysis === undefined || analysis === null) return [];
  return [{ field, analysis: isRecord(analysis) ? analysis : {} }];
}

/** The analyses a Rollout runs and, for a canary, the steps they must judge. */
export function rolloutAnalyses(manifest: KubeManifest): RolloutAnalyses {
  const spec = isRecord(manifest.spec) ? manifest.spec : {};
  const strategy = isRecord(spec.strategy) ? spec.strategy : {};
  if (isRecord(strategy.blueGreen)) {
    const blueGreen = strategy.blueGreen;
    const base = 'spec.strategy.blueGreen';
    return {
      strategy: 'blueGreen',
      analyses: [...located(`${base}.prePromotionAnalysis`, blueGreen.prePromotionAnalysis), ...located(`${base}.postPromotionAnalysis`, blueGreen.postPromotionAnalysis)],
      steps: [],
    };
  }
  if (!isRecord(strategy.canary)) return { strategy: 'none', analyses: [], steps: [] };
  const canary = strategy.canary;
  const steps: LooseCanaryStep[] = Array.isArray(canary.steps) ? canary.steps.map((step: unknown) => (isRecord(step) ? step : {})) : [];
  const background = isRecord(canary.analysis) ? canary.analysis : undefined;
  const startingStep = background?.startingStep;
  return {
    strategy: 'canary',
    analyses: [...located('spec.strategy.canary.analysis', canary.analysis), ...steps.flatMap((step, i) => located(`spec.strategy.canary.steps[${i}].analysis`, step.analysis))],
    steps,
    ...(background === undefined ? {} : { backgroundStart: typeof startingStep === 'number' ? startingStep : 0 }),
  };
}
