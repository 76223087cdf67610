import { Chart, Duration, Testing } from 'cdk8s';
import { engineVersionOf } from '../../apps/verify/engine-crds';
import { buildEngines } from '../../apps/verify/engines';
import { workloadThresholds } from '../../constructs/delivery/analysis/analysis-conditions';
import { analysisQueryCases } from '../../constructs/delivery/analysis/analysis-query-tests';
import { ANALYSIS_METRIC_NAMES, WorkloadAnalysisTemplate } from '../../constructs/delivery/analysis/workload-analysis-template';
import { WORKLOAD_METRICS } from '../../constructs/delivery/analysis/workload-queries';
import type { DeliveredWorkloadSpec } from '../../constructs/delivery/delivery-spec';
import { ENVIRONMENTS } from '../../environments';
import { measurementPhase } from '../delivery/analysis/expr-evaluator';
import { fixtureWorkload } from '../support/fixture-workload';
import { type ConditionCase, type EnginePhase, engineVerdicts, evaluatorVersion } from './argo-rollouts-evaluator';

// The AnalysisTemplates' conditions, judged by Argo Rollouts' own evaluator (upstream utils/evaluate
// EvaluateResult, built from engines/argo-rollouts-<version>) at every version an environment's chart
// deploys: the phase the controller would give each measurement must be the verdict the promtool cases
// expect, and the one the home-made interpreter the unit tests use (test/delivery/analysis/expr-evaluator.ts)
// gives. Needs Go (engines/build); CI runs it.

const engines = buildEngines();

/** The Argo Rollouts version of every environment's chart pin (chart -> appVersion: apps/verify/engine-crds.ts CRD_SOURCES). */
const VERSIONS = [
  ...new Set(
    ENVIRONMENTS.map((spec) => {
      const version = engineVersionOf('argoRollouts', spec.charts.argoRollouts);
      if (version === undefined) throw new Error(`${spec.name}: argo-rollouts chart ${spec.charts.argoRollouts} is not in CRD_SOURCES (apps/verify/engine-crds.ts)`);
      return version;
    }),
  ),
].sort();

/** Fixture workloads with strict and lenient thresholds, and the example estate's own, so the cases are not one-size. */
const WORKLOADS: readonly DeliveredWorkloadSpec[] = [
  fixtureWorkload(),
  fixtureWorkload({
    name: 'checkout',
    namespace: 'shop',
    analysis: { minSuccessRatio: 0.9, maxLatencyP99: Duration.millis(1200), maxCpuSaturation: 0.7, interval: Duration.minutes(3), count: 4, failureLimit: 2 },
  }),
  ...ENVIRONMENTS.flatMap((spec) => spec.delivery?.workloads ?? []),
];

interface RenderedMetric {
  readonly name: string;
  readonly successCondition: string;
  readonly failureCondition: string;
}

/** The metrics of the AnalysisTemplate the construct renders for the workload (the YAML text the controller reads). */
function renderedMetrics(workload: DeliveredWorkloadSpec): readonly RenderedMetric[] {
  const chart = new Chart(Testing.app(), 'workload');
  new WorkloadAnalysisTemplate(chart, 'analysis', { environment: 'live', workload });
  const [template] = Testing.synth(chart) as { kind: string; spec: { metrics: RenderedMetric[] } }[];
  expect(template.kind).toBe('AnalysisTemplate');
  return template.spec.metrics;
}

interface JudgedCase extends ConditionCase {
  readonly description: string;
  readonly expected: EnginePhase;
}

/**
 * Per metric of each workload's template: the promtool cases' values (the value the query returns on a
 * healthy version, an unhealthy one, and no sample), plus NaN (a ratio or quantile over no request),
 * exactly the threshold (healthy), two samples (a query that does not aggregate) and an infinity past the threshold.
 */
function templateCases(workload: DeliveredWorkloadSpec): JudgedCase[] {
  const metrics = renderedMetrics(workload);
  const thresholds = workloadThresholds(workload);
  const queryCases = analysisQueryCases(workload);
  return WORKLOAD_METRICS.flatMap((metric) => {
    const rendered = metrics.find((m) => m.name === ANALYSIS_METRIC_NAMES[metric]);
    if (rendered === undefined) throw new Error(`${workload.name}: the template has no metric ${ANALYSIS_METRIC_NAMES[metric]}`);
    const conditions = { successCondition: rendered.successCondition, failureCondition: rendered.failureCondition };
    const at = `${workload.namespace}/${workload.name} ${rendered.name}`;
    const threshold = thresholds[metric].value;
    // A quantile of an overflowing histogram is +Inf: a maximum must fail it.
    const breachingInfinity = thresholds[metric].bound === 'max' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    return [
      ...queryCases.filter((c) => c.metric === metric).map((c) => ({ ...conditions, description: c.description, result: c.result, expected: c.verdict })),
      { ...conditions, description: `${at}: NaN (no request in the window)`, result: [Number.NaN], expected: 'Inconclusive' as const },
      { ...conditions, description: `${at}: exactly the threshold ${threshold}`, result: [threshold], expected: 'Successful' as const },
      { ...conditions, description: `${at}: two samples`, result: [threshold, threshold], expected: 'Inconclusive' as const },
      { ...conditions, description: `${at}: infinitely on the breaching side`, result: [breachingInfinity], expected: 'Failed' as const },
    ];
  });
}

