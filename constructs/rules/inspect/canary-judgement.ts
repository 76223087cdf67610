import type { LooseCanaryStep } from './rollout-analyses';

/**
 * Whether a canary judges each part of the traffic it shifts before it shifts more. The controller
 * runs the steps in order (argo-rollouts v1.7.2/v1.8.0 rollout/canary.go): a `setWeight` moves that
 * share of the pods to the new version at once; an `analysis` step blocks until its AnalysisRun
 * completes, and a Failed or Error run aborts back to the stable version (rollout/analysis.go
 * reconcileStepBasedAnalysisRun); after the last step the new version takes everything. A background
 * analysis (`canary.analysis`) runs beside the steps from `startingStep` on (default 0;
 * utils/replicaset/canary.go BeforeStartingStep) and aborts whenever its run fails.
 *
 * So a share below 100 % is judged when an analysis step comes after it and before the next
 * `setWeight` (or the end), or when the background analysis has started by its step. A canary with
 * no share below 100 % (no steps: a rolling update; or straight to 100) moves every pod before
 * anything could judge a part of them.
 */

/** A `setWeight` step that shifts part of the traffic and is not judged before the next shift. */
export interface UnjudgedShift {
  /** Index of the `setWeight` step. */
  readonly step: number;
  readonly weight: number;
  /** Index of the next `setWeight` step, or `undefined` when the end of the steps promotes fully. */
  readonly nextShift?: number;
}

export interface CanaryJudgement {
  /** The canary shifts no share below 100 %: every pod moves at once. */
  readonly allAtOnce: boolean;
  readonly unjudged: readonly UnjudgedShift[];
}

function weightOf(step: LooseCanaryStep): number | undefined {
  return typeof step.setWeight === 'number' ? step.setWeight : undefined;
}

export function canaryJudgement(steps: readonly LooseCanaryStep[], backgroundStart: number | undefined): CanaryJudgement {
  const shifts = steps.flatMap((step, i) => {
    const weight = weightOf(step);
    return weight === undefined ? [] : [{ step: i, weight }];
  });
  // setWeight 0 exposes no pod: nothing to judge yet.
  const partial = shifts.filter((shift) => shift.weight > 0 && shift.weight < 100);
  const unjudged = partial.flatMap((shift) => {
    const nextShift = shifts.find((later) => later.step > shift.step)?.step;
    const between = steps.slice(shift.step + 1, nextShift ?? steps.length);
    const judgedByStep = between.some((step) => step.analysis !== undefined && step.analysis !== null);
    const judgedInBackground = backgroundStart !== undefined && backgroundStart <= shift.step;
    if (judgedByStep || judgedInBackground) return [];
    return [{ step: shift.step, weight: shift.weight, ...(nextShift === undefined ? {} : { nextShift }) }];
  });
  return { allAtOnce: partial.length === 0, unjudged };
}
