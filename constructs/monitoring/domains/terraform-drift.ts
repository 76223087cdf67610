import { Duration } from 'cdk8s';
import { argoDuration } from '../../argocd/argo-duration';
import { type GitOpsSource, targetRevision } from '../../argocd/gitops-source';
import { type StackEnvironment, TERRAFORM_DRIFT_WORKLOAD } from '../../core/observability-contract';
import type { Tier } from '../../core/tier';
import { driftCheckCronJobName, TERRAFORM_DRIFT_METRICS } from '../../drift/drift-check-contract';
import { driftCheckRunners } from '../../drift/drift-check-runners';
import { type DriftCheckEnvironment, DriftCheckSchedule } from '../../drift/drift-check-schedule';
import type { TerraformStackRef } from '../../drift/terraform-drift-check';
import type { AlertDefinition, MonitoringDomain, RecordingDefinition } from '../alert-definition';
import { seriesNotation } from '../promtool-suite';
import type { InputSeries } from '../types';
import { pagingSeverity } from './paging-severity';

const { detected: DETECTED, success: SUCCESS, lastRun: LAST_RUN } = TERRAFORM_DRIFT_METRICS;
const DRIFTED_STACKS = 'gitops:terraform_drifted_stacks:count';

/**
 * How long each condition must hold, from the environment's drift-check schedule. A healthy stack
 * reports at least once per interval plus one job deadline (a run starts every interval and ends
 * within the deadline, which is at most the interval): never more than two intervals apart.
 */
interface DriftCheckWindows {
  /**
   * Drift seen by two plans in a row. A single plan sees changes while an apply is still running
   * or between a merge and its apply; the next plan, an interval later, no longer does.
   */
  readonly drift: Duration;
  /** A failed check stays failed after the Job's retry, which ends within the job deadline. */
  readonly failed: Duration;
  /** No result for two intervals: longer than any healthy gap. */
  readonly silence: Duration;
  /** Half an interval on top: about 2.5 intervals without a result before it alerts. */
  readonly silenceHeld: Duration;
}

function windowsOf(schedule: DriftCheckSchedule): DriftCheckWindows {
  const interval = schedule.interval.toMinutes();
  const deadline = schedule.jobDeadline.toMinutes();
  return {
    drift: Duration.minutes(interval + deadline),
    failed: Duration.minutes(deadline),
    silence: Duration.minutes(2 * interval),
    silenceHeld: Duration.seconds(interval * 30),
  };
}

/** Labels of the pushed series as Prometheus stores them (honorLabels keeps `job` and `stack`). */
function pushed(metric: string, stack: TerraformStackRef, values: string): InputSeries {
  const labels = { job: 'terraform-drift', stack: stack.name, cloud: stack.cloud, namespace: 'monitoring', service: 'prometheus-pushgateway' };
  return { series: seriesNotation(metric, labels), values };
}

/** kube-state-metrics' creation time of a stack's CronJob (seconds since the epoch). */
function cronJobCreated(stack: TerraformStackRef, createdAtSecond: number, minutes: number): InputSeries {
  const labels = { job: 'kube-state-metrics', namespace: TERRAFORM_DRIFT_WORKLOAD.namespace, cronjob: driftCheckCronJobName(stack.name) };
  return { series: seriesNotation('kube_cronjob_created', labels), values: `${createdAtSecond}x${minutes}` };
}

/** The last-run timestamp of a stack that runs every interval: a staircase, one step per push. */
function pushesEvery(intervalMinutes: number, minutes: number): string {
  const steps = Math.ceil((minutes + 1) / intervalMinutes);
  return Array.from({ length: steps }, (_, k) => `${k * intervalMinutes * 60}x${intervalMinutes - 1}`).join(' ');
}

function minutesOf(duration: Duration): number {
  return Math.ceil(duration.toSeconds() / 60);
}

/** The alert's labels for a stack: what identifies the instance. */
function stackLabels(stack: TerraformStackRef): Record<string, string> {
  return { stack: stack.name, cloud: stack.cloud };
}

/**
 * "No result" per stack: Prometheus has no sample of its last-run time for two intervals, on the
 * cluster whose CronJob checks it. Every cluster evaluates these rules and Prometheus rules cannot
 * see the cluster's name (the `cluster` label is an external label, added only to what leaves
 * Prometheus), so kube-state-metrics' `kube_cronjob_created` selects the runner: the stack's
 * CronJob exists there only, and its age keeps a new CronJob quiet until it had time to report.
 */
