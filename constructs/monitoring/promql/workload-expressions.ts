import type { Duration } from 'cdk8s';
import { argoDuration } from '../../argocd/argo-duration';
import { assertLabelName, assertMetricName, labelDiffers, labelEquals, labelMatches, promqlString, type Selector, seriesSelector } from './label-matchers';

/**
 * PromQL for a workload's health, shared by what judges a release (an Argo Rollouts
 * AnalysisTemplate) and what watches it afterwards (recording and alerting rules): one builder,
 * so the two read the same series the same way. Each expression aggregates with `sum`, so it
 * returns one sample per group of `by` (one sample in all without `by`).
 */
export interface PromqlExpression {
  readonly text: string;
}

/** What every expression is aggregated over and by. */
export interface Aggregation {
  /** Series of the workload (namespace, pods, version...). */
  readonly selector: Selector;
  /** The `rate()` window. */
  readonly window: Duration;
  /** Labels kept in the result; none: a single sample for the whole selection. */
  readonly by?: readonly string[];
}

/** Copies a label into the result from a capture group of another label (PromQL `label_replace`). */
export interface DerivedLabel {
  readonly target: string;
  readonly source: string;
  /** Fully anchored RE2 on the source label's value; `$1` of it becomes the target's value. */
  readonly regex: string;
}

function sumBy(by: readonly string[] | undefined, inner: string): string {
  if (by === undefined || by.length === 0) return `sum(${inner})`;
  for (const label of by) assertLabelName(label);
  return `sum by (${by.join(', ')}) (${inner})`;
}

function rate(metric: string, selector: Selector, window: Duration): string {
  return `rate(${seriesSelector(metric, selector)}[${argoDuration(window)}])`;
}

/** `label_replace(inner, target, "$1", source, regex)`, or `inner` when there is nothing to derive. */
function withDerived(inner: string, derived: DerivedLabel | undefined): string {
  if (derived === undefined) return inner;
  assertLabelName(derived.target);
  assertLabelName(derived.source);
  return `label_replace(${inner}, ${promqlString(derived.target)}, "$1", ${promqlString(derived.source)}, ${promqlString(derived.regex)})`;
}

/**
 * Adds a constant label to every sample (`label_replace` on the empty source: the anchored empty
 * regex matches the absent label), so rules of several workloads can record under one name.
 */
export function withConstantLabel(expression: PromqlExpression, label: string, value: string): PromqlExpression {
  assertLabelName(label);
  return { text: `label_replace(${expression.text}, ${promqlString(label)}, ${promqlString(value)}, "", "")` };
}

/** HTTP 5xx: the responses that count against a release (4xx are the client's). */
export const SERVER_ERROR_STATUS = '5..';

export interface SuccessRatioOptions extends Aggregation {
  /** A request counter, e.g. `http_requests_total`. */
  readonly metric: string;
  /** Its label holding the HTTP status code. */
  readonly statusLabel: string;
}

/**
 * Share of requests answered without a server error over the window:
 * `sum(rate(requests{sel, status!~"5.."}[w])) / sum(rate(requests{sel}[w]))`. No request in the
 * window gives NaN (0/0); no series at all gives no sample.
 */
export function successRatio(options: SuccessRatioOptions): PromqlExpression {
  assertLabelName(options.statusLabel);
  const ok = sumBy(options.by, rate(options.metric, [...options.selector, { label: options.statusLabel, op: '!~', value: SERVER_ERROR_STATUS }], options.window));
  const all = sumBy(options.by, rate(options.metric, options.selector, options.window));
  return { text: `${ok} / ${all}` };
}

export interface LatencyQuantileOptions extends Aggregation {
  /** A histogram in seconds, without `_bucket`, e.g. `http_request_duration_seconds`. */
  readonly histogram: string;
  /** 0 < q < 1, e.g. 0.99. */
  readonly quantile: number;
}

/**
 * The q-quantile of request latency over the window, in seconds, from the histogram's buckets
 * summed over the selection: `histogram_quantile(q, sum by (le) (rate(h_bucket{sel}[w])))`. No
 * request in the window gives NaN; a quantile in the `+Inf` bucket gives the largest finite bound.
 */
export function latencyQuantile(options: LatencyQuantileOptions): PromqlExpression {
  assertMetricName(options.histogram);
  if (!(options.quantile > 0 && options.quantile < 1)) throw new Error(`latencyQuantile: quantile must be between 0 and 1 (exclusive), got ${options.quantile}`);
  const buckets = sumBy([...(options.by ?? []), 'le'], rate(`${options.histogram}_bucket`, options.selector, options.window));
  return { text: `histogram_quantile(${options.quantile}, ${buckets})` };
}

/** kube-prometheus-stack's scrape of the kubelets' cAdvisor endpoint (job `kubelet`, path `/metrics/cadvisor`). */
export const CADVISOR_SELECTOR: Selector = [labelEquals('job', 'kubelet'), labelEquals('metrics_path', '/metrics/cadvisor')];

/** kube-prometheus-stack's scrape of kube-state-metrics (job `kube-state-metrics`). */
export const KUBE_STATE_METRICS_SELECTOR: Selector = [labelEquals('job', 'kube-state-metrics')];

export interface CpuSaturationOptions extends Aggregation {
  /**
   * A label the result keeps that cAdvisor and kube-state-metrics do not have, derived from their
   * `pod` label on both sides of the division (e.g. a version hash inside pod names).
   */
  readonly derived?: DerivedLabel;
}

/**
 * Share of the CPU request used over the window, by the containers of the selected pods:
 * `sum(rate(container_cpu_usage_seconds_total[w])) / sum(kube_pod_container_resource_requests{resource="cpu"})`.
 * The selector names pods by `namespace` and `pod` (both sources have these labels). cAdvisor's
 * per-pod total (`container=""`) and the sandbox (`container="POD"`) are left out, so each
 * container counts once. No pod in the selection gives no sample.
 */
export function cpuSaturation(options: CpuSaturationOptions): PromqlExpression {
  const usageSelector: Selector = [...CADVISOR_SELECTOR, ...options.selector, labelDiffers('container', ''), labelDiffers('container', 'POD')];
  const requestSelector: Selector = [...KUBE_STATE_METRICS_SELECTOR, ...options.selector, labelEquals('resource', 'cpu')];
  const usage = sumBy(options.by, withDerived(rate('container_cpu_usage_seconds_total', usageSelector, options.window), options.derived));
  const requests = sumBy(options.by, withDerived(seriesSelector('kube_pod_container_resource_requests', requestSelector), options.derived));
  return { text: `${usage} / ${requests}` };
}

/** Pods whose name matches `regex` in `namespace`: the selection cAdvisor and kube-state-metrics series understand. */
export function podsSelector(namespace: string, regex: string): Selector {
  return [labelEquals('namespace', namespace), labelMatches('pod', regex)];
}
