import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { argoDuration } from '../../argocd/argo-duration';
import type { DriftDetectionSpec } from '../../drift/drift-detection-spec';
import { gitopsDashboard } from './gitops-dashboard';
import { inClusters, PROBLEM_COUNT, SEVERITY_COLORS, statPanel, type ThresholdStep, tablePanel, timeseriesPanel } from './panels';

/** Sync success below this share of syncs is a problem worth a look; below the next, an incident. */
const SYNC_SUCCESS_STEPS: readonly ThresholdStep[] = [
  { from: 0.9, color: 'orange' },
  { from: 0.99, color: 'green' },
];

/** What the drift dashboard reads of an environment: its name and its drift policy's timings. */
export interface DriftDashboardEnvironment {
  readonly name: string;
  readonly driftDetection: Pick<DriftDetectionSpec, 'interval' | 'remediation'>;
}

/**
 * Drift should be seen within one Argo CD reconciliation (the environment's
 * `driftDetection.interval`): orange past one interval, red past two (a missed comparison).
 */
function detectionSteps(spec: DriftDashboardEnvironment): ThresholdStep[] {
  const interval = spec.driftDetection.interval.toSeconds();
  return [
    { from: interval, color: 'orange' },
    { from: 2 * interval, color: 'red' },
  ];
}

/**
 * Drift should be gone before its alert fires: orange past the shortest `alertAfter` of the
 * environment's remediation table, red past the longest (every severity would have alerted).
 */
function remediationSteps(spec: DriftDashboardEnvironment): ThresholdStep[] {
  const windows = Object.values(spec.driftDetection.remediation).map((r) => r.alertAfter.toSeconds());
  return [
    { from: Math.min(...windows), color: 'orange' },
    { from: Math.max(...windows), color: 'red' },
  ];
}

/** Argo CD drift and sync of the environment's applications (recording rules of the gitops-drift and argocd domains). */
export function driftDashboard(spec: DriftDashboardEnvironment): dashboard.Dashboard {
  const outOfSyncBySeverity = { expr: `sum by (drift_severity) (${inClusters('gitops:drifted_apps:count')})`, legend: '{{drift_severity}}' };
  return gitopsDashboard(
    {
      uid: 'gitops-cdk-drift',
      title: 'GitOps drift and sync',
      description: `Argo CD applications of ${spec.name} that differ from Git, how long they drift, how fast drift is seen and removed, and how often syncs succeed.`,
    },
    {
      clusterSource: 'gitops:drifted_apps:count',
      sections: [
        {
          title: 'Now',
          panels: [
            statPanel({
              title: 'Apps out of sync by severity',
              description: 'Applications OutOfSync now, by the drift severity of what they deploy (gitops:drifted_apps:count).',
              queries: [outOfSyncBySeverity],
              ...PROBLEM_COUNT,
              seriesColors: SEVERITY_COLORS,
              width: 8,
            }),
            statPanel({
              title: 'Sync success rate',
              description: 'Share of Argo CD syncs of the last hour that succeeded (gitops:argocd_sync_success:ratio_rate1h).',
              queries: [{ expr: inClusters('gitops:argocd_sync_success:ratio_rate1h') }],
              unit: units.PercentUnit,
              baseColor: 'red',
              thresholds: SYNC_SUCCESS_STEPS,
              width: 6,
            }),
            statPanel({
              title: 'MTTD',
              description: `Mean time to detect drift, last hour (gitops:drift_mttd_seconds:avg1h): Argo CD watches the live objects, so drift is seen by the next reconciliation and detection takes as long as one. Orange past one reconciliation interval (${argoDuration(spec.driftDetection.interval)}), when detection would have waited for the periodic refresh.`,
              queries: [{ expr: inClusters('gitops:drift_mttd_seconds:avg1h') }],
              unit: units.Seconds,
              thresholds: detectionSteps(spec),
              width: 5,
            }),
            statPanel({
              title: 'MTTR',
              description:
                'Mean time to remediate: the mean length of the drift episodes of the last day (gitops:drift_mttr_seconds:avg1d). Orange past the shortest alert window of the drift policy, red past the longest.',
              queries: [{ expr: inClusters('gitops:drift_mttr_seconds:avg1d') }],
              // The rule records nothing while nothing drifted.
              noValue: 'no drift',
              unit: units.Seconds,
              thresholds: remediationSteps(spec),
              width: 5,
            }),
          ],
        },
        {
          title: 'Which applications',
          panels: [
            tablePanel({
              title: 'Applications out of sync',
              description: 'Each application OutOfSync now, with the resource class and severity the drift policy gives it (gitops:argocd_app_out_of_sync:bool).',
              queries: [{ expr: `${inClusters('gitops:argocd_app_out_of_sync:bool')} == 1` }],
              width: 12,
            }),
            timeseriesPanel({
              title: 'Drift duration per app',
              description: 'Seconds of the last hour each application spent OutOfSync (gitops:drift_duration_seconds:sum1h); only drifting applications are drawn.',
              queries: [{ expr: `${inClusters('gitops:drift_duration_seconds:sum1h')} > 0`, legend: '{{name}} ({{drift_severity}})' }],
              unit: units.Seconds,
              thresholds: remediationSteps(spec),
              width: 12,
            }),
          ],
        },
        {
          title: 'Trends',
          panels: [
            timeseriesPanel({
              title: 'Apps out of sync by severity over time',
              description: 'Applications OutOfSync, stacked by drift severity (gitops:drifted_apps:count).',
              queries: [outOfSyncBySeverity],
              seriesColors: SEVERITY_COLORS,
              stacked: true,
              width: 8,
            }),
            timeseriesPanel({
              title: 'MTTD and MTTR over time',
              description: 'Mean time to detect (last hour) and to remediate (last day) drift.',
              queries: [
                { expr: inClusters('gitops:drift_mttd_seconds:avg1h'), legend: 'MTTD {{cluster}}' },
                { expr: inClusters('gitops:drift_mttr_seconds:avg1d'), legend: 'MTTR {{cluster}}' },
              ],
              unit: units.Seconds,
              width: 8,
            }),
            timeseriesPanel({
              title: 'Sync success rate over time',
              description: 'Share of Argo CD syncs of the preceding hour that succeeded.',
              queries: [{ expr: inClusters('gitops:argocd_sync_success:ratio_rate1h'), legend: 'success rate {{cluster}}' }],
              unit: units.PercentUnit,
              width: 8,
            }),
          ],
        },
      ],
    },
  );
}