function neverReported(stack: TerraformStackRef, silence: Duration): string {
  const selector = `${LAST_RUN}{stack="${stack.name}",cloud="${stack.cloud}"}`;
  const cronJob = `kube_cronjob_created{namespace="${TERRAFORM_DRIFT_WORKLOAD.namespace}",cronjob="${driftCheckCronJobName(stack.name)}"}`;
  return `(absent_over_time(${selector}[${argoDuration(silence)}]) and on () (time() - ${cronJob} > ${silence.toSeconds()}))`;
}

function driftDetected(spec: TerraformDriftMonitoringProps, windows: DriftCheckWindows, stack: TerraformStackRef, intervalMinutes: number): AlertDefinition {
  const at = minutesOf(windows.drift) + 10;
  return {
    name: 'TerraformDriftDetected',
    expr: `max by (stack, cloud) (${DETECTED}) == 1`,
    for: windows.drift,
    // Production infrastructure that differs from its reviewed code is an unreviewed change (or an
    // intrusion), and the next apply silently reverts it: someone must look now. Elsewhere it waits
    // for working hours.
    severity: pagingSeverity(spec),
    summary: 'Terraform stack {{ $labels.stack }} has drifted from its code',
    description:
      `Two scheduled plans in a row of {{ $labels.stack }} ({{ $labels.cloud }}) found changes: the live resources differ from ${spec.terraformDir}/{{ $labels.stack }} ` +
      `at ${targetRevision(spec.gitops)}. Someone changed them outside Terraform, or merged code was not applied. Read the plan in the check's log ` +
      '(kubectl -n terraform-drift logs -l app.kubernetes.io/instance={{ $labels.stack }} -c plan --tail=-1), then apply the code or bring the change into it.',
    cases: {
      fires: {
        description: `drift in every plan for longer than ${argoDuration(windows.drift)}`,
        series: [pushed(DETECTED, stack, `1x${at}`)],
        at: `${at}m`,
        firing: [stackLabels(stack)],
      },
      quiet: {
        description: 'one plan saw changes (an apply in flight), the next one none',
        series: [pushed(DETECTED, stack, `1x${intervalMinutes - 1} 0x${at}`)],
        at: `${at}m`,
        firing: [],
      },
    },
  };
}

function checkFailed(windows: DriftCheckWindows, stack: TerraformStackRef): AlertDefinition {
  const at = minutesOf(windows.failed) + 10;
  return {
    name: 'TerraformDriftCheckFailed',
    expr: `min by (stack, cloud) (${SUCCESS}) == 0`,
    for: windows.failed,
    // Nothing changed in the cloud, but drift of the stack goes unseen until the check works again.
    severity: 'warning',
    summary: 'The Terraform drift check of {{ $labels.stack }} fails',
    description:
      'terraform init or plan of {{ $labels.stack }} ({{ $labels.cloud }}) failed, and so did its retry: drift of the stack is unknown until a check succeeds ' +
      '(the drift alert keeps the last verdict). Usual causes: the cloud identity lost a permission, the state is unreachable, a provider could not be downloaded. ' +
      'Logs: kubectl -n terraform-drift logs -l app.kubernetes.io/instance={{ $labels.stack }} -c plan --tail=50.',
    cases: {
      fires: {
        description: `failed for longer than the job deadline (${argoDuration(windows.failed)})`,
        series: [pushed(SUCCESS, stack, `0x${at}`)],
        at: `${at}m`,
        firing: [stackLabels(stack)],
      },
      quiet: {
        description: 'the first attempt failed, the retry succeeded',
        series: [pushed(SUCCESS, stack, `0 0 1x${at}`)],
        at: `${at}m`,
        firing: [],
      },
    },
  };
}

