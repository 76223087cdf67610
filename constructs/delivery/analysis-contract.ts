import type { DeliveredWorkloadSpec } from './delivery-spec';

/**
 * What a delivered workload's Rollout (constructs/delivery) and its analysis (constructs/delivery/analysis)
 * must agree on: the AnalysisTemplate's name and the argument that picks the pods of the version under test.
 */

/**
 * The pod label Argo Rollouts puts on every pod of a ReplicaSet it manages, valued with the
 * ReplicaSet's pod template hash (argo-rollouts v1.8.0/v1.7.2 pkg/apis/rollouts/v1alpha1/types.go
 * `DefaultRolloutUniqueLabelKey`).
 */
export const ROLLOUTS_POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';

/**
 * The same label on the workload's metrics: the PodMonitor copies it to every series
 * (`podTargetLabels`), and Prometheus turns `-` into `_` in label names.
 */
export const POD_TEMPLATE_HASH_METRIC_LABEL = 'rollouts_pod_template_hash';

/** The AnalysisTemplate argument holding the pod template hash of the version under test. */
export const POD_TEMPLATE_HASH_ARG = 'pod-template-hash';

/** The AnalysisTemplate judging one workload's new version (success ratio, latency, saturation). */
export function analysisTemplateName(workload: Pick<DeliveredWorkloadSpec, 'name'>): string {
  return `${workload.name}-health`;
}

/**
 * How a Rollout names the analysis of its newest version: the template, and the hash of the
 * ReplicaSet being introduced (`valueFrom.podTemplateHashValue: Latest`: the canary, or the
 * blue-green preview before promotion and the new active after it).
 */
export function analysisReference(workload: Pick<DeliveredWorkloadSpec, 'name'>): {
  readonly templates: readonly { readonly templateName: string }[];
  readonly args: readonly { readonly name: string; readonly valueFrom: { readonly podTemplateHashValue: 'Latest' } }[];
} {
  return {
    templates: [{ templateName: analysisTemplateName(workload) }],
    args: [{ name: POD_TEMPLATE_HASH_ARG, valueFrom: { podTemplateHashValue: 'Latest' } }],
  };
}
