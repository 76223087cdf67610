import { Duration } from 'cdk8s';
import { argoDuration } from '../../argocd/argo-duration';
import type { DriftSeverity } from '../../drift/drift-detection-spec';
import { argoCdMetricLabel, DriftPolicy, type DriftPolicyEnvironment } from '../../drift/drift-policy';
import type { AlertDefinition, MonitoringDomain, RecordingDefinition } from '../alert-definition';
import type { InputSeries } from '../types';

/** The Prometheus labels Argo CD exports the drift classification under, on `argocd_app_labels`. */
interface ExportedLabels {
  readonly class: string;
  readonly severity: string;
}

function exportedLabels(labels: DriftPolicy['labels']): ExportedLabels {
  return { class: argoCdMetricLabel(labels.class), severity: argoCdMetricLabel(labels.severity) };
}

const OUT_OF_SYNC = 'gitops:argocd_app_out_of_sync:bool';

/**
 * The group is evaluated every minute, so each sample of the out-of-sync series stands for one
 * minute: `sum_over_time(...) * 60` is seconds OutOfSync, exact whatever the Prometheus version's
 * range boundaries and however much history there is (an average over the window would not be).
 */
const EVALUATION_INTERVAL = Duration.minutes(1);
const SECONDS_PER_SAMPLE = EVALUATION_INTERVAL.toSeconds();

/**
 * 1 while an Application is OutOfSync, 0 while it is not, per Application with its drift class and
 * severity. `argocd_app_info` carries the sync status as a label, so an Application changing state
 * swaps one series for another; `or ... * 0` fills in the 0 that turns it into one continuous series
 * the analytics below can average and count changes of. Applications without the drift labels
 * are not classified and do not appear.
 */
function outOfSync({ class: classLabel, severity: severityLabel }: ExportedLabels): Omit<RecordingDefinition, 'cases'> {
  return {
    record: OUT_OF_SYNC,
    expr: [
      'max by (name, project, drift_class, drift_severity) (',
      '  label_replace(label_replace(',
      '    (max by (name, project) (argocd_app_info{sync_status="OutOfSync"}) or max by (name, project) (argocd_app_info) * 0)',
      `    * on (name, project) group_left (${classLabel}, ${severityLabel})`,
      `    max by (name, project, ${classLabel}, ${severityLabel}) (argocd_app_labels),`,
      `  "drift_class", "$1", "${classLabel}", "(.+)"), "drift_severity", "$1", "${severityLabel}", "(.+)")`,
      ')',
    ].join('\n'),
    help: 'Per Argo CD application: 1 while it is OutOfSync (drifted from Git), else 0, with its drift class and severity.',
  };
}

/** An application of the examples: its Argo CD labels and what the recordings make of them. */
interface ExampleApp {
  readonly name: string;
  readonly driftClass: string;
  readonly severity: DriftSeverity;
}

const PROJECT = 'platform';

function appLabels(app: ExampleApp, { class: classLabel, severity: severityLabel }: ExportedLabels): InputSeries {
  return {
    series: `argocd_app_labels{name="${app.name}",namespace="argocd",project="${PROJECT}",${classLabel}="${app.driftClass}",${severityLabel}="${app.severity}"}`,
    values: '1x1500',
  };
}

function appInfo(app: ExampleApp, syncStatus: 'Synced' | 'OutOfSync', values: string): InputSeries {
  return { series: `argocd_app_info{name="${app.name}",namespace="argocd",project="${PROJECT}",sync_status="${syncStatus}"}`, values };
}

/** The sample labels of the out-of-sync recording for an example application. */
function recorded(app: ExampleApp): Record<string, string> {
  return { name: app.name, project: PROJECT, drift_class: app.driftClass, drift_severity: app.severity };
}

/** promtool's notation of one sample per minute: runs of equal values as `v`x`n-1`, `stale` alone. */
function minuteValues(samples: readonly ('1' | '_' | 'stale')[]): string {
  const runs: string[] = [];
  for (let i = 0; i < samples.length; ) {
    let j = i;
    while (j < samples.length && samples[j] === samples[i]) j++;
    const value = samples[i]!;
    runs.push(...(value === 'stale' ? Array<string>(j - i).fill('stale') : [`${value}x${j - i - 1}`]));
    i = j;
  }
  return runs.join(' ');
}

