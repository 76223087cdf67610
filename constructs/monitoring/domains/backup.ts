import { Duration } from 'cdk8s';
import { type BackupEnvironment, type BackupScheduleTiming, backupScheduleTimings } from '../../backup/backup-schedules';
import type { Tier } from '../../core/tier';
import type { AlertCase, AlertDefinition, MonitoringDomain, RecordingDefinition } from '../alert-definition';
import type { InputSeries } from '../types';
import { controllerDownAlert } from './controller-down';
import { pagingSeverity } from './paging-severity';
import { type AddonReleases, addonMetricsJobs, jobMatcher, type MetricsJobs } from './scrape-jobs';

/**
 * Velero's server metrics (velero v1.17.1 pkg/metrics/metrics.go, namespace `velero`). Every backup
 * metric carries `schedule`, the name of the Schedule that made the Backup (its label
 * `velero.io/schedule-name`), `""` for a backup made by hand; the location status carries
 * `backup_location_name`.
 * - `backup_failure_total`, `backup_partial_failure_total`, `backup_validation_failure_total`,
 *   `backup_attempt_total`: counters InitSchedule sets to 0 for every Schedule when Velero first
 *   reconciles it (schedule_controller.go), so the first failure is an increase.
 * - `backup_last_status`: 1 after a completed backup, 0 after a failed, partially failed or
 *   invalid one (backup_controller.go, backup_finalizer_controller.go); InitSchedule sets it to 1.
 * - `backup_last_successful_timestamp`: the completion time of the newest Completed backup of the
 *   schedule (backup_controller.go, from the Backups in the cluster). Not initialised: absent until a
 *   schedule first succeeds.
 * - `backup_location_status_gauge`: 1 while the location validates, 0 when Velero cannot reach it.
 */
const METRIC = {
  failure: 'velero_backup_failure_total',
  partialFailure: 'velero_backup_partial_failure_total',
  validationFailure: 'velero_backup_validation_failure_total',
  attempt: 'velero_backup_attempt_total',
  lastStatus: 'velero_backup_last_status',
  lastSuccess: 'velero_backup_last_successful_timestamp',
  locationStatus: 'velero_backup_location_status_gauge',
  /** Histogram of the time each backup took (RegisterBackupDuration, backup_controller.go). */
  duration: 'velero_backup_duration_seconds',
} as const;

/** The recorded mean backup duration per schedule over a day, which the backup dashboard draws. */
export const BACKUP_DURATION_RECORD = 'schedule:velero_backup_duration_seconds:mean1d';

/** A failure alerts for at least this long, even when the next run of an hourly schedule succeeds. */
const FAILURE_WINDOW = '1h';

/** Velero validates the location every minute (`--store-validation-frequency`); a blip of a few minutes is no outage. */
const LOCATION_FOR = Duration.minutes(15);

export interface BackupMonitoringProps extends BackupEnvironment {
  /** Production pages when a backup is late; elsewhere alerts wait for working hours. */
  readonly tier: Tier;
  /** The releases of the Velero add-ons, one per cloud (an add-on of a cloud without clusters has none). */
  readonly velero: readonly AddonReleases[];
}

/**
 * The `job` of Velero's metrics: the chart's Service is named after `fullname` (templates/service.yaml
 * at chart 11.4.0), which our values fix to `velero` on every cluster.
 */
export function veleroMetricsJobs(releases: readonly AddonReleases[]): MetricsJobs {
  const jobs = releases.filter((r) => r.releaseNames.length > 0).flatMap((r) => addonMetricsJobs(r, (fullname) => fullname));
  const [first = 'velero', ...rest] = [...new Set(jobs)].sort();
  return [first, ...rest];
}

