import { argoDuration } from '../argocd/argo-duration';
import type { Tier } from '../core/tier';
import { analysisReference, previewAnalysisReference } from './analysis-contract';
import type { CanaryStepSpec, DeliveredWorkloadSpec } from './delivery-spec';
import { canaryStepsOf, ROLLING_UPDATE, tierStrategy } from './delivery-tiers';
import type { CanaryStep, RolloutStrategy } from './rollout-types';

/** The Services a workload's Rollout points at (blue-green: the active one serves, the preview one shows the new version). */
export interface WorkloadServiceNames {
  /** Always there: the Service clients call (blue-green: `activeService`). */
  readonly main: string;
  /** Blue-green only: the new version before promotion (`previewService`). */
  readonly preview: string;
}

export function workloadServiceNames(workload: Pick<DeliveredWorkloadSpec, 'name'>): WorkloadServiceNames {
  return { main: workload.name, preview: `${workload.name}-preview` };
}

/**
 * One spec step as Rollout steps: shift the pods (`setWeight`), judge them (`analysis`, which blocks
 * until its run completes; Failed or Error aborts: rollout/analysis.go
 * reconcileStepBasedAnalysisRun), then wait the step's pause, or for a person without one.
 */
function canarySteps(workload: Pick<DeliveredWorkloadSpec, 'name'>, steps: readonly CanaryStepSpec[]): CanaryStep[] {
  const analysis = analysisReference(workload);
  return steps.flatMap((step) => [{ setWeight: step.weight }, { analysis }, { pause: step.pause === undefined ? {} : { duration: argoDuration(step.pause) } }]);
}

/**
 * The Rollout strategy of a workload in a tier (constructs/delivery/delivery-tiers.ts). Without a
 * traffic router (the estate has none) a canary's weight is the share of pods on the new version
 * behind one plain Service, so no canary/stable Service is set: the controller would pin their
 * selectors to one ReplicaSet each and the main Service would stop reaching the canary.
 */
export function rolloutStrategy(tier: Tier, workload: DeliveredWorkloadSpec): RolloutStrategy {
  const strategy = tierStrategy(tier, workload);
  if (strategy === 'rollingUpdate') return { canary: { ...ROLLING_UPDATE } };
  if (strategy === 'canary') return { canary: { ...ROLLING_UPDATE, steps: canarySteps(workload, canaryStepsOf(tier, workload)) } };
  const services = workloadServiceNames(workload);
  const analysis = analysisReference(workload);
  return {
    blueGreen: {
      activeService: services.main,
      previewService: services.preview,
      // A person promotes after the pre-promotion analysis passed (`kubectl argo rollouts promote`).
      autoPromotionEnabled: false,
      // Before promotion the preview has no clients: the smoke template sends it the requests the
      // health metrics judge (workload-smoke-template.ts). After it, clients are the traffic.
      prePromotionAnalysis: workload.smokeTest === undefined ? analysis : previewAnalysisReference(workload),
      postPromotionAnalysis: analysis,
      // No scaleDownDelaySeconds: with post-promotion analysis the controller then keeps the old
      // ReplicaSet until the run completes, so a failing run can still switch back (docs/features/bluegreen.md).
    },
  };
}
