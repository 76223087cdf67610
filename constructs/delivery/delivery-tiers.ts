import { Duration } from 'cdk8s';
import type { Tier } from '../core/tier';
import type { CanaryStepSpec, DeliveredWorkloadSpec, DeliveryStrategy } from './delivery-spec';

/**
 * What each tier does with a delivered workload (argo-rollouts v1.8.0 / v1.7.2 semantics):
 *
 * - development: `canary` without steps, a rolling update bounded by maxSurge/maxUnavailable
 *   (utils/replicaset/canary.go: no step -> weight 100), so every tier ships one kind and the
 *   aborted-rollout alert covers dev too.
 * - staging: a canary with steps; analysis after each weight; a step without pause waits for a person.
 * - production: the workload's choice, canary (as staging) or blue-green with analysis before and
 *   after promotion and manual promotion.
 */
export type TierStrategy = 'rollingUpdate' | DeliveryStrategy;

export function tierStrategy(tier: Tier, workload: Pick<DeliveredWorkloadSpec, 'strategy'>): TierStrategy {
  if (tier === 'development') return 'rollingUpdate';
  if (tier === 'staging') return 'canary';
  return workload.strategy ?? 'canary';
}

/**
 * The steps of a tier without `canarySteps`: weights that are whole quarters, so 4 or 8 replicas
 * realise them exactly (no traffic router: a weight is a share of the pods); the last step has no
 * pause, so a person promotes to 100 %.
 */
export const DEFAULT_CANARY_STEPS: Readonly<Record<Exclude<Tier, 'development'>, readonly CanaryStepSpec[]>> = {
  staging: [{ weight: 25, pause: Duration.minutes(5) }, { weight: 50 }],
  production: [{ weight: 25, pause: Duration.minutes(10) }, { weight: 50, pause: Duration.minutes(10) }, { weight: 75 }],
};

/** The steps a canary of this tier runs: the workload's own, or the tier's. */
export function canaryStepsOf(tier: Tier, workload: Pick<DeliveredWorkloadSpec, 'canarySteps'>): readonly CanaryStepSpec[] {
  if (tier === 'development') return [];
  return workload.canarySteps ?? DEFAULT_CANARY_STEPS[tier];
}

/**
 * The rolling update of development: one extra pod at a time and none taken away before its
 * replacement is ready (maxSurge and maxUnavailable may not both be 0: validation.go).
 */
export const ROLLING_UPDATE = { maxSurge: 1, maxUnavailable: 0 } as const;

/**
 * How long a new version may take to become available before the Rollout aborts back to stable
 * (`progressDeadlineAbort`: rollout/sync.go adds an abort on ProgressDeadlineExceeded, so a
 * crash-looping image raises the aborted-rollout alert instead of sitting in `Timeout`).
 */
export const PROGRESS_DEADLINE_SECONDS = 600;

/** A pod counts as available after it stayed ready this long. Must stay below the deadline (validation.go). */
export const MIN_READY_SECONDS = 10;
