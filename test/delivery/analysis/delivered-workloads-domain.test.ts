import { parser } from '@prometheus-io/lezer-promql';
import { Chart, Duration, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { monitoringDomains } from '../../../apps/assembly/monitoring-domains';
import { workloadThresholds } from '../../../constructs/delivery/analysis/analysis-conditions';
import { analysisQueryCases, CANARY_HASH } from '../../../constructs/delivery/analysis/analysis-query-tests';
import { expectedValues, versionHealth } from '../../../constructs/delivery/analysis/version-series';
import { analysisMetrics } from '../../../constructs/delivery/analysis/workload-analysis-template';
import { WORKLOAD_METRICS } from '../../../constructs/delivery/analysis/workload-queries';
import type { DeliveredWorkloadSpec } from '../../../constructs/delivery/delivery-spec';
import type { MonitoringDomain } from '../../../constructs/monitoring/alert-definition';
import { alertDelay, type DeliveredWorkloadsDomain, deliveredWorkloadsMonitoring, WORKLOAD_RECORDS } from '../../../constructs/monitoring/domains/delivered-workloads';
import { PrometheusRules } from '../../../constructs/monitoring/prometheus-rules';
import { promtoolSuite } from '../../../constructs/monitoring/promtool-suite';
import type { PromtoolTest } from '../../../constructs/monitoring/types';
import { fixtureEnvironment } from '../../support/fixture-environment';
import { fixtureThresholds, fixtureWorkload } from './delivered-workload-fixture';
import { measurementPhase } from './expr-evaluator';
import { promtoolFailures } from './run-promtool';

const PODINFO = fixtureWorkload();
const CHECKOUT = fixtureWorkload({
  name: 'checkout',
  namespace: 'shop',
  analysis: fixtureThresholds({ minSuccessRatio: 0.95, maxLatencyP99: Duration.seconds(1), maxCpuSaturation: 0.75, interval: Duration.minutes(2), count: 10, failureLimit: 2 }),
});

/** Whether Prometheus' own grammar (as its UI parses it) reads `expr` without error. */
function parses(expr: string): boolean {
  let ok = true;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) ok = false;
    },
  });
  return ok;
}

function domainOf(workloads: readonly DeliveredWorkloadSpec[]): DeliveredWorkloadsDomain {
  const domain = deliveredWorkloadsMonitoring({ name: 'live', tier: 'production', delivery: { workloads } });
  if (domain === undefined) throw new Error('expected a domain');
  return domain;
}

/** The domain as the estate renders it: its rule group and its promtool tests. */
function suite(domain: MonitoringDomain): { rules: PrometheusRules; tests: PromtoolTest[] } {
  const rules = new PrometheusRules(new Chart(Testing.app(), 'rules'), 'rules', { domain, runbookUrl: (a) => `https://example.org/#${a}` });
  const files = promtoolSuite(rules);
  return { rules, tests: (parse(files.get('tests.yaml')!) as { tests: PromtoolTest[] }).tests };
}

