import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { IService } from 'kubernetes-models/v1/Service';
import type { Tier } from '../core/tier';
import { addStructuredValidation } from '../rules/structured-validation';
import { ROLLOUTS_POD_TEMPLATE_HASH_LABEL } from './analysis-contract';
import type { DeliveredWorkloadSpec } from './delivery-spec';
import { MIN_READY_SECONDS, PROGRESS_DEADLINE_SECONDS } from './delivery-tiers';
import { rolloutStrategy, workloadServiceNames } from './rollout-strategy';
import { ROLLOUT_API_VERSION, ROLLOUT_KIND, type RolloutSpec } from './rollout-types';
import { rolloutSpecFindings } from './rollout-validation';
import { workloadNetworkPolicies } from './workload-network-policies';
import { workloadPodTemplate, workloadSelector } from './workload-pod-template';

export interface DeliveredWorkloadProps {
  readonly tier: Tier;
  readonly workload: DeliveredWorkloadSpec;
  /** Labels every pod carries besides the selector: the `owner` and `cost-centre` the estate's require-labels policy wants. */
  readonly podLabels: Readonly<Record<string, string>>;
}

/**
 * The `job` label of the workload's series: the PodMonitor's `<namespace>/<name>`
 * (prometheus-operator v0.79.2 pkg/prometheus/promcfg.go, the PodMonitor job relabeling).
 */
export function workloadMetricsJob(workload: Pick<DeliveredWorkloadSpec, 'name' | 'namespace'>): string {
  return `${workload.namespace}/${workload.name}`;
}

/**
 * A Deployment-shaped workload delivered by Argo Rollouts: its `Rollout` (inline pod template,
 * strategy from the tier: constructs/delivery/rollout-strategy.ts), the ServiceAccount its pods
 * run as, its Services (blue-green: active and preview), a PodMonitor that copies the
 * `rollouts-pod-template-hash` pod label onto every series (what lets an analysis judge the new
 * version's pods alone), and the NetworkPolicies through the namespace's default-deny. The
 * AnalysisTemplate the Rollout refers to (analysisReference) is its own construct
 * (constructs/delivery/analysis), added beside this one in the workload's chart.
 */
export class DeliveredWorkload extends Construct {
  readonly rollout: ApiObject;
  readonly rolloutSpec: RolloutSpec;

  constructor(scope: Construct, id: string, props: DeliveredWorkloadProps) {
    super(scope, id);
    const { workload } = props;
    const metadata = (name: string) => ({ name, namespace: workload.namespace });
    const selector = workloadSelector(workload);

    new ApiObject(this, 'service-account', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: metadata(workload.name),
      automountServiceAccountToken: false,
    });

    this.rolloutSpec = {
      replicas: workload.replicas,
      selector: { matchLabels: selector },
      template: workloadPodTemplate({ workload, labels: props.podLabels }),
      minReadySeconds: MIN_READY_SECONDS,
      revisionHistoryLimit: 5,
      progressDeadlineSeconds: PROGRESS_DEADLINE_SECONDS,
      progressDeadlineAbort: true,
      strategy: rolloutStrategy(props.tier, workload),
    };
    this.rollout = new ApiObject(this, 'rollout', { apiVersion: ROLLOUT_API_VERSION, kind: ROLLOUT_KIND, metadata: metadata(workload.name), spec: this.rolloutSpec });
    addStructuredValidation(this, () => rolloutSpecFindings(this.rolloutSpec));

    const served = workload.ports.filter((p) => p.name !== workload.metrics.port);
    const service = (name: string): IService => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(name),
      // Blue-green: the controller adds the rollouts-pod-template-hash of the active (or preview)
      // ReplicaSet to this selector; every other selector label must be on the template
      // (validation_references.go ValidateService).
      spec: { type: 'ClusterIP', selector, ports: served.map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.name, protocol: 'TCP' })) },
    });
    const services = workloadServiceNames(workload);
    new ApiObject(this, 'service', service(services.main));
    if (this.rolloutSpec.strategy.blueGreen !== undefined) new ApiObject(this, 'preview-service', service(services.preview));

    new ApiObject(this, 'pod-monitor', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: metadata(workload.name),
      spec: {
        selector: { matchLabels: selector },
        // `rollouts-pod-template-hash` becomes `rollouts_pod_template_hash` on every series
        // (promcfg.go sanitizeLabelName), so the analysis can select the version under test.
        podTargetLabels: [ROLLOUTS_POD_TEMPLATE_HASH_LABEL],
        podMetricsEndpoints: [{ port: workload.metrics.port, path: workload.metrics.path }],
      },
    });

    for (const policy of workloadNetworkPolicies(workload)) new ApiObject(this, policy.metadata?.name ?? 'network-policy', policy);
  }
}
