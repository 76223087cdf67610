import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { TERRAFORM_DRIFT_METRICS } from '../../drift/drift-check-contract';
import type { DriftCheckEnvironment } from '../../drift/drift-check-schedule';
import { gitopsDashboard } from './gitops-dashboard';
import { barGaugePanel, inClusters, PROBLEM_COUNT, stateTimelinePanel, statPanel, tablePanel } from './panels';

/**
 * The scheduled `terraform plan -detailed-exitcode` of each stack, as the drift-check jobs push it
 * to the Pushgateway (metrics of the terraform-drift domain).
 */
export function terraformDriftDashboard(spec: DriftCheckEnvironment): dashboard.Dashboard {
  // A healthy stack reports within an interval plus the job's deadline, never two intervals apart;
  // TerraformDriftCheckNotRun fires after two and a half.
  const interval = spec.infrastructure.driftCheckIntervalMinutes * 60;
  const drifted = inClusters(TERRAFORM_DRIFT_METRICS.detected);
  return gitopsDashboard(
    {
      uid: 'gitops-cdk-terraform-drift',
      title: 'Terraform drift',
      description: `Terraform stacks of ${spec.name} whose cloud resources differ from the code, and whether the drift check of each stack still runs (every ${spec.infrastructure.driftCheckIntervalMinutes} minutes).`,
    },
    {
      clusterSource: TERRAFORM_DRIFT_METRICS.detected,
      sections: [
        {
          title: 'Now',
          panels: [
            statPanel({
              title: 'Drifted stacks',
              description: 'Stacks whose last plan found changes (gitops:terraform_drifted_stacks:count).',
              queries: [{ expr: `sum(${inClusters('gitops:terraform_drifted_stacks:count')})` }],
              ...PROBLEM_COUNT,
              width: 6,
            }),
            tablePanel({
              title: 'Stacks with drift',
              description: 'Each stack whose last plan exited 2: its cloud resources differ from the code (gitops_terraform_drift_detected == 1).',
              queries: [{ expr: `max by (stack, cloud) (${drifted}) == 1` }],
              width: 9,
            }),
            tablePanel({
              title: 'Failed drift checks',
              description: 'Each stack whose last plan errored, so its drift is unknown (gitops_terraform_drift_check_success == 0).',
              queries: [{ expr: `min by (stack, cloud) (${inClusters(TERRAFORM_DRIFT_METRICS.success)}) == 0` }],
              width: 9,
            }),
          ],
        },
        {
          title: 'Checks',
          panels: [
            barGaugePanel({
              title: 'Time since last drift check',
              description: `Age of each stack's last drift check (time() - gitops_terraform_drift_check_last_run_timestamp_seconds). Checks run every ${spec.infrastructure.driftCheckIntervalMinutes} minutes: orange past two intervals (a run is missing), red past two and a half (TerraformDriftCheckNotRun fires).`,
              queries: [
                {
                  expr: `sort_desc(time() - max by (stack, cloud) (${inClusters(TERRAFORM_DRIFT_METRICS.lastRun)}))`,
                  legend: '{{stack}}',
                },
              ],
              unit: units.Seconds,
              thresholds: [
                { from: 2 * interval, color: 'orange' },
                { from: 2.5 * interval, color: 'red' },
              ],
              width: 12,
            }),
            stateTimelinePanel({
              title: 'Drift per stack over time',
              description: 'Red while the last plan of a stack found drift (gitops_terraform_drift_detected).',
              queries: [{ expr: `max by (stack) (${drifted})`, legend: '{{stack}}' }],
              thresholds: [{ from: 1, color: 'red' }],
              width: 12,
            }),
          ],
        },
      ],
    },
  );
}
