import { Chart, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { analysisQueryCases, CANARY_HASH } from '../../../constructs/delivery/analysis/analysis-query-tests';
import { excludedExamples, includedExample } from '../../../constructs/delivery/analysis/request-exclusion';
import { analysisMetrics } from '../../../constructs/delivery/analysis/workload-analysis-template';
import { WORKLOAD_METRICS, withHash } from '../../../constructs/delivery/analysis/workload-queries';
import type { DeliveredWorkloadSpec } from '../../../constructs/delivery/delivery-spec';
import { deliveredWorkloadsMonitoring } from '../../../constructs/monitoring/domains/delivered-workloads';
import { PrometheusRules } from '../../../constructs/monitoring/prometheus-rules';
import { promtoolSuite } from '../../../constructs/monitoring/promtool-suite';
import type { PromtoolTest, RuleGroup } from '../../../constructs/monitoring/types';
import { fixtureWorkload } from './delivered-workload-fixture';
import { measurementPhase } from './expr-evaluator';
import { promtoolFailures } from './run-promtool';

/** podinfo as it is instrumented (pkg/api/http/metrics.go 6.14.1): the histogram's `_count` has `path`, the probes are `healthz` and `readyz`. */
const PROBED = fixtureWorkload({
  metrics: {
    port: 'http',
    path: '/metrics',
    requestsTotal: 'http_request_duration_seconds_count',
    statusLabel: 'status',
    latencyHistogram: 'http_request_duration_seconds',
    excludedRequests: { label: 'path', pattern: 'healthz|readyz' },
  },
});

/** The same workload judging every request: what the estate did before the exclusion. */
const UNEXCLUDED: DeliveredWorkloadSpec = { ...PROBED, metrics: { ...PROBED.metrics, excludedRequests: undefined } };

const queryOf = (workload: DeliveredWorkloadSpec, metric: (typeof WORKLOAD_METRICS)[number]) =>
  analysisMetrics(workload)[WORKLOAD_METRICS.indexOf(metric)].provider.prometheus.query;

/** The rule group and promtool tests of the delivered-workloads domain of one workload. */
function domainSuite(workload: DeliveredWorkloadSpec): { group: RuleGroup; tests: PromtoolTest[] } {
  const domain = deliveredWorkloadsMonitoring({ name: 'live', tier: 'production', delivery: { workloads: [workload] } });
  if (domain === undefined) throw new Error('expected a domain');
  const rules = new PrometheusRules(new Chart(Testing.app(), 'rules'), 'rules', { domain, runbookUrl: (a) => `https://example.org/#${a}` });
  return { group: rules.group, tests: (parse(promtoolSuite(rules).get('tests.yaml')!) as { tests: PromtoolTest[] }).tests };
}

describe('requests left out of the judgement (metrics.excludedRequests)', () => {
  it('leave the success ratio and the latency, not the CPU, with a !~ matcher in the analysis and in the recordings alike', () => {
    const matcher = 'path!~"healthz|readyz"';
    expect(queryOf(PROBED, 'successRatio').match(/path!~"healthz\|readyz"/g)).toHaveLength(2);
    expect(queryOf(PROBED, 'successRatio')).toContain(`rate(http_request_duration_seconds_count{namespace="podinfo"`);
    expect(queryOf(PROBED, 'latencyP99')).toContain(matcher);
    expect(queryOf(PROBED, 'cpuSaturation')).not.toContain(matcher);
    const recordings = deliveredWorkloadsMonitoring({ name: 'live', tier: 'production', delivery: { workloads: [PROBED] } })?.recordings ?? [];
    expect(recordings.map((r) => r.expr.includes(matcher))).toEqual([true, true, false]);
    expect(queryOf(UNEXCLUDED, 'latencyP99')).not.toContain('!~');
  });

  it('quote the pattern as a PromQL string, so it cannot end the matcher early', () => {
    const tricky = fixtureWorkload({ metrics: { ...PROBED.metrics, excludedRequests: { label: 'path', pattern: 'a"b|c\\.d' } } });
    expect(queryOf(tricky, 'latencyP99')).toContain('path!~"a\\"b|c\\\\.d"');
  });

  it('come with probe series in every case, which promtool passes with the exclusion', () => {
    const cases = analysisQueryCases(PROBED);
    for (const c of cases) expect(c.test.input_series?.some((s) => s.series.includes('path="healthz"'))).toBe(true);
    expect(promtoolFailures(cases.map((c) => c.test))).toBe('');
  });

  it('are what hides a failing version: without the exclusion the same series make the failing cases pass, and promtool says so', () => {
    const failing = analysisQueryCases(PROBED).filter((c) => c.verdict === 'Failed' && c.metric !== 'cpuSaturation');
    expect(failing.map((c) => c.metric)).toEqual(['successRatio', 'latencyP99']);
    for (const c of failing) {
      const expr = c.test.promql_expr_test![0];
      const withoutExclusion: PromtoolTest = { ...c.test, promql_expr_test: [{ ...expr, expr: withHash(queryOf(UNEXCLUDED, c.metric), CANARY_HASH) }] };
      expect(promtoolFailures([withoutExclusion])).toContain('got: {}');
    }
  });

  it('leave a preview with probe requests only without a verdict on requests: Inconclusive, so the Rollout waits for a person', () => {
    const preview = analysisQueryCases(PROBED).filter((c) => c.description.includes('probe requests only'));
    expect(preview.map((c) => `${c.metric} ${c.verdict}`)).toEqual(['successRatio Inconclusive', 'latencyP99 Inconclusive', 'cpuSaturation Successful']);
    const metrics = analysisMetrics(PROBED);
    for (const c of preview) expect(measurementPhase(metrics[WORKLOAD_METRICS.indexOf(c.metric)], c.result)).toBe(c.verdict);
    expect(promtoolFailures(preview.map((c) => c.test))).toBe('');
    // Counted, the probes would pass the preview: the same series give a healthy sample.
    const counted = preview
      .filter((c) => c.metric !== 'cpuSaturation')
      .map((c) => ({ ...c.test, promql_expr_test: [{ ...c.test.promql_expr_test![0], expr: withHash(queryOf(UNEXCLUDED, c.metric), CANARY_HASH) }] }));
    expect(promtoolFailures(counted)).toContain('got: {}');
  });

  it('keep the domain judging like the analysis: its recordings and alerts pass on probe series, and would miss the failing stable version without the exclusion', () => {
    const probed = domainSuite(PROBED);
    expect(promtoolFailures(probed.tests, [probed.group])).toBe('');
    const unexcluded = domainSuite(UNEXCLUDED);
    const domainCases = probed.tests.filter((t) => /^(DeliveredWorkload(ErrorRatioHigh|LatencyHigh) fires|gitops:delivered_workload_(success|latency))/.test(t.name ?? ''));
    expect(domainCases.length).toBeGreaterThanOrEqual(4);
    const report = promtoolFailures(domainCases, [unexcluded.group]);
    expect(report).toMatch(/DeliveredWorkloadErrorRatioHigh fires/);
    expect(report).toMatch(/DeliveredWorkloadLatencyHigh fires/);
    expect(report).toMatch(/expr: "gitops:delivered_workload_success:ratio"/);
    expect(report).toMatch(/expr: "gitops:delivered_workload_latency_p99:seconds"/);
  });

  it('need a label value of the pattern for the probe series and one outside it for the clients', () => {
    expect(excludedExamples({ label: 'path', pattern: 'healthz|readyz|metrics' })).toEqual(['healthz', 'readyz', 'metrics']);
    expect(excludedExamples({ label: 'path', pattern: 'debug_.*' })).toEqual([]);
    expect(includedExample({ label: 'path', pattern: 'healthz|readyz' })).toBe('client_request');
    expect(includedExample({ label: 'path', pattern: 'client_request|api' })).toBe('root');
  });
});
