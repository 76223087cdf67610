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
 * The AnalysisTemplate that sends a blue-green preview its smoke requests (`web` metric): the traffic
 * the health template judges before promotion, when the preview has no clients.
 */
export function smokeTemplateName(workload: Pick<DeliveredWorkloadSpec, 'name'>): string {
  return `${workload.name}-smoke`;
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

/**
 * The blue-green pre-promotion analysis: the health template and the smoke template, which the
 * controller merges into one AnalysisRun (argo-rollouts v1.7.2 utils/analysis/helpers.go
 * NewAnalysisRunFromTemplates: flattenMetrics refuses two metrics of one name, flattenArgs joins
 * the templates' args; MergeArgs sets the Rollout's values on the args a template declares and
 * ignores the others, then refuses any declared arg left without a value). The smoke template
 * declares no arg, so the one hash argument serves both.
 */
export function previewAnalysisReference(workload: Pick<DeliveredWorkloadSpec, 'name'>): ReturnType<typeof analysisReference> {
  const health = analysisReference(workload);
  return { ...health, templates: [...health.templates, { templateName: smokeTemplateName(workload) }] };
}
