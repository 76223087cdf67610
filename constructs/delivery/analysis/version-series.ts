import type { InputSeries } from '../../monitoring/types';
import { POD_TEMPLATE_HASH_METRIC_LABEL } from '../analysis-contract';
import type { DeliveredWorkloadSpec } from '../delivery-spec';
import type { Threshold } from './analysis-conditions';
import { excludedExamples, includedExample } from './request-exclusion';
import { LATENCY_QUANTILE } from './workload-queries';

/**
 * Synthetic series of one version of a workload, for promtool cases: the same series feed the
 * analysis queries' tests and the recording and alerting rules' tests, with the values each must
 * compute. Every rate is a multiple of 1/16 per second and the histogram holds 16 requests per
 * second, so the arithmetic is exact in floating point and the expected values are the values.
 */
export interface VersionHealth {
  /** Non-5xx responses per second, out of 16 (the rest are 500s). */
  readonly okPerSixteen: number;
  /** Every request falls in this bucket of the test histogram: `fast` (0, T/2], `slow` (T, 2T]. */
  readonly latency: 'fast' | 'slow';
  /** CPU seconds used per second by the one container, whose request is one core: the saturation. */
  readonly cpuCores: number;
}

/** Requests per second of the test traffic. */
const REQUESTS_PER_SECOND = 16;

/**
 * Requests per second of each excluded value (probes) when the spec excludes some: 128 times the
 * client traffic, as kubelet probes outnumber the requests of a quiet service (or of a blue-green
 * preview, which gets none). Enough that, were they counted, a version missing the thresholds
 * would pass: even with every client request a 500 the ratio would be 2048/2064 (above 0.99), and
 * the p99 would fall in the fast bucket (16 slow requests of 2064 are under 1 %).
 */
const PROBES_PER_SECOND = REQUESTS_PER_SECOND * 128;

/** Which requests a version's series count: its clients' and the probes', or only the probes' (a preview without client traffic). */
export type VersionTraffic = 'clients' | 'probesOnly';

/** promtool steps of the series: one a minute for six hours, longer than any analysis run and an alert's `for` after it. */
export const SERIES_STEPS = 360;

/** A name of a pod of the version, as its ReplicaSet names it (`<rollout>-<hash>-<suffix>`). */
export function podName(workload: Pick<DeliveredWorkloadSpec, 'name'>, hash: string): string {
  return `${workload.name}-${hash}-x7k2q`;
}

