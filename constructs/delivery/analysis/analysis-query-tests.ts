import type { PromtoolTest } from '../../monitoring/types';
import type { DeliveredWorkloadSpec } from '../delivery-spec';
import { workloadThresholds } from './analysis-conditions';
import { excludedExamples } from './request-exclusion';
import { expectedValues, type VersionHealth, type VersionTraffic, versionHealth, versionSeries } from './version-series';
import { ANALYSIS_METRIC_NAMES, analysisMetrics } from './workload-analysis-template';
import { WORKLOAD_METRICS, type WorkloadMetricName, withHash } from './workload-queries';

/** The version under test in the cases, and the version it replaces. */
export const CANARY_HASH = '6d4cf56db6';
export const STABLE_HASH = '5b8f9c7d45';

/** A hash no pod has: the query must return no sample. */
export const UNSCRAPED_HASH = '7c9bd8f5b4';

/** When promtool evaluates the queries: well after every rate window has filled. */
const EVAL_TIME = '30m';

/** One measurement of an AnalysisTemplate metric on given series, and the verdict its conditions must reach. */
export interface AnalysisQueryCase {
  readonly metric: WorkloadMetricName;
  readonly description: string;
  /** The AnalysisTemplate's query with the version's hash in place of the argument, as Argo Rollouts runs it. */
  readonly query: string;
  /** The `result` the Prometheus provider hands to the conditions (one sample's value, or none). */
  readonly result: readonly number[];
  readonly verdict: 'Successful' | 'Failed' | 'Inconclusive';
  readonly test: PromtoolTest;
}

/** The metrics read from the workload's requests, which the spec's exclusion applies to (CPU is not a request). */
const REQUEST_METRICS: ReadonlySet<WorkloadMetricName> = new Set(['successRatio', 'latencyP99']);

interface Scenario {
  readonly what: string;
  readonly canary: VersionHealth;
  readonly stable: VersionHealth;
  /** The version the query is run for: CANARY_HASH, or UNSCRAPED_HASH for a version without series. */
  readonly hash: string;
  readonly traffic: VersionTraffic;
  readonly verdict: (metric: WorkloadMetricName) => AnalysisQueryCase['verdict'];
}

/**
 * For each metric of the workload's AnalysisTemplate: a version under test that meets the
 * thresholds beside a stable version that misses them (Successful), the reverse (Failed), and a
 * version with no series yet (no sample: Inconclusive). The two versions in one case show that the
 * query reads the version under test only. When the spec excludes requests (probes), every case's
 * series also hold fast, successful probe requests that would hide the failing version were they
 * counted, and one more case is a version with probe requests only (a blue-green preview without
 * client traffic): no sample for the request metrics, Inconclusive, so the Rollout waits for a person.
 */
export function analysisQueryCases(workload: DeliveredWorkloadSpec): AnalysisQueryCase[] {
  const thresholds = workloadThresholds(workload);
  const metrics = analysisMetrics(workload);
  const healthy = versionHealth(workload.analysis, true);
  const unhealthy = versionHealth(workload.analysis, false);
  const probed = workload.metrics.excludedRequests !== undefined && excludedExamples(workload.metrics.excludedRequests).length > 0;
  const scenarios: Scenario[] = [
    {
      verdict: () => 'Successful',
      canary: healthy,
      stable: unhealthy,
      hash: CANARY_HASH,
      traffic: 'clients',
      what: 'the new version meets the threshold (the stable one misses it)',
    },
    { verdict: () => 'Failed', canary: unhealthy, stable: healthy, hash: CANARY_HASH, traffic: 'clients', what: 'the new version misses the threshold (the stable one meets it)' },
    { verdict: () => 'Inconclusive', canary: healthy, stable: healthy, hash: UNSCRAPED_HASH, traffic: 'clients', what: 'the new version has no series yet' },
    ...(probed
      ? [
          {
            verdict: (metric: WorkloadMetricName) => (REQUEST_METRICS.has(metric) ? 'Inconclusive' : 'Successful'),
            canary: healthy,
            stable: unhealthy,
            hash: CANARY_HASH,
            traffic: 'probesOnly',
            what: 'the new version gets probe requests only (a preview without client traffic)',
          } as const,
        ]
      : []),
  ];
  return WORKLOAD_METRICS.flatMap((metric, index) =>
    scenarios.map((scenario) => {
      const query = withHash(metrics[index].provider.prometheus.query, scenario.hash);
      const value = expectedValues(scenario.canary, thresholds.latencyP99)[metric];
      const noSample = scenario.hash === UNSCRAPED_HASH || (scenario.traffic === 'probesOnly' && REQUEST_METRICS.has(metric));
      const result = noSample ? [] : [value];
      const description = `${workload.namespace}/${workload.name} analysis ${ANALYSIS_METRIC_NAMES[metric]}: ${scenario.what}`;
      return {
        metric,
        description,
        query,
        result,
        verdict: scenario.verdict(metric),
        test: {
          name: description,
          interval: '1m',
          input_series: [
            ...versionSeries(workload, STABLE_HASH, scenario.stable, thresholds.latencyP99),
            ...(scenario.hash === UNSCRAPED_HASH ? [] : versionSeries(workload, CANARY_HASH, scenario.canary, thresholds.latencyP99, scenario.traffic)),
          ],
          promql_expr_test: [{ expr: query, eval_time: EVAL_TIME, exp_samples: result.map((v) => ({ labels: '{}', value: v })) }],
        },
      };
    }),
  );
}