function checkNotRun(schedule: DriftCheckSchedule, windows: DriftCheckWindows, stacks: readonly TerraformStackRef[]): AlertDefinition {
  const [stale, missing] = stacks as [TerraformStackRef, TerraformStackRef | undefined];
  const interval = schedule.interval.toMinutes();
  const at = minutesOf(windows.silence) + minutesOf(windows.silenceHeld) + 10;
  const silence = windows.silence.toSeconds();
  return {
    name: 'TerraformDriftCheckNotRun',
    expr: [
      // A stack whose group is in the Pushgateway but was not pushed again.
      `(time() - max by (stack, cloud) (${LAST_RUN}) > ${silence})`,
      // A stack that never reported, or whose group the Pushgateway lost (it keeps none across restarts).
      ...stacks.map((stack) => neverReported(stack, windows.silence)),
    ].join('\nor\n'),
    for: windows.silenceHeld,
    severity: 'warning',
    summary: 'No Terraform drift check result for {{ $labels.stack }}',
    description:
      `The drift check of {{ $labels.stack }} ({{ $labels.cloud }}) runs every ${interval} minutes but has not reported for more than two and a half ` +
      `intervals (${2.5 * interval} minutes): drift of the stack goes unseen. Its CronJob did not run, failed before planning (Git unreachable: ` +
      'see the clone container), or could not push. Look at kubectl -n terraform-drift get cronjobs,jobs,pods and the Pushgateway in monitoring.',
    cases: {
      fires: {
        description: missing === undefined ? 'a stack stopped reporting' : 'a stack stopped reporting, another never did',
        series: [pushed(LAST_RUN, stale, `0x${at}`), ...(missing === undefined ? [] : [cronJobCreated(missing, 0, at)])],
        at: `${at}m`,
        firing: [stackLabels(stale), ...(missing === undefined ? [] : [stackLabels(missing)])],
      },
      quiet: {
        description: 'a stack reports every interval; a new CronJob has not had time to; other stacks run elsewhere',
        series: [pushed(LAST_RUN, stale, pushesEvery(interval, at)), ...(missing === undefined ? [] : [cronJobCreated(missing, (at - interval) * 60, at)])],
        at: `${at}m`,
        firing: [],
      },
    },
  };
}

function driftedStacks(stacks: readonly TerraformStackRef[]): RecordingDefinition {
  const examples = stacks.slice(0, 3);
  const verdicts: number[] = examples.map((_, i) => (i < 2 ? 1 : 0));
  return {
    record: DRIFTED_STACKS,
    // `or vector(0)`: zero, not an empty result, when no stack has drifted (dashboards show 0).
    expr: `count(max by (stack, cloud) (${DETECTED}) == 1) or vector(0)`,
    help: 'Number of Terraform stacks whose last successful drift check found drift.',
    cases: [
      {
        description: 'stacks with drift are counted, stacks without are not',
        series: examples.map((stack, i) => pushed(DETECTED, stack, `${verdicts[i]}x10`)),
        at: '5m',
        samples: [{ labels: {}, value: verdicts.reduce((n, v) => n + v, 0) }],
      },
      {
        description: 'no stack has drifted',
        series: examples.map((stack) => pushed(DETECTED, stack, '0x10')),
        at: '5m',
        samples: [{ labels: {}, value: 0 }],
      },
    ],
  };
}

export interface TerraformDriftMonitoringProps extends DriftCheckEnvironment, StackEnvironment {
  /** Production pages on drift; elsewhere it waits for working hours (pagingSeverity). */
  readonly tier: Tier;
  /** The revision the checks plan, named in the drift alert. */
  readonly gitops: Pick<GitOpsSource, 'revision'>;
  /**
   * The folder of the environment's Terraform stacks in the repository (the synth's layout, e.g.
   * `dist/terraform/prod`), named in the drift alert.
   */
  readonly terraformDir: string;
}

/**
 * Terraform drift: the scheduled plan of each stack (constructs/drift) found drift, failed, or has
 * not reported. The checks push to the Pushgateway of the cluster that runs them; every cluster
 * evaluates these rules, and only the runner has the series. Windows follow the environment's
 * `infrastructure.driftCheckIntervalMinutes`.
 */
export function terraformDriftMonitoring(spec: TerraformDriftMonitoringProps): MonitoringDomain {
  const stacks = driftCheckRunners(spec).flatMap((runner) => runner.stacks);
  const [first] = stacks;
  // No cluster to run a check on, no check: nothing to alert on.
  if (first === undefined) return { name: 'terraform-drift', alerts: [], recordings: [] };
  const schedule = DriftCheckSchedule.fromSpec(spec);
  const windows = windowsOf(schedule);
  return {
    name: 'terraform-drift',
    recordings: [driftedStacks(stacks)],
    alerts: [driftDetected(spec, windows, first, schedule.intervalMinutes), checkFailed(windows, first), checkNotRun(schedule, windows, stacks)],
  };
}
