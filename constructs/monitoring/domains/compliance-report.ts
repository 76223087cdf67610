import { Duration } from 'cdk8s';
import { COMPLIANCE_REPORT_JOB_NAME } from '../../compliance-report/compliance-report-job';
import { COMPLIANCE_REPORT_INTERVAL, REPORT_JOB_DEADLINE, REPORT_STARTING_DEADLINE } from '../../compliance-report/report-schedule';
import { POLICY_REPORTER_WORKLOAD } from '../../core/observability-contract';
import type { AlertDefinition, MonitoringDomain } from '../alert-definition';
import { seriesNotation } from '../promtool-suite';
import type { InputSeries } from '../types';

/** The compliance-report CronJob as kube-state-metrics labels its series, on every cluster. */
export const COMPLIANCE_REPORT_CRONJOB = { namespace: POLICY_REPORTER_WORKLOAD.namespace, cronjob: COMPLIANCE_REPORT_JOB_NAME } as const;

/**
 * How long after its last success (or its creation, when it never succeeded) a healthy CronJob
 * may go without a new one, from its schedule. The next run is due an interval later and may
 * start up to the starting deadline after that (7 hours for the six-hourly report): past that it
 * is overdue.
 */
function overdueAfter(reportInterval: Duration): Duration {
  return Duration.minutes(reportInterval.toMinutes() + REPORT_STARTING_DEADLINE.toMinutes());
}

/** The `for:`: an overdue run that started late may still take the job deadline to finish. */
const REPORT_OVERDUE_FOR = REPORT_JOB_DEADLINE;

const SELECTOR = `{namespace="${COMPLIANCE_REPORT_CRONJOB.namespace}",cronjob="${COMPLIANCE_REPORT_CRONJOB.cronjob}"}`;
const LAST_SUCCESS = 'kube_cronjob_status_last_successful_time';
const CREATED = 'kube_cronjob_created';

/** A kube-state-metrics series of the CronJob, in promtool notation; its values are Unix times (seconds). */
function reportCronJobSeries(metric: typeof LAST_SUCCESS | typeof CREATED, values: string): InputSeries {
  return { series: seriesNotation(metric, { job: 'kube-state-metrics', ...COMPLIANCE_REPORT_CRONJOB }), values };
}

function minutesOf(duration: Duration): number {
  return duration.toMinutes({ integral: false });
}

/**
 * Reports stop being produced. kube-state-metrics' `kube_cronjob_status_last_successful_time`
 * exists once a Job of the CronJob has succeeded; before that, the CronJob's creation time
 * stands in for it (`or` keeps the left side where both exist, so a success always wins), so a
 * CronJob that never succeeded alerts after the same time as one that stopped succeeding. Every
 * cluster runs its own CronJob and evaluates the rule for it; without the CronJob (or with
 * kube-state-metrics down, which has its own alerts) there is no series and no alert.
 */
function reportNotProduced(reportInterval: Duration): AlertDefinition {
  const overdueAfterDuration = overdueAfter(reportInterval);
  const overdue = minutesOf(overdueAfterDuration);
  const held = minutesOf(REPORT_OVERDUE_FOR);
  const every = minutesOf(reportInterval);
  const at = overdue + held + 10;
  const interval = reportInterval.toHumanString();
  const silence = Duration.minutes(overdue + held).toHumanString();
  return {
    name: 'ComplianceReportNotProduced',
    expr: `time() - max by (namespace, cronjob) (${LAST_SUCCESS}${SELECTOR} or ${CREATED}${SELECTOR}) > ${overdueAfterDuration.toSeconds()}`,
    for: REPORT_OVERDUE_FOR,
    // The reports are audit evidence, not a service: nothing in the cluster degrades, and a missed
    // run is made up by running the CronJob by hand. Working hours are soon enough, in production too.
    severity: 'warning',
    summary: `No compliance report from this cluster for ${silence}`,
    description:
      `The CronJob {{ $labels.namespace }}/{{ $labels.cronjob }} makes a compliance report every ${interval}, but no run has succeeded for ${silence} ` +
      '(or none ever, since it was created): the report store lacks the evidence of this cluster since then. Runs fail or do not start. ' +
      'kubectl -n {{ $labels.namespace }} get cronjob,jobs -l app.kubernetes.io/name={{ $labels.cronjob }}, then the log of the failed step: ' +
      'kubectl -n {{ $labels.namespace }} logs job/<job> -c <collect|render|upload|notify> (upload exit 3: the cloud identity; notify exit 4 or 5: Slack, the report itself was stored).',
    cases: {
      fires: {
        description: `the last success is older than ${silence}`,
        series: [reportCronJobSeries(CREATED, `0x${at}`), reportCronJobSeries(LAST_SUCCESS, `0x${at}`)],
        at: `${at}m`,
        firing: [{ ...COMPLIANCE_REPORT_CRONJOB }],
      },
      quiet: {
        description: 'an old CronJob that succeeds every interval: its last success counts, not its creation',
        // Created and first successful at 0, successful again an interval later.
        series: [reportCronJobSeries(CREATED, `0x${at}`), reportCronJobSeries(LAST_SUCCESS, `0x${every - 1} ${every * 60}x${at - every}`)],
        at: `${at}m`,
        firing: [],
      },
      alsoFires: [
        {
          description: `a CronJob that never succeeded since it was created, ${silence} ago`,
          series: [reportCronJobSeries(CREATED, `0x${at}`)],
          at: `${at}m`,
          firing: [{ ...COMPLIANCE_REPORT_CRONJOB }],
        },
      ],
      alsoQuiet: [
        {
          description: `a new CronJob that has not run yet (created ${interval} ago)`,
          series: [reportCronJobSeries(CREATED, `${(at - every) * 60}x${at}`)],
          at: `${at}m`,
          firing: [],
        },
        {
          description: 'a run that is overdue but may still be finishing (within the job deadline)',
          series: [reportCronJobSeries(CREATED, `0x${at}`), reportCronJobSeries(LAST_SUCCESS, `0x${at}`)],
          at: `${overdue + held - 1}m`,
          firing: [],
        },
      ],
    },
  };
}

export interface ComplianceReportMonitoringProps {
  /**
   * How often the compliance-report CronJobs run: pass the `interval` given to ComplianceReportJob.
   * @default COMPLIANCE_REPORT_INTERVAL (6 hours)
   */
  readonly reportInterval?: Duration;
}

/**
 * The six-hourly compliance reports (constructs/compliance-report): alerts when a cluster's
 * reports stop being produced. The same on every cluster and environment: the schedule is.
 */
export function complianceReportMonitoring(props: ComplianceReportMonitoringProps = {}): MonitoringDomain {
  return { name: 'compliance-report', alerts: [reportNotProduced(props.reportInterval ?? COMPLIANCE_REPORT_INTERVAL)], recordings: [] };
}
