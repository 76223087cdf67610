import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { argoDuration } from '../../argocd/argo-duration';
import { MONITORING_NAMESPACE } from '../../monitoring/prometheus-rules';
import { analysisTemplateName, POD_TEMPLATE_HASH_ARG } from '../analysis-contract';
import type { DeliveredWorkloadSpec } from '../delivery-spec';
import { failureCondition, successCondition, workloadThresholds } from './analysis-conditions';
import { assertAnalysisSpec } from './analysis-validation';
import { HASH_PLACEHOLDER, WORKLOAD_METRICS, type WorkloadMetricName, workloadQueries } from './workload-queries';

/**
 * The estate's Prometheus in every cluster: prometheus-operator's governing Service of each
 * Prometheus StatefulSet, `prometheus-operated` on port 9090 (prometheus-operator v0.79.2
 * pkg/prometheus/server/statefulset.go governingServiceName, pkg/prometheus/common.go
 * BuildStatefulSetService), in kube-prometheus-stack's namespace: the same name whatever the
 * Helm release is called. The controller (namespace argo-rollouts) reaches it: neither namespace
 * gets Kyverno's default-deny NetworkPolicy.
 */
export const PROMETHEUS_ADDRESS = `http://prometheus-operated.${MONITORING_NAMESPACE}.svc:9090`;

/** The AnalysisTemplate's metric names (kebab-case, as AnalysisRuns and `kubectl argo rollouts get` show them). */
export const ANALYSIS_METRIC_NAMES: Readonly<Record<WorkloadMetricName, string>> = {
  successRatio: 'success-ratio',
  latencyP99: 'latency-p99',
  cpuSaturation: 'cpu-saturation',
};

/** The shortest rate window: four scrapes at kube-prometheus-stack's 30s, and two samples at promtool's one-minute step. */
export const MIN_ANALYSIS_WINDOW = Duration.minutes(2);

/**
 * The rate window of every query (analysis and rules alike): the analysis interval, so consecutive
 * measurements read disjoint traffic, but at least MIN_ANALYSIS_WINDOW so a rate has samples to read.
 */
export function analysisWindow(workload: Pick<DeliveredWorkloadSpec, 'analysis'>): Duration {
  const interval = workload.analysis.interval;
  return interval.toMilliseconds() >= MIN_ANALYSIS_WINDOW.toMilliseconds() ? interval : MIN_ANALYSIS_WINDOW;
}

/**
 * Data-less measurements (no sample, NaN) tolerated before the metric is Inconclusive: as many as
 * failures, and at least one: even after `initialDelay` a scrape that came late can leave the
 * first window with one sample of the new pods, too few for a rate.
 */
export function inconclusiveLimit(workload: Pick<DeliveredWorkloadSpec, 'analysis'>): number {
  return Math.max(1, workload.analysis.failureLimit);
}

/** One metric of the AnalysisTemplate (argoproj.io/v1alpha1 Metric, fields present in v1.7.2 and v1.8.0). */
export interface AnalysisMetric {
  readonly name: string;
  readonly interval: string;
  readonly initialDelay: string;
  readonly count: number;
  readonly failureLimit: number;
  readonly inconclusiveLimit: number;
  readonly successCondition: string;
  readonly failureCondition: string;
  readonly provider: { readonly prometheus: { readonly address: string; readonly query: string } };
}

/** The AnalysisTemplate's metrics: the workload's three queries for the version under test, judged by the spec's thresholds. */
export function analysisMetrics(workload: DeliveredWorkloadSpec): AnalysisMetric[] {
  const queries = workloadQueries(workload, { hash: HASH_PLACEHOLDER }, analysisWindow(workload));
  const thresholds = workloadThresholds(workload);
  return WORKLOAD_METRICS.map((metric) => ({
    name: ANALYSIS_METRIC_NAMES[metric],
    // Always set: with count > 1 Argo Rollouts requires it (utils/analysis/factory.go ValidateMetric).
    interval: argoDuration(workload.analysis.interval),
    // The first measurement waits one rate window (argo-rollouts v1.7.2/v1.8.0 analysis/analysis.go
    // generateMetricTasks: no measurement before run start + initialDelay): a window that starts
    // with the run then holds the new pods' first scrapes and, before a blue-green promotion, the
    // smoke requests (workload-smoke-template.ts), which start with the run too. Measured at once,
    // it would read a version with no traffic yet, Inconclusive, and with inconclusiveLimit spent
    // on the start the run could not tolerate a later quiet moment.
    initialDelay: argoDuration(analysisWindow(workload)),
    count: workload.analysis.count,
    failureLimit: workload.analysis.failureLimit,
    inconclusiveLimit: inconclusiveLimit(workload),
    successCondition: successCondition(thresholds[metric]),
    failureCondition: failureCondition(thresholds[metric]),
    provider: { prometheus: { address: PROMETHEUS_ADDRESS, query: queries[metric].text } },
  }));
}

export interface WorkloadAnalysisTemplateProps {
  /** The environment's name, for errors. */
  readonly environment: string;
  readonly workload: DeliveredWorkloadSpec;
}

/**
 * The AnalysisTemplate that judges a new version of a delivered workload: its success ratio, p99
 * latency and CPU saturation, read from the pods of the version under test (the Rollout passes
 * their pod template hash, analysis-contract.ts analysisReference) and compared with the
 * thresholds of the spec. The same expressions and thresholds feed the workload's recording and
 * alerting rules (constructs/monitoring/domains/delivered-workloads.ts).
 *
 * A Failed or Error run aborts the release; an Inconclusive one (no traffic to judge) pauses it
 * for a person (argo-rollouts v1.8.0/v1.7.2 rollout/analysis.go). Requests the spec excludes
 * (`metrics.excludedRequests`, e.g. kubelet probes) are no traffic: a version nobody calls has no
 * sample or NaN, so its run ends Inconclusive instead of passing on probes. A blue-green preview has
 * no clients: its pre-promotion run adds the smoke template (workload-smoke-template.ts), whose
 * requests are the traffic judged here.
 */
export class WorkloadAnalysisTemplate extends Construct {
  readonly metrics: readonly AnalysisMetric[];

  constructor(scope: Construct, id: string, props: WorkloadAnalysisTemplateProps) {
    super(scope, id);
    assertAnalysisSpec(props.environment, props.workload);
    this.metrics = analysisMetrics(props.workload);
    new ApiObject(this, 'Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisTemplate',
      metadata: {
        name: analysisTemplateName(props.workload),
        namespace: props.workload.namespace,
        labels: { 'app.kubernetes.io/name': props.workload.name, 'app.kubernetes.io/component': 'analysis' },
      },
      spec: {
        // No value: the Rollout supplies it (valueFrom.podTemplateHashValue: Latest).
        args: [{ name: POD_TEMPLATE_HASH_ARG }],
        metrics: this.metrics,
      },
    });
  }
}