function minutesText(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

/**
 * The schedules' late-backup condition: a newest success older than the schedule allows
 * (BackupScheduleTiming.lateAfterMinutes), or no success at all although the schedule has been
 * known to Velero for that long: its attempt counter (set by InitSchedule) existed that long ago
 * and the success timestamp, which appears only after the first success, is still absent. A fresh
 * schedule, or a fresh Prometheus, gets the whole allowance before it is late.
 */
export function lateBackupExpr(jobMatch: string, timings: readonly Pick<BackupScheduleTiming, 'veleroName' | 'lateAfterMinutes'>[]): string {
  return timings
    .map(({ veleroName, lateAfterMinutes }) => {
      const matchers = `${jobMatch},schedule="${veleroName}"`;
      const lastSuccess = `max by (schedule) (${METRIC.lastSuccess}{${matchers}})`;
      const old = `(time() - ${lastSuccess}) > ${lateAfterMinutes * 60}`;
      const never = `(max by (schedule) (${METRIC.attempt}{${matchers}} offset ${minutesText(lateAfterMinutes)}) unless on (schedule) ${lastSuccess})`;
      return `${old} or ${never}`;
    })
    .join(' or ');
}

function veleroSeries(job: string, metric: string, labels: string, values: string): InputSeries {
  return { series: `${metric}{job="${job}",instance="10.0.0.1:8085",${labels}}`, values };
}

/** Samples, one a minute, covering `minutes` of the timeline. */
function samples(value: string, minutes: number): string {
  return `${value}x${minutes}`;
}

function failedAlert(job: string, matcher: string, schedule: string): AlertDefinition {
  const counters = [METRIC.failure, METRIC.partialFailure, METRIC.validationFailure].map((m) => `increase(${m}{${matcher},schedule!=""}[${FAILURE_WINDOW}])`);
  const s = `schedule="${schedule}"`;
  const quietCounters = [METRIC.failure, METRIC.partialFailure, METRIC.validationFailure].map((m) => veleroSeries(job, m, s, samples('0', 30)));
  const failing = (metric: string): AlertCase['series'] => [
    ...quietCounters.filter((q) => !q.series.startsWith(`${metric}{`)),
    veleroSeries(job, metric, s, `0 0 ${samples('1', 28)}`),
    veleroSeries(job, METRIC.lastStatus, s, `1 1 ${samples('0', 28)}`),
  ];
  return {
    name: 'BackupFailed',
    expr: `sum by (schedule) (${counters.join(' + ')}) > 0 or max by (schedule) (${METRIC.lastStatus}{${matcher},schedule!=""}) == 0`,
    for: Duration.seconds(0),
    severity: 'warning',
    summary: 'A backup of schedule {{ $labels.schedule }} failed or partially failed',
    description:
      'Velero ended a backup of {{ $labels.schedule }} as Failed, PartiallyFailed or FailedValidation within the last hour, or its last backup did not complete. ' +
      'The alert holds until a backup of the schedule completes. Look at `velero backup get --selector velero.io/schedule-name={{ $labels.schedule }}`, then ' +
      '`velero backup describe <backup> --details` and `velero backup logs <backup>`; a store that cannot be reached also fires BackupStorageLocationUnavailable.',
    cases: {
      fires: { description: 'a backup of the schedule fails', series: failing(METRIC.failure), at: '10m', firing: [{ schedule }] },
      alsoFires: [{ description: 'a backup of the schedule partially fails', series: failing(METRIC.partialFailure), at: '10m', firing: [{ schedule }] }],
      quiet: {
        description: 'every backup of the schedule completes',
        series: [...quietCounters, veleroSeries(job, METRIC.lastStatus, s, samples('1', 30)), veleroSeries(job, METRIC.attempt, s, '0+1x30')],
        at: '25m',
        firing: [],
      },
      alsoQuiet: [
        {
          description: 'a failure more than an hour ago, and completed backups since',
          series: [
            veleroSeries(job, METRIC.failure, s, `0 ${samples('1', 120)}`),
            veleroSeries(job, METRIC.partialFailure, s, samples('0', 120)),
            veleroSeries(job, METRIC.validationFailure, s, samples('0', 120)),
            veleroSeries(job, METRIC.lastStatus, s, `1 0 ${samples('1', 119)}`),
          ],
          at: '90m',
          firing: [],
        },
      ],
    },
  };
}

function lateAlert(job: string, matcher: string, timings: readonly BackupScheduleTiming[], severity: AlertDefinition['severity']): AlertDefinition {
  const [first] = timings;
  if (first === undefined) throw new Error('lateAlert: no schedule');
  const schedule = first.veleroName;
  const late = first.lateAfterMinutes;
  const s = `schedule="${schedule}"`;
  const span = late + 20;
  const allowances = timings.map((t) => `${t.veleroName} ${minutesText(t.lateAfterMinutes)}`).join(', ');
  return {
    name: 'BackupLate',
    expr: lateBackupExpr(matcher, timings),
    for: Duration.seconds(0),
    severity,
    summary: 'No successful backup of schedule {{ $labels.schedule }} as recent as the recovery point objective allows',
    description:
      `The newest completed backup of {{ $labels.schedule }} is older than the schedule allows (${allowances}: its interval plus the slack the RPO leaves the most frequent schedule), ` +
      'or the schedule has never completed a backup in that time. A restore now would lose more than the tier promises. Check BackupFailed and ' +
      'BackupStorageLocationUnavailable, `velero schedule get` (phase Enabled, last backup) and `velero backup get`.',
    cases: {
      fires: {
        description: `the newest backup completed ${minutesText(late + 10)} ago`,
        series: [veleroSeries(job, METRIC.lastSuccess, s, samples('0', span)), veleroSeries(job, METRIC.attempt, s, samples('1', span))],
        at: `${late + 10}m`,
        firing: [{ schedule }],
      },
      alsoFires: [
        {
          description: `the schedule has existed ${minutesText(late + 10)} without one completed backup`,
          series: [veleroSeries(job, METRIC.attempt, s, samples('1', span))],
          at: `${late + 10}m`,
          firing: [{ schedule }],
        },
      ],
      quiet: {
        description: 'a backup completed within the allowance',
        series: [
          veleroSeries(job, METRIC.lastSuccess, s, `${samples('0', late - 30)} ${samples(String((late - 30) * 60), 60)}`),
          veleroSeries(job, METRIC.attempt, s, samples('1', span)),
        ],
        at: `${late + 10}m`,
        firing: [],
      },
      alsoQuiet: [
        {
          description: 'a new schedule that has not yet had its allowance to complete a backup',
          series: [veleroSeries(job, METRIC.attempt, s, samples('1', span))],
          at: `${late - 10}m`,
          firing: [],
        },
      ],
    },
  };
}

function locationAlert(job: string, matcher: string): AlertDefinition {
  const series = (values: string): InputSeries => ({ series: `${METRIC.locationStatus}{job="${job}",instance="10.0.0.1:8085",backup_location_name="default"}`, values });
  return {
    name: 'BackupStorageLocationUnavailable',
    expr: `max by (backup_location_name) (${METRIC.locationStatus}{${matcher}}) == 0`,
    for: LOCATION_FOR,
    severity: 'warning',
    summary: 'Velero cannot reach its backup storage location {{ $labels.backup_location_name }}',
    description:
      'Velero has failed to validate the backup storage location for 15 minutes: no backup can be written and no restore read. Usually the workload identity ' +
      '(ServiceAccount annotation, the cloud role or its grant on the store) or the store itself; `velero backup-location get` shows the phase and ' +
      '`kubectl -n velero logs deploy/velero` the error.',
    cases: {
      fires: { description: 'the location is unavailable for 20 minutes', series: [series(`1 ${samples('0', 25)}`)], at: '21m', firing: [{ backup_location_name: 'default' }] },
      quiet: { description: 'the location was unavailable for 5 minutes and came back', series: [series(`1 ${samples('0', 5)} ${samples('1', 20)}`)], at: '20m', firing: [] },
    },
  };
}

/**
 * The mean time a backup of each schedule took over the last day: the histogram's sum over its
 * count, so a nightly schedule's one backup a day is its own mean.
 */
function durationRecording(matcher: string, job: string): RecordingDefinition {
  const over = (suffix: string) => `sum by (schedule) (increase(${METRIC.duration}_${suffix}{${matcher},schedule!=""}[1d]))`;
  const series = (suffix: string, values: string): InputSeries => veleroSeries(job, `${METRIC.duration}_${suffix}`, 'schedule="velero-daily"', values);
  return {
    record: BACKUP_DURATION_RECORD,
    expr: `${over('sum')} / ${over('count')}`,
    help: 'Mean duration of the backups of each schedule over the last day, in seconds (velero_backup_duration_seconds).',
    cases: [
      {
        description: 'two backups of 10 and 20 minutes: a mean of 15',
        series: [series('sum', `0 0 ${samples('600', 10)} ${samples('1800', 10)}`), series('count', `0 0 ${samples('1', 10)} ${samples('2', 10)}`)],
        at: '20m',
        samples: [{ labels: { schedule: 'velero-daily' }, value: 900 }],
      },
    ],
  };
}

/**
 * Backups: a backup failed, a schedule is late against the RPO of the spec (or has never
 * succeeded), the backup store cannot be reached, or Velero is down. The rules run in each
 * cluster's Prometheus, which sees its own Velero only.
 */
export function backupMonitoring(props: BackupMonitoringProps): MonitoringDomain {
  const jobs = veleroMetricsJobs(props.velero);
  const [job] = jobs;
  const matcher = jobMatcher(jobs);
  const timings = backupScheduleTimings(props);
  const severity = pagingSeverity(props);
  return {
    name: 'backup',
    recordings: [durationRecording(matcher, job)],
    alerts: [
      failedAlert(job, matcher, timings[0]?.veleroName ?? 'velero-daily'),
      lateAlert(job, matcher, timings, severity),
      locationAlert(job, matcher),
      controllerDownAlert({
        name: 'BackupVeleroDown',
        controller: 'Velero server',
        jobs,
        severity: 'warning',
        impact: 'While it is down no scheduled backup runs (the late alert follows) and no restore can be made.',
      }),
    ],
  };
}
