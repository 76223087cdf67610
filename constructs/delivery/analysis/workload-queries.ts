import type { Duration } from 'cdk8s';
import { labelEquals, regexLiteral, type Selector } from '../../monitoring/promql/label-matchers';
import { cpuSaturation, latencyQuantile, type PromqlExpression, podsSelector, successRatio } from '../../monitoring/promql/workload-expressions';
import { POD_TEMPLATE_HASH_ARG, POD_TEMPLATE_HASH_METRIC_LABEL } from '../analysis-contract';
import type { DeliveredWorkloadSpec } from '../delivery-spec';
import { excludedRequestsSelector } from './request-exclusion';

/** The latency quantile a release is judged on. */
export const LATENCY_QUANTILE = 0.99;

/**
 * Which versions of a workload an expression reads: one (the AnalysisTemplate's version under
 * test, or a fixed hash in a test), or each version apart (the recording rules, one sample per
 * version, labelled with its hash).
 */
export type VersionSelection = { readonly hash: string } | 'each';

/** The AnalysisTemplate's placeholder for the version under test, filled by Argo Rollouts before the query runs. */
export const HASH_PLACEHOLDER = `{{args.${POD_TEMPLATE_HASH_ARG}}}`;

/**
 * Pod template hashes and pod name suffixes: both come from k8s.io/apimachinery pkg/util/rand
 * (SafeEncodeString in argo-rollouts v1.8.0/v1.7.2 utils/hash/hash.go; the ReplicaSet's
 * generateName suffix), lowercase consonants and digits.
 */
const GENERATED = '[a-z0-9]+';

/**
 * A Rollout's pods are named `<rollout>-<pod template hash>-<suffix>` (its ReplicaSet is
 * `rollout.Name + "-" + podTemplateSpecHash`, argo-rollouts v1.8.0/v1.7.2 rollout/sync.go), so
 * their names say the version; the pattern also keeps out `<rollout>-<other>-<hash>-<suffix>` of a
 * longer-named workload.
 */
function podNameRegex(workload: Pick<DeliveredWorkloadSpec, 'name'>, hash: string | undefined): string {
  return `${regexLiteral(workload.name)}-${hash ?? `(${GENERATED})`}-${GENERATED}`;
}

/** The three expressions a release is judged on, over one selection of its versions. */
export interface WorkloadQueries {
  /** Share of non-5xx responses. */
  readonly successRatio: PromqlExpression;
  /** 99th percentile latency, in seconds. */
  readonly latencyP99: PromqlExpression;
  /** Share of the CPU request used. */
  readonly cpuSaturation: PromqlExpression;
}

export type WorkloadMetricName = keyof WorkloadQueries;

export const WORKLOAD_METRICS: readonly WorkloadMetricName[] = ['successRatio', 'latencyP99', 'cpuSaturation'];

/**
 * The workload's queries. The workload's own series carry the version as a label (the PodMonitor
 * copies the pod label, analysis-contract.ts); cAdvisor and kube-state-metrics series only name the
 * pod, so there the version comes from the pod name. The success ratio and the latency leave out
 * the requests of `metrics.excludedRequests` (probes): without client traffic they have no sample
 * or NaN, which the conditions read as Inconclusive, not as a healthy version. With `'each'` every expression keeps
 * `namespace` and the version label, one sample per version; with a hash, one sample in all.
 */
export function workloadQueries(workload: DeliveredWorkloadSpec, version: VersionSelection, window: Duration): WorkloadQueries {
  const hash = version === 'each' ? undefined : version.hash;
  const pods = podsSelector(workload.namespace, podNameRegex(workload, hash));
  const own: Selector = [...pods, ...(hash === undefined ? [] : [labelEquals(POD_TEMPLATE_HASH_METRIC_LABEL, hash)])];
  // Requests the spec leaves out (probes) count neither for the ratio nor for the latency.
  const requests: Selector = [...own, ...excludedRequestsSelector(workload.metrics)];
  const by = hash === undefined ? ['namespace', POD_TEMPLATE_HASH_METRIC_LABEL] : undefined;
  const aggregation = { window, ...(by === undefined ? {} : { by }) };
  return {
    successRatio: successRatio({ metric: workload.metrics.requestsTotal, statusLabel: workload.metrics.statusLabel, selector: requests, ...aggregation }),
    latencyP99: latencyQuantile({ histogram: workload.metrics.latencyHistogram, quantile: LATENCY_QUANTILE, selector: requests, ...aggregation }),
    cpuSaturation: cpuSaturation({
      selector: pods,
      ...aggregation,
      ...(hash === undefined ? { derived: { target: POD_TEMPLATE_HASH_METRIC_LABEL, source: 'pod', regex: podNameRegex(workload, undefined) } } : {}),
    }),
  };
}

/** The query of `metric` with the placeholder replaced, as Argo Rollouts resolves `{{args.*}}` before querying. */
export function withHash(query: string, hash: string): string {
  return query.split(HASH_PLACEHOLDER).join(hash);
}