/**
 * Series of an application that is Synced except during the drift episodes, from minute 0 to
 * `until`. A state change swaps `argocd_app_info` series, as Argo CD does: the old one is marked
 * stale when the new one appears.
 */
function driftEpisodes(app: ExampleApp, episodes: readonly { from: number; minutes: number }[], until: number, exported: ExportedLabels): InputSeries[] {
  const drifting = (t: number) => episodes.some((e) => t >= e.from && t < e.from + e.minutes);
  const minutes = Array.from({ length: until + 1 }, (_, t) => t);
  const synced = minutes.map((t) => (drifting(t) ? (drifting(t - 1) ? '_' : 'stale') : '1') as '1' | '_' | 'stale');
  const drifted = minutes.map((t) => (drifting(t) ? '1' : drifting(t - 1) ? 'stale' : '_') as '1' | '_' | 'stale');
  return [appInfo(app, 'Synced', minuteValues(synced)), appInfo(app, 'OutOfSync', minuteValues(drifted)), appLabels(app, exported)];
}

function analytics(exported: ExportedLabels): RecordingDefinition[] {
  const app: ExampleApp = { name: 'kyverno-policies', driftClass: 'policies', severity: 'critical' };
  const other: ExampleApp = { name: 'tempo', driftClass: 'platform', severity: 'warning' };
  return [
    {
      ...outOfSync(exported),
      cases: [
        {
          description: 'one application drifted, another in sync',
          series: [appInfo(app, 'OutOfSync', '1x10'), appLabels(app, exported), appInfo(other, 'Synced', '1x10'), appLabels(other, exported)],
          at: '5m',
          samples: [
            { labels: recorded(app), value: 1 },
            { labels: recorded(other), value: 0 },
          ],
        },
      ],
    },
    {
      record: 'gitops:drifted_apps:count',
      expr: `sum by (drift_severity) (${OUT_OF_SYNC})`,
      help: 'How many Argo CD applications are OutOfSync right now, per drift severity.',
      cases: [
        {
          description: 'a critical application drifted, a warning one in sync',
          series: [appInfo(app, 'OutOfSync', '1x10'), appLabels(app, exported), appInfo(other, 'Synced', '1x10'), appLabels(other, exported)],
          at: '5m',
          samples: [
            { labels: { drift_severity: 'critical' }, value: 1 },
            { labels: { drift_severity: 'warning' }, value: 0 },
          ],
        },
      ],
    },
    {
      record: 'gitops:drift_duration_seconds:sum1h',
      expr: `sum by (name, project, drift_severity) (sum_over_time(${OUT_OF_SYNC}[1h])) * ${SECONDS_PER_SAMPLE}`,
      help: 'Seconds each Argo CD application spent OutOfSync in the last hour.',
      cases: [
        {
          description: 'drifted for 20 minutes of the last hour',
          series: driftEpisodes(app, [{ from: 40, minutes: 20 }], 90, exported),
          at: '90m',
          samples: [{ labels: { name: app.name, project: PROJECT, drift_severity: app.severity }, value: 1200 }],
        },
      ],
    },
    {
      // Rising edges of the 0/1 series: every change is a rise or a fall; adding the current value
      // counts an episode still open. An episode that began before the window counts as half.
      record: 'gitops:drift_mttr_seconds:avg1d',
      expr: [`sum(sum_over_time(${OUT_OF_SYNC}[1d])) * ${SECONDS_PER_SAMPLE}`, `/ (sum((changes(${OUT_OF_SYNC}[1d]) + ${OUT_OF_SYNC}) / 2) > 0)`].join('\n'),
      help: 'Mean time to remediate: the mean length of the drift episodes of the last day (seconds OutOfSync per episode). No sample when nothing drifted.',
      cases: [
        {
          description: 'two drift episodes of 10 and 20 minutes in the last day',
          series: driftEpisodes(
            app,
            [
              { from: 600, minutes: 10 },
              { from: 1000, minutes: 20 },
            ],
            1500,
            exported,
          ),
          at: '1500m',
          samples: [{ labels: {}, value: 900 }],
        },
      ],
    },
    {
      // Argo CD watches the live objects, so a change outside Git is seen by the next
      // reconciliation of the application; detecting drift takes as long as a reconciliation.
      record: 'gitops:drift_mttd_seconds:avg1h',
      expr: 'sum(rate(argocd_app_reconcile_sum[1h])) / sum(rate(argocd_app_reconcile_count[1h]))',
      help: 'Mean time to detect drift: the mean duration of an Argo CD reconciliation in the last hour, in seconds.',
      cases: [
        {
          description: 'four reconciliations a minute taking 2 seconds together',
          series: [
            { series: `argocd_app_reconcile_sum{name="${app.name}",namespace="argocd",project="${PROJECT}"}`, values: '0+2x60' },
            { series: `argocd_app_reconcile_count{name="${app.name}",namespace="argocd",project="${PROJECT}"}`, values: '0+4x60' },
          ],
          at: '60m',
          samples: [{ labels: {}, value: 0.5 }],
        },
      ],
    },
  ];
}