const CASES = WORKLOADS.flatMap(templateCases);

/** `description: expected -> engine phase` for every case the engine judges otherwise than expected (empty: all agree). */
function disagreements(evaluator: string, cases: readonly JudgedCase[]): string[] {
  const verdicts = engineVerdicts(evaluator, cases);
  return cases.flatMap((c, index) => {
    const verdict = verdicts[index];
    return verdict.phase === c.expected ? [] : [`${c.description}: expected ${c.expected}, engine ${verdict.phase}${verdict.error ? ` (${verdict.error})` : ''}`];
  });
}

describe('the environments pin Argo Rollouts versions the engines cover', () => {
  it('maps every chart pin to a version (dev and staging v1.8.0, prod v1.7.2)', () => {
    expect(VERSIONS).toEqual(['v1.7.2', 'v1.8.0']);
  });

  it('judges every kind of case for every workload', () => {
    expect(new Set(CASES.map((c) => c.expected))).toEqual(new Set(['Successful', 'Failed', 'Inconclusive']));
    // Every promtool case of every query (a workload that leaves requests out has a probe-only case too), and four more per metric.
    const queryCases = WORKLOADS.reduce((n, workload) => n + analysisQueryCases(workload).length, 0);
    expect(CASES.length).toBe(queryCases + WORKLOADS.length * WORKLOAD_METRICS.length * 4);
  });
});

describe.each(VERSIONS)("the AnalysisTemplates' conditions, judged by Argo Rollouts %s's EvaluateResult", (version) => {
  const evaluator = engines.argoRolloutsEvaluator(version);

  it('is that version', () => {
    expect(evaluatorVersion(evaluator)).toBe(version);
  });

  it('give the verdict the promtool cases expect: Successful healthy, Failed unhealthy, Inconclusive without a sample or on NaN', () => {
    expect(disagreements(evaluator, CASES)).toEqual([]);
  });

  it('give the phase the home-made interpreter of the unit tests gives, case by case', () => {
    const verdicts = engineVerdicts(evaluator, CASES);
    expect(CASES.map((c, index) => `${c.description}: ${verdicts[index].phase}`)).toEqual(CASES.map((c) => `${c.description}: ${measurementPhase(c, c.result)}`));
  });

  // Negative controls: the same check on deliberately broken conditions must report them.
  // The first workload's success-ratio cases: the promtool case of a healthy version, and of no sample.
  const successRatioCases = templateCases(WORKLOADS[0]).filter((c) => c.description.includes(ANALYSIS_METRIC_NAMES.successRatio));
  const healthy = successRatioCases.find((c) => c.expected === 'Successful');
  const noSample = successRatioCases.find((c) => c.expected === 'Inconclusive' && c.result.length === 0);

  it('would report a condition that reads result[0] without checking there is one: expr errors on an empty vector', () => {
    expect(noSample).toBeDefined();
    const broken = { ...noSample!, successCondition: noSample!.successCondition.replace('len(result) == 1 && ', '') };
    expect(broken.successCondition).not.toContain('len(result)');
    expect(disagreements(evaluator, [broken])).toEqual([`${broken.description}: expected Inconclusive, engine Error (reflect: slice index out of range)`]);
  });

  it('would report a success condition on the wrong side of the threshold', () => {
    expect(healthy).toBeDefined();
    const broken = { ...healthy!, successCondition: healthy!.successCondition.replace('>=', '<') };
    expect(broken.successCondition).not.toBe(healthy!.successCondition);
    expect(disagreements(evaluator, [broken])).toEqual([`${broken.description}: expected Successful, engine Inconclusive`]);
  });

  it('would report a template without a failure condition: the engine then fails what has no verdict (NaN, no sample)', () => {
    const broken = CASES.filter((c) => c.expected === 'Inconclusive' && c.result.length < 2).map((c) => ({ ...c, failureCondition: '' }));
    expect(broken.length).toBeGreaterThan(0);
    expect(disagreements(evaluator, broken)).toEqual(broken.map((c) => `${c.description}: expected Inconclusive, engine Failed`));
  });
});
