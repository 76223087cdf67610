import { Duration } from 'cdk8s';
import type { Tier } from '../../core/tier';
import { breachFilter, type Threshold, workloadThresholds } from '../../delivery/analysis/analysis-conditions';
import { analysisQueryCases, CANARY_HASH, STABLE_HASH } from '../../delivery/analysis/analysis-query-tests';
import { assertAnalysisSpec } from '../../delivery/analysis/analysis-validation';
import { expectedValues, versionHealth, versionSeries } from '../../delivery/analysis/version-series';
import { analysisWindow } from '../../delivery/analysis/workload-analysis-template';
import { WORKLOAD_METRICS, type WorkloadMetricName, workloadQueries } from '../../delivery/analysis/workload-queries';
import { POD_TEMPLATE_HASH_METRIC_LABEL } from '../../delivery/analysis-contract';
import type { DeliveredWorkloadSpec, DeliverySpec } from '../../delivery/delivery-spec';
import type { AlertDefinition, MonitoringDomain, RecordingDefinition } from '../alert-definition';
import { labelEquals, seriesSelector } from '../promql/label-matchers';
import { withConstantLabel } from '../promql/workload-expressions';
import type { PromtoolTest } from '../types';
import { pagingSeverity } from './paging-severity';

/** The label naming the workload in the recorded series (its Rollout's name). */
export const WORKLOAD_LABEL = 'workload';

/** What each metric records: one sample per namespace, workload and version (pod template hash). */
export const WORKLOAD_RECORDS: Readonly<Record<WorkloadMetricName, string>> = {
  successRatio: 'gitops:delivered_workload_success:ratio',
  latencyP99: 'gitops:delivered_workload_latency_p99:seconds',
  cpuSaturation: 'gitops:delivered_workload_cpu_saturation:ratio',
};

const HELP: Readonly<Record<WorkloadMetricName, string>> = {
  successRatio:
    'Share of non-5xx responses of each version of a delivered workload, without the requests its spec excludes such as probes (NaN without other requests); its AnalysisTemplate judges the new version by the same expression.',
  latencyP99:
    '99th percentile request latency in seconds of each version of a delivered workload, without the requests its spec excludes such as probes (NaN without other requests); same expression as its AnalysisTemplate.',
  cpuSaturation: 'Share of the CPU request used by each version of a delivered workload; same expression as its AnalysisTemplate.',
};

const ALERTS: Readonly<Record<WorkloadMetricName, { name: string; summary: string; what: string }>> = {
  successRatio: { name: 'DeliveredWorkloadErrorRatioHigh', summary: 'answers too many requests with a server error', what: 'share of non-5xx responses' },
  latencyP99: { name: 'DeliveredWorkloadLatencyHigh', summary: 'answers too slowly (p99)', what: '99th percentile latency' },
  cpuSaturation: { name: 'DeliveredWorkloadCpuSaturated', summary: 'uses too much of its CPU request', what: 'share of the CPU request used' },
};

/** When the cases look: after the longest `for` and window, within the series. */
function caseTime(duration: Duration): string {
  return `${Math.ceil(duration.toSeconds() / 60) + 5}m`;
}

/**
 * How long a version must miss a threshold before the alert fires: longer than the workload's
 * analysis run (interval × count) plus one rate window, so a new version the analysis rolls back
 * never alerts; what remains is a version the analysis let through or did not judge: the stable one.
 */
export function alertDelay(workload: DeliveredWorkloadSpec): Duration {
  const run = workload.analysis.interval.toSeconds() * workload.analysis.count;
  return Duration.seconds(run + analysisWindow(workload).toSeconds());
}

function recording(workload: DeliveredWorkloadSpec, metric: WorkloadMetricName): RecordingDefinition {
  const thresholds = workloadThresholds(workload);
  const expr = withConstantLabel(workloadQueries(workload, 'each', analysisWindow(workload))[metric], WORKLOAD_LABEL, workload.name).text;
  const healthy = versionHealth(workload.analysis, true);
  const unhealthy = versionHealth(workload.analysis, false);
  const labels = (hash: string) => ({ namespace: workload.namespace, [POD_TEMPLATE_HASH_METRIC_LABEL]: hash, [WORKLOAD_LABEL]: workload.name });
  return {
    record: WORKLOAD_RECORDS[metric],
    expr,
    help: HELP[metric],
    cases: [
      {
        description: `${workload.namespace}/${workload.name}: one sample per version, each from its own pods`,
        series: [...versionSeries(workload, STABLE_HASH, healthy, thresholds.latencyP99), ...versionSeries(workload, CANARY_HASH, unhealthy, thresholds.latencyP99)],
        at: '30m',
        samples: [
          { labels: labels(STABLE_HASH), value: expectedValues(healthy, thresholds.latencyP99)[metric] },
          { labels: labels(CANARY_HASH), value: expectedValues(unhealthy, thresholds.latencyP99)[metric] },
        ].sort((a, b) => a.labels[POD_TEMPLATE_HASH_METRIC_LABEL].localeCompare(b.labels[POD_TEMPLATE_HASH_METRIC_LABEL])),
      },
    ],
  };
}