const SEVERITY_NAMES: Record<DriftSeverity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

const REMEDIATION_TEXT = {
  sync: 'Argo CD self-heal should have reverted it: look for a sync that keeps failing (hook, webhook refusal, immutable field) or a closed sync window',
  rollback: 'Argo CD self-heal should have reverted it, and a failing delivery of it is rolled back by Argo Rollouts: look for a sync that keeps failing or an aborted rollout',
  alert: 'Nothing reverts it automatically in this environment: compare live and Git (`argocd app diff`) and either sync or commit the change',
} as const;

/** The alert on drift of one severity that outlived its remediation window. */
function driftAlert(policy: DriftPolicy, severity: DriftSeverity): AlertDefinition {
  const { strategy, alertAfter } = policy.remediationFor(severity);
  const exported = exportedLabels(policy.labels);
  const minutes = Math.ceil(alertAfter.toSeconds() / 60);
  const app: ExampleApp = { name: `${severity}-app`, driftClass: 'example', severity };
  return {
    name: `GitOpsDrift${SEVERITY_NAMES[severity]}`,
    expr: `${OUT_OF_SYNC}{drift_severity="${severity}"} == 1`,
    for: alertAfter,
    severity: policy.alertSeverity(severity),
    labels: { remediation: strategy },
    summary: `{{ $labels.name }} ({{ $labels.drift_class }}) has drifted from Git for more than ${argoDuration(alertAfter)}`,
    description: `Live objects of {{ $labels.name }} differ from Git; drift of class {{ $labels.drift_class }} is ${severity} and its remediation here is ${strategy}. ${REMEDIATION_TEXT[strategy]}.`,
    cases: {
      fires: {
        description: `drifted for longer than ${argoDuration(alertAfter)}`,
        series: [appInfo(app, 'OutOfSync', `1x${minutes + 10}`), appLabels(app, exported)],
        at: `${minutes + 2}m`,
        firing: [recorded(app)],
      },
      quiet: {
        description: 'drifted for less than the window, then remediated',
        series: driftEpisodes(app, [{ from: 2, minutes: Math.max(minutes - 1, 2) }], minutes + 10, exported),
        at: `${minutes + 5}m`,
        firing: [],
      },
    },
  };
}

/**
 * Drift of every Argo CD application by the severity of its class (the environment's drift
 * policy), and the drift analytics of seed WS5: MTTD, MTTR, drift duration, drifted count.
 */
export function gitopsDriftMonitoring(spec: DriftPolicyEnvironment): MonitoringDomain {
  const policy = DriftPolicy.fromSpec(spec);
  return {
    name: 'gitops-drift',
    evaluationInterval: EVALUATION_INTERVAL,
    recordings: analytics(exportedLabels(policy.labels)),
    alerts: policy.severities.map((severity) => driftAlert(policy, severity)),
  };
}
