import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { analysisReference } from './analysis-contract';

/**
 * The part of the Argo Rollouts `Rollout` (argoproj.io/v1alpha1) the estate writes, typed after
 * argo-rollouts pkg/apis/rollouts/v1alpha1/types.go at v1.8.0 and v1.7.2 (identical for these
 * fields). Only fields both versions have: prod runs chart 2.38.0 (v1.7.2), whose CRD schema
 * refuses the v1.8.0 additions under strict field validation.
 */

/** `RolloutAnalysis`: the templates a step, a blue-green promotion or the background analysis runs. */
export type RolloutAnalysis = ReturnType<typeof analysisReference>;

/** `CanaryStep`: exactly one of these fields (validation.go `hasMultipleStepsType`). */
export interface CanaryStep {
  /** Percentage of the replicas on the new version (no traffic router: a replica ratio). */
  readonly setWeight?: number;
  /** Without `duration`: paused until someone promotes. Go duration string (`5m`) or seconds. */
  readonly pause?: { readonly duration?: string };
  /** Blocks the step until the AnalysisRun completes; Failed or Error aborts the Rollout. */
  readonly analysis?: RolloutAnalysis;
}

export interface CanaryStrategy {
  /** @default 25% */
  readonly maxSurge?: number | string;
  /** @default 25% */
  readonly maxUnavailable?: number | string;
  /** Absent: no steps, the new ReplicaSet goes straight to 100 % (a rolling update). */
  readonly steps?: readonly CanaryStep[];
}

export interface BlueGreenStrategy {
  readonly activeService: string;
  readonly previewService?: string;
  readonly autoPromotionEnabled?: boolean;
  readonly prePromotionAnalysis?: RolloutAnalysis;
  readonly postPromotionAnalysis?: RolloutAnalysis;
}

export interface RolloutStrategy {
  readonly canary?: CanaryStrategy;
  readonly blueGreen?: BlueGreenStrategy;
}

export interface RolloutSpec {
  readonly replicas: number;
  readonly selector: { readonly matchLabels: Readonly<Record<string, string>> };
  readonly template: IPodTemplateSpec;
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit?: number;
  readonly progressDeadlineSeconds?: number;
  /** Abort (back to stable, `rollout_info{phase="Abort"}`) instead of `Timeout` when the deadline passes. */
  readonly progressDeadlineAbort?: boolean;
  readonly strategy: RolloutStrategy;
}

export const ROLLOUT_API_VERSION = 'argoproj.io/v1alpha1';
export const ROLLOUT_KIND = 'Rollout';
