import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Tier } from '../core/tier';
import { WorkloadAnalysisTemplate } from './analysis/workload-analysis-template';
import { WorkloadSmokeTemplate } from './analysis/workload-smoke-template';
import { DeliveredWorkload } from './delivered-workload';
import type { DeliveredWorkloadSpec } from './delivery-spec';
import { tierStrategy } from './delivery-tiers';

/** The folder (`dist/k8s/<env>/<component>/`) and chart id of one delivered workload. */
export function workloadComponent(workload: Pick<DeliveredWorkloadSpec, 'name'>): string {
  return `workload-${workload.name}`;
}

export interface WorkloadChartProps extends ChartProps {
  readonly tier: Tier;
  readonly workload: DeliveredWorkloadSpec;
  /**
   * The environment's name, owner and cost centre: labels `env`, `owner` and `cost-centre` on the
   * namespace and every pod (the catalog's require-labels, 1.2.0 with `env`).
   */
  readonly ownership: { readonly environment: string; readonly owner: string; readonly costCentre: string };
  /**
   * Declare the workload's Namespace in its folder. A tenant's workload runs in a namespace the
   * platform's tenancy folder owns (with the tenant's labels, quota and NetworkPolicies), so its
   * folder must not declare it too (two Applications would fight over it).
   * @default true
   */
  readonly declareNamespace?: boolean;
}

/**
 * One delivered workload's folder: its Namespace and everything the DeliveredWorkload construct
 * renders, and the AnalysisTemplate that judges its new versions (constructs/delivery/analysis), so
 * one ApplicationSet syncs the workload whole.
 */
export class WorkloadChart extends Chart {
  readonly workload: DeliveredWorkload;

  constructor(scope: Construct, id: string, props: WorkloadChartProps) {
    super(scope, id, props);
    const ownership = { owner: props.ownership.owner, 'cost-centre': props.ownership.costCentre, env: props.ownership.environment };
    if (props.declareNamespace ?? true) {
      new ApiObject(this, 'namespace', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: props.workload.namespace,
          labels: {
            ...ownership,
            // The pods meet the restricted standard (workload-pod-template.ts), so the namespace enforces it.
            'pod-security.kubernetes.io/enforce': 'restricted',
            'pod-security.kubernetes.io/warn': 'restricted',
            'pod-security.kubernetes.io/audit': 'restricted',
          },
        },
      });
    }
    this.workload = new DeliveredWorkload(this, 'workload', { tier: props.tier, workload: props.workload, podLabels: ownership });
    // The AnalysisTemplate the Rollout names (analysisReference), beside it so one sync delivers
    // both. The workload's alert rules use the same expressions in the delivered-workloads
    // monitoring domain (constructs/monitoring/domains/delivered-workloads.ts).
    new WorkloadAnalysisTemplate(this, `${props.workload.name}-analysis`, { environment: props.ownership.environment, workload: props.workload });
    // A blue-green preview's smoke requests, which its pre-promotion analysis names beside the health
    // template (rollout-strategy.ts). Only blue-green has a preview to call.
    const smokeTest = props.workload.smokeTest;
    if (smokeTest !== undefined && tierStrategy(props.tier, props.workload) === 'blueGreen') {
      new WorkloadSmokeTemplate(this, `${props.workload.name}-smoke`, { workload: props.workload, smokeTest });
    }
  }
}
