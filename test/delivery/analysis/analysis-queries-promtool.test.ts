import { Duration } from 'cdk8s';
import { analysisQueryCases, CANARY_HASH, STABLE_HASH } from '../../../constructs/delivery/analysis/analysis-query-tests';
import { analysisMetrics } from '../../../constructs/delivery/analysis/workload-analysis-template';
import { WORKLOAD_METRICS } from '../../../constructs/delivery/analysis/workload-queries';
import type { PromtoolTest } from '../../../constructs/monitoring/types';
import { fixtureThresholds, fixtureWorkload } from './delivered-workload-fixture';
import { measurementPhase } from './expr-evaluator';
import { promtoolFailures } from './run-promtool';

/** A strict workload and a lenient one whose thresholds fall between the test values, so the cases are not one-size. */
const WORKLOADS = [
  fixtureWorkload(),
  fixtureWorkload({
    name: 'checkout',
    namespace: 'shop',
    analysis: fixtureThresholds({ minSuccessRatio: 0.9, maxLatencyP99: Duration.millis(1200), maxCpuSaturation: 0.7, interval: Duration.minutes(3), count: 4 }),
  }),
];

describe.each(WORKLOADS.map((w) => [`${w.namespace}/${w.name}`, w] as const))('the analysis queries of %s', (_name, workload) => {
  const cases = analysisQueryCases(workload);
  const metrics = analysisMetrics(workload);

  it('have a passing, a failing and a data-less case per metric', () => {
    expect(cases.map((c) => `${c.metric} ${c.verdict}`)).toEqual(WORKLOAD_METRICS.flatMap((m) => [`${m} Successful`, `${m} Failed`, `${m} Inconclusive`]));
  });

  it('compute, in promtool, the values the cases give the conditions (only the version under test counts)', () => {
    expect(promtoolFailures(cases.map((c) => c.test))).toBe('');
    for (const c of cases.filter((c) => c.verdict !== 'Inconclusive')) {
      expect(c.query).toContain(CANARY_HASH);
      expect(c.query).not.toContain(STABLE_HASH);
    }
  });

  it('and would fail promtool if a query read another value (the tests check the value, not just that it runs)', () => {
    const [first] = cases;
    const expr = first.test.promql_expr_test![0];
    const wrong: PromtoolTest = { ...first.test, promql_expr_test: [{ ...expr, exp_samples: [{ labels: '{}', value: first.result[0] + 0.0625 }] }] };
    expect(promtoolFailures([wrong])).toContain('got: {}');
  });

  it("are judged by the template's own conditions to the case's verdict, in both directions", () => {
    for (const c of cases) {
      const metric = metrics[WORKLOAD_METRICS.indexOf(c.metric)];
      expect([c.description, measurementPhase(metric, c.result)]).toEqual([c.description, c.verdict]);
    }
  });
});
