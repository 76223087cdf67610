import type { DeliveredWorkloadSpec } from '../delivery-spec';
import type { WorkloadMetricName } from './workload-queries';

/**
 * The limit one metric of a release must respect, and how the AnalysisTemplate's conditions
 * (Argo Rollouts' expr language, github.com/antonmedv/expr v1.15.5) and the alert's PromQL
 * comparison are written from it, so the two judge by the same number.
 */
export interface Threshold {
  readonly metric: WorkloadMetricName;
  /** `min`: healthy at or above; `max`: healthy at or below. */
  readonly bound: 'min' | 'max';
  readonly value: number;
}

/** Each metric's threshold from the workload's spec (latency in seconds, as the histogram counts). */
export function workloadThresholds(workload: Pick<DeliveredWorkloadSpec, 'analysis'>): Readonly<Record<WorkloadMetricName, Threshold>> {
  const analysis = workload.analysis;
  return {
    successRatio: { metric: 'successRatio', bound: 'min', value: analysis.minSuccessRatio },
    latencyP99: { metric: 'latencyP99', bound: 'max', value: analysis.maxLatencyP99.toMilliseconds() / 1000 },
    cpuSaturation: { metric: 'cpuSaturation', bound: 'max', value: analysis.maxCpuSaturation },
  };
}

/**
 * A number both expr and PromQL read as a float: `0.99`, `1.0` (never an exponent; the spec's
 * thresholds are validated to plain ranges first).
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`threshold ${value} is not a finite number`);
  const text = String(value);
  if (/e/i.test(text)) throw new Error(`threshold ${value} would render with an exponent; use a plain decimal`);
  return Number.isInteger(value) ? `${text}.0` : text;
}

/** The healthy side: `>=` a minimum, `<=` a maximum. */
function healthyOperator(threshold: Threshold): string {
  return threshold.bound === 'min' ? '>=' : '<=';
}

/** The breaching side: `<` a minimum, `>` a maximum (what the alert compares with). */
export function breachOperator(threshold: Threshold): string {
  return threshold.bound === 'min' ? '<' : '>';
}

/**
 * A measurement has a verdict only with exactly one sample that is a number. The Prometheus
 * provider hands a vector to the conditions as `result`, a `[]float64` of the sample values
 * (argo-rollouts v1.8.0 metricproviders/prometheus/prometheus.go processResponse; v1.7.2 the
 * same): our queries aggregate to one sample, or to none when no series matches (the new pods not
 * scraped yet); a ratio or quantile over no request is NaN. expr's `&&` stops at the first false
 * operand (antonmedv/expr v1.15.5 compiler/compiler.go: OpJumpIfFalse), so `result[0]` is never
 * read from an empty vector (which would be an expr runtime error: a measurement Error).
 */
const HAS_VERDICT = 'len(result) == 1 && !isNaN(result[0])';

/** Argo Rollouts `successCondition`: a number on the healthy side. */
export function successCondition(threshold: Threshold): string {
  return `${HAS_VERDICT} && result[0] ${healthyOperator(threshold)} ${numberLiteral(threshold.value)}`;
}

/**
 * Argo Rollouts `failureCondition`: a number on the breaching side. With both conditions set, a
 * measurement where neither holds (no sample, NaN) is Inconclusive, not Failed
 * (argo-rollouts v1.8.0/v1.7.2 utils/evaluate/evaluate.go EvaluateResult): no traffic is no verdict.
 */
export function failureCondition(threshold: Threshold): string {
  return `${HAS_VERDICT} && result[0] ${breachOperator(threshold)} ${numberLiteral(threshold.value)}`;
}

/** The PromQL filter an alert puts after the expression: keeps the samples that breach. */
export function breachFilter(threshold: Threshold): string {
  return `${breachOperator(threshold)} ${numberLiteral(threshold.value)}`;
}