describe('deliveredWorkloadsMonitoring', () => {
  it('is absent without delivered workloads, and registered with them', () => {
    expect(deliveredWorkloadsMonitoring({ name: 'lab', tier: 'development' })).toBeUndefined();
    expect(deliveredWorkloadsMonitoring({ name: 'lab', tier: 'development', delivery: { workloads: [] } })).toBeUndefined();
    const names = (delivery?: { workloads: DeliveredWorkloadSpec[] }) => monitoringDomains(fixtureEnvironment(delivery === undefined ? {} : { delivery })).map((d) => d.name);
    expect(names()).not.toContain('delivered-workloads');
    expect(names({ workloads: [PODINFO] })).toContain('delivered-workloads');
  });

  it('records each metric per version with the expression of the AnalysisTemplate, grouped instead of filtered by hash', () => {
    const domain = domainOf([PODINFO]);
    expect(domain.recordings.map((r) => r.record)).toEqual(Object.values(WORKLOAD_RECORDS));
    const [success] = domain.recordings;
    const [analysis] = analysisMetrics(PODINFO);
    // Same builder: the analysis query is the recording's expression for one version, summed into one sample.
    expect(success.expr).toContain(
      'sum by (namespace, rollouts_pod_template_hash) (rate(http_requests_total{namespace="podinfo", pod=~"podinfo-([a-z0-9]+)-[a-z0-9]+", status!~"5.."}[2m]))',
    );
    expect(analysis.provider.prometheus.query).toContain('sum(rate(http_requests_total{namespace="podinfo", pod=~"podinfo-{{args.pod-template-hash}}-[a-z0-9]+"');
  });

  it('alerts on each metric with the thresholds the analysis judges by, after longer than an analysis run', () => {
    const domain = domainOf([PODINFO, CHECKOUT]);
    expect(domain.alerts.map((a) => a.name)).toEqual(['DeliveredWorkloadErrorRatioHigh', 'DeliveredWorkloadLatencyHigh', 'DeliveredWorkloadCpuSaturated']);
    const [errors, latency, cpu] = domain.alerts;
    expect(errors.expr).toBe(
      '(gitops:delivered_workload_success:ratio{namespace="podinfo", workload="podinfo"} < 0.99) or (gitops:delivered_workload_success:ratio{namespace="shop", workload="checkout"} < 0.95)',
    );
    expect(latency.expr).toContain('gitops:delivered_workload_latency_p99:seconds{namespace="shop", workload="checkout"} > 1.0)');
    expect(cpu.expr).toContain('gitops:delivered_workload_cpu_saturation:ratio{namespace="podinfo", workload="podinfo"} > 0.9)');
    // checkout: 10 measurements 2 minutes apart, plus its 2-minute window.
    expect(alertDelay(CHECKOUT).toMinutes()).toBe(22);
    expect(errors.for.toMinutes()).toBe(22);
    expect(errors.severity).toBe('critical');
    for (const expr of [...domain.recordings.map((r) => r.expr), ...domain.alerts.map((a) => a.expr)]) expect([expr, parses(expr)]).toEqual([expr, true]);
  });

  it.each([
    ['one workload', [PODINFO]],
    ['two workloads', [PODINFO, CHECKOUT]],
  ] as const)('passes its own promtool cases (%s): recordings, alerts firing and staying quiet, and the analysis queries', (_what, workloads) => {
    const domain = domainOf(workloads);
    const { rules, tests } = suite(domain);
    expect(tests.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DeliveredWorkloadLatencyHigh fires: /),
        expect.stringMatching(/^DeliveredWorkloadLatencyHigh quiet: .*meets the threshold/),
        expect.stringMatching(/^DeliveredWorkloadLatencyHigh quiet: .*less time than an analysis run/),
      ]),
    );
    expect(domain.queryTests).toHaveLength(workloads.length * 9);
    // The domain's tests.yaml (what CI's promtool runs over dist/prometheus-tests) carries the analysis queries' cases.
    expect(tests).toEqual(expect.arrayContaining([...(domain.queryTests ?? [])]));
    expect(promtoolFailures(tests, [rules.group])).toBe('');
  });

  it.each([PODINFO, CHECKOUT].map((w) => [w.name, w] as const))(
    '%s: on the same series, the recording of the version under test equals what its analysis query measures, and alert and analysis agree',
    (_name, workload) => {
      const { rules } = suite(domainOf([workload]));
      const metrics = analysisMetrics(workload);
      const decided = analysisQueryCases(workload).filter((c) => c.verdict !== 'Inconclusive');
      const recordedTests: PromtoolTest[] = decided.map((c) => ({
        ...c.test,
        name: `recording of ${c.description}`,
        promql_expr_test: [
          {
            expr: `${WORKLOAD_RECORDS[c.metric]}{rollouts_pod_template_hash="${CANARY_HASH}"}`,
            eval_time: '30m',
            exp_samples: [
              {
                labels: `${WORKLOAD_RECORDS[c.metric]}{namespace="${workload.namespace}", rollouts_pod_template_hash="${CANARY_HASH}", workload="${workload.name}"}`,
                value: c.result[0],
              },
            ],
          },
        ],
      }));
      expect(promtoolFailures(recordedTests, [rules.group])).toBe('');
      // The values the alert fires on are the values the analysis fails; those it is quiet on, it passes.
      const thresholds = workloadThresholds(workload);
      for (const [healthy, phase] of [
        [true, 'Successful'],
        [false, 'Failed'],
      ] as const) {
        const values = expectedValues(versionHealth(workload.analysis, healthy), thresholds.latencyP99);
        for (const [index, metric] of WORKLOAD_METRICS.entries()) expect([metric, measurementPhase(metrics[index], [values[metric]])]).toEqual([metric, phase]);
      }
    },
  );

  it('refuses a delivered workload whose analysis cannot run, naming the environment', () => {
    const broken = fixtureWorkload({ analysis: fixtureThresholds({ minSuccessRatio: 2 }) });
    expect(() => deliveredWorkloadsMonitoring({ name: 'live', tier: 'production', delivery: { workloads: [broken] } })).toThrow(
      'live: environments/live.ts: delivery.workloads[name=podinfo].analysis.minSuccessRatio is 2',
    );
  });
});