function labels(pairs: Readonly<Record<string, string>>): string {
  return Object.entries(pairs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
}

/** A counter growing by `perSecond` (one-minute steps). */
function counter(perSecond: number): string {
  return `0+${perSecond * 60}x${SERIES_STEPS}`;
}

/** The test histogram's bucket bounds around the latency threshold T: T/2, T, 2T, +Inf. */
function bucketBounds(threshold: Threshold): readonly [number, number, number] {
  return [threshold.value / 2, threshold.value, threshold.value * 2];
}

/** Request counter and histogram series at `perSecond` requests, all in the bucket of `reachedBound` and above. */
function requestSeries(
  metrics: DeliveredWorkloadSpec['metrics'],
  labelled: Readonly<Record<string, string>>,
  bounds: readonly number[],
  requests: { perSecond: number; ok: number; reachedBound: number },
): InputSeries[] {
  const { requestsTotal, statusLabel, latencyHistogram } = metrics;
  return [
    { series: `${requestsTotal}{${labels({ ...labelled, [statusLabel]: '200' })}}`, values: counter(requests.ok) },
    ...(requests.ok < requests.perSecond
      ? [{ series: `${requestsTotal}{${labels({ ...labelled, [statusLabel]: '500' })}}`, values: counter(requests.perSecond - requests.ok) }]
      : []),
    ...bounds.map((bound) => ({
      series: `${latencyHistogram}_bucket{${labels({ ...labelled, le: String(bound) })}}`,
      values: counter(bound >= requests.reachedBound ? requests.perSecond : 0),
    })),
    { series: `${latencyHistogram}_bucket{${labels({ ...labelled, le: '+Inf' })}}`, values: counter(requests.perSecond) },
  ];
}

/**
 * The series of one version: the workload's request counter and histogram (with the version label;
 * with an exclusion in the spec, the client requests beside fast, successful probe requests the
 * queries must leave out), cAdvisor CPU and kube-state-metrics request.
 */
export function versionSeries(
  workload: DeliveredWorkloadSpec,
  hash: string,
  health: VersionHealth,
  latencyThreshold: Threshold,
  traffic: VersionTraffic = 'clients',
): InputSeries[] {
  const pod = podName(workload, hash);
  const own = { namespace: workload.namespace, pod, [POD_TEMPLATE_HASH_METRIC_LABEL]: hash, job: `${workload.namespace}/${workload.name}` };
  const bounds = bucketBounds(latencyThreshold);
  const [fast, , slow] = bounds;
  const excluded = workload.metrics.excludedRequests;
  const clientValue = excluded === undefined ? undefined : includedExample(excluded);
  const clientLabels = excluded === undefined || clientValue === undefined ? own : { ...own, [excluded.label]: clientValue };
  const clients = requestSeries(workload.metrics, clientLabels, bounds, {
    perSecond: REQUESTS_PER_SECOND,
    ok: health.okPerSixteen,
    reachedBound: health.latency === 'fast' ? fast : slow,
  });
  const probes =
    excluded === undefined
      ? []
      : excludedExamples(excluded).flatMap((value) =>
          requestSeries(workload.metrics, { ...own, [excluded.label]: value }, bounds, { perSecond: PROBES_PER_SECOND, ok: PROBES_PER_SECOND, reachedBound: fast }),
        );
  return [
    ...(traffic === 'clients' ? clients : []),
    ...probes,
    {
      series: `container_cpu_usage_seconds_total{${labels({ job: 'kubelet', metrics_path: '/metrics/cadvisor', namespace: workload.namespace, pod, container: workload.name })}}`,
      values: counter(health.cpuCores),
    },
    {
      series: `kube_pod_container_resource_requests{${labels({ job: 'kube-state-metrics', namespace: workload.namespace, pod, container: workload.name, resource: 'cpu', unit: 'core' })}}`,
      values: `1x${SERIES_STEPS}`,
    },
  ];
}

/** What the three expressions compute on a version's series (exact: see VersionHealth). */
export function expectedValues(health: VersionHealth, latencyThreshold: Threshold): { successRatio: number; latencyP99: number; cpuSaturation: number } {
  const [fast, threshold, slow] = bucketBounds(latencyThreshold);
  // histogram_quantile with every observation in one bucket (lower, upper]: Prometheus'
  // bucketQuantile interpolates `lower + (upper - lower) * (rank / count)`, rank = q * count.
  const [lower, upper] = health.latency === 'fast' ? [0, fast] : [threshold, slow];
  const rank = LATENCY_QUANTILE * REQUESTS_PER_SECOND;
  return {
    successRatio: health.okPerSixteen / REQUESTS_PER_SECOND,
    latencyP99: lower + (upper - lower) * (rank / REQUESTS_PER_SECOND),
    cpuSaturation: health.cpuCores,
  };
}

/** The largest multiple of 1/16 (or finer, for small thresholds) at or below `value`, above zero. */
function dyadicAtMost(value: number): number {
  for (let denominator = 16; denominator <= 1 << 20; denominator *= 2) {
    const below = Math.floor(value * denominator) / denominator;
    if (below > 0) return below;
  }
  throw new Error(`no test value between 0 and ${value}`);
}

/** The smallest multiple of 1/16 strictly above `value`. */
function dyadicAbove(value: number): number {
  return (Math.floor(value * 16) + 1) / 16;
}

/**
 * A version that meets every threshold (healthy) or misses every threshold (unhealthy), for
 * `minSuccessRatio` and `maxCpuSaturation` of the spec; latency by the bucket its requests land in.
 */
export function versionHealth(analysis: DeliveredWorkloadSpec['analysis'], healthy: boolean): VersionHealth {
  const okAtLeast = Math.ceil(analysis.minSuccessRatio * REQUESTS_PER_SECOND);
  return healthy
    ? { okPerSixteen: okAtLeast, latency: 'fast', cpuCores: dyadicAtMost(analysis.maxCpuSaturation) }
    : { okPerSixteen: okAtLeast - 1, latency: 'slow', cpuCores: dyadicAbove(analysis.maxCpuSaturation) };
}
