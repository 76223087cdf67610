import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { type BackupEnvironment, backupScheduleTimings } from '../../backup/backup-schedules';
import { BACKUP_DURATION_RECORD } from '../domains/backup';
import { gitopsDashboard } from './gitops-dashboard';
import { barGaugePanel, inClusters, PROBLEM_COUNT, statPanel, tablePanel, timeseriesPanel } from './panels';

const LAST_SUCCESS = 'velero_backup_last_successful_timestamp';

/** Red from the point a value reaches its target: the age of a backup against what it may be. */
const OVER_TARGET = {
  thresholds: [
    { from: 0.8, color: 'orange' },
    { from: 1, color: 'red' },
  ],
} as const;

/**
 * Backups with Velero, per cluster: how old each schedule's newest successful backup is against
 * what the tier allows (the RPO for the most frequent schedule, the same slack on the interval of
 * the others: the BackupLate alert's thresholds), failures, durations, and the tier's RPO and RTO
 * from the spec.
 */
export function backupDashboard(spec: BackupEnvironment): dashboard.Dashboard {
  const timings = backupScheduleTimings(spec);
  const rpo = spec.backup.rpo.toSeconds();
  const rto = spec.backup.rto.toSeconds();
  const age = (schedule: string) => `time() - max by (cluster, schedule) (${inClusters(LAST_SUCCESS, `schedule="${schedule}"`)})`;
  // Each schedule's age over its own allowance: 1 is the point where BackupLate fires.
  const ageOverAllowance = timings.map((t) => `(${age(t.veleroName)}) / ${t.lateAfterMinutes * 60}`).join(' or ');
  const ages = timings.map((t) => age(t.veleroName)).join(' or ');
  const failures = ['velero_backup_failure_total', 'velero_backup_partial_failure_total'].map((m) => `increase(${inClusters(m, 'schedule!=""')}[1d])`).join(' + ');
  // A constant per cluster that reports Velero, so the target lines up with each cluster's series.
  const perCluster = (seconds: number) => `count by (cluster) (${inClusters('velero_backup_location_status_gauge')}) * 0 + ${seconds}`;
  const allowances = timings.map((t) => `${t.veleroName}: ${t.lateAfterMinutes / 60} h`).join(', ');
  return gitopsDashboard(
    {
      uid: 'gitops-cdk-backup',
      title: 'Backup and restore',
      description: `Velero backups of ${spec.name}: the age of each schedule's newest backup against the ${spec.backup.rpo.toHumanString()} RPO, failures, durations and the tier's objectives.`,
    },
    {
      clusterSource: LAST_SUCCESS,
      sections: [
        {
          title: 'Objectives of the tier',
          panels: [
            statPanel({
              title: 'RPO target',
              description: `Recovery point objective of ${spec.name} (spec backup.rpo): the most a restore may lose. A schedule's newest backup may be this old (${allowances}) before BackupLate fires.`,
              queries: [{ expr: `max(${perCluster(rpo)})` }],
              unit: units.Seconds,
              baseColor: 'blue',
              width: 6,
            }),
            statPanel({
              title: 'RTO target',
              description: `Recovery time objective of ${spec.name} (spec backup.rto): how long restoring a cluster may take, following the restore runbook in the README.`,
              queries: [{ expr: `max(${perCluster(rto)})` }],
              unit: units.Seconds,
              baseColor: 'blue',
              width: 6,
            }),
            statPanel({
              title: 'Backups failed (24 h)',
              description: 'Failed and partially failed backups of the schedules over the last day (velero_backup_failure_total, velero_backup_partial_failure_total).',
              queries: [{ expr: `sum(${failures})` }],
              ...PROBLEM_COUNT,
              width: 6,
            }),
            statPanel({
              title: 'Storage locations unavailable',
              description: 'Backup storage locations Velero cannot validate now (velero_backup_location_status_gauge = 0): no backup can be written.',
              queries: [{ expr: `count(${inClusters('velero_backup_location_status_gauge')} == 0)` }],
              ...PROBLEM_COUNT,
              width: 6,
            }),
          ],
        },
        {
          title: 'Recovery point',
          panels: [
            barGaugePanel({
              title: 'Newest backup age over its allowance',
              description:
                'Per cluster and schedule, the age of the newest completed backup divided by what the schedule allows: at 100 % BackupLate fires. A schedule that never completed a backup shows no bar (BackupLate covers it).',
              queries: [{ expr: `sort_desc(${ageOverAllowance})`, legend: '{{cluster}} {{schedule}}' }],
              unit: units.PercentUnit,
              ...OVER_TARGET,
              width: 12,
            }),
            tablePanel({
              title: 'Newest successful backup per schedule',
              description: 'Per cluster and schedule, how long ago the newest completed backup finished (velero_backup_last_successful_timestamp).',
              queries: [{ expr: ages }],
              unit: units.Seconds,
              width: 12,
            }),
            timeseriesPanel({
              title: 'Newest backup age against the RPO',
              description: 'The age of each schedule’s newest completed backup over time, with the RPO of the tier: the most frequent schedule stays below the line.',
              queries: [
                { expr: ages, legend: '{{cluster}} {{schedule}}' },
                { expr: perCluster(rpo), legend: 'RPO target' },
              ],
              unit: units.Seconds,
              seriesColors: { 'RPO target': 'red' },
              width: 24,
            }),
          ],
        },
        {
          title: 'Backups',
          panels: [
            timeseriesPanel({
              title: 'Backup duration',
              description: `Mean time a backup of each schedule took over the last day (${BACKUP_DURATION_RECORD}, from velero_backup_duration_seconds). A duration growing towards the interval delays the next backup.`,
              queries: [{ expr: `max by (cluster, schedule) (${inClusters(BACKUP_DURATION_RECORD)})`, legend: '{{cluster}} {{schedule}}' }],
              unit: units.Seconds,
              width: 12,
            }),
            timeseriesPanel({
              title: 'Failed backups per day',
              description: 'Failed and partially failed backups per cluster and schedule over the preceding day.',
              queries: [{ expr: `sum by (cluster, schedule) (${failures})`, legend: '{{cluster}} {{schedule}}' }],
              ...PROBLEM_COUNT,
              width: 12,
            }),
          ],
        },
      ],
    },
  );
}