/** `record{namespace, workload} < threshold`: the versions of one workload that breach its threshold. */
function breaching(workload: DeliveredWorkloadSpec, metric: WorkloadMetricName, threshold: Threshold): string {
  const selector = seriesSelector(WORKLOAD_RECORDS[metric], [labelEquals('namespace', workload.namespace), labelEquals(WORKLOAD_LABEL, workload.name)]);
  return `(${selector} ${breachFilter(threshold)})`;
}

function alert(workloads: readonly DeliveredWorkloadSpec[], metric: WorkloadMetricName, tier: Tier): AlertDefinition {
  const longest = workloads.reduce((max, w) => Math.max(max, alertDelay(w).toSeconds()), 0);
  const delay = Duration.seconds(longest);
  const at = caseTime(delay);
  // Cases on the first workload; each workload's own selector and threshold are the same code.
  const [first] = workloads;
  const thresholds = workloadThresholds(first);
  const firing = [{ namespace: first.namespace, [POD_TEMPLATE_HASH_METRIC_LABEL]: STABLE_HASH, [WORKLOAD_LABEL]: first.name }];
  const definition = ALERTS[metric];
  return {
    name: definition.name,
    expr: workloads.map((w) => breaching(w, metric, workloadThresholds(w)[metric])).join(' or '),
    for: delay,
    severity: pagingSeverity({ tier }),
    summary: `{{ $labels.namespace }}/{{ $labels.workload }} version {{ $labels.${POD_TEMPLATE_HASH_METRIC_LABEL} }} ${definition.summary}`,
    description:
      `The ${definition.what} of {{ $labels.namespace }}/{{ $labels.workload }} (pods of version {{ $labels.${POD_TEMPLATE_HASH_METRIC_LABEL} }}) misses the threshold of the workload's spec, ` +
      'the threshold its AnalysisTemplate judges new versions by, for longer than an analysis run: this is a version the analysis let through (the stable one), or one it did not judge. ' +
      'Compare with the previous version in Git; a fix or a revert rolls out through the same analysis.',
    cases: {
      fires: {
        description: `${first.namespace}/${first.name}: the stable version misses the threshold`,
        series: versionSeries(first, STABLE_HASH, versionHealth(first.analysis, false), thresholds.latencyP99),
        at,
        firing,
      },
      quiet: {
        description: `${first.namespace}/${first.name}: the stable version meets the threshold`,
        series: versionSeries(first, STABLE_HASH, versionHealth(first.analysis, true), thresholds.latencyP99),
        at,
        firing: [],
      },
      alsoQuiet: [
        {
          description: `${first.namespace}/${first.name}: the version misses the threshold, but for less time than an analysis run (the analysis decides)`,
          series: versionSeries(first, STABLE_HASH, versionHealth(first.analysis, false), thresholds.latencyP99),
          // Past the rate window (the expression is true: the alert is pending), before `for` ends.
          at: `${Math.floor((analysisWindow(first).toSeconds() + longest) / 2 / 60)}m`,
          firing: [],
        },
      ],
    },
  };
}

export interface DeliveredWorkloadsMonitoringProps {
  /** The environment's name, for errors. */
  readonly name: string;
  readonly tier: Tier;
  readonly delivery?: DeliverySpec;
}

export interface DeliveredWorkloadsDomain extends MonitoringDomain {
  /**
   * promtool tests of the AnalysisTemplates' queries themselves (analysis-query-tests.ts): the query
   * text with a version's hash in place of the argument, on given series, and the value the
   * conditions judge. For the domain's tests.yaml beside the rules' own cases.
   */
  readonly queryTests: readonly PromtoolTest[];
}

/**
 * The health of the workloads delivered by Argo Rollouts (spec.delivery), by the expressions and
 * thresholds their AnalysisTemplates judge new versions with (constructs/delivery/analysis): one
 * recording per metric and version, and an alert per metric when a version keeps missing the
 * threshold after its analysis would have rolled it back. Nothing when the environment delivers
 * no workload.
 */
export function deliveredWorkloadsMonitoring(props: DeliveredWorkloadsMonitoringProps): DeliveredWorkloadsDomain | undefined {
  const workloads = props.delivery?.workloads ?? [];
  if (workloads.length === 0) return undefined;
  for (const workload of workloads) assertAnalysisSpec(props.name, workload);
  return {
    name: 'delivered-workloads',
    recordings: workloads.flatMap((workload) => WORKLOAD_METRICS.map((metric) => recording(workload, metric))),
    alerts: WORKLOAD_METRICS.map((metric) => alert(workloads, metric, props.tier)),
    queryTests: workloads.flatMap((workload) => analysisQueryCases(workload).map((c) => c.test)),
  };
}
