import { Duration } from 'cdk8s';
import { failureCondition, numberLiteral, successCondition, workloadThresholds } from '../../../constructs/delivery/analysis/analysis-conditions';
import { fixtureThresholds } from './delivered-workload-fixture';
import { evaluateCondition, measurementPhase } from './expr-evaluator';

const THRESHOLDS = workloadThresholds({ analysis: fixtureThresholds({ minSuccessRatio: 0.99, maxLatencyP99: Duration.millis(250), maxCpuSaturation: 1 }) });

describe('the expr subset interpreter the condition tests rely on', () => {
  it('evaluates, stops early like expr, and errors where expr errors', () => {
    expect(evaluateCondition('len(result) == 1 && result[0] >= 0.5', [0.5])).toBe(true);
    expect(evaluateCondition('len(result) == 1 && result[0] >= 0.5', [])).toBe(false);
    expect(() => evaluateCondition('result[0] >= 0.5', [])).toThrow('index out of range: 0 (array length is 0)');
    expect(evaluateCondition('!isNaN(result[0]) || result[0] > 1', [Number.NaN])).toBe(false);
    expect(() => evaluateCondition('result[0] ~ 1', [1])).toThrow('unexpected text');
  });
});

describe('analysis conditions', () => {
  it('are written from the spec: healthy side for success, breaching side for failure, with a float literal', () => {
    expect(successCondition(THRESHOLDS.successRatio)).toBe('len(result) == 1 && !isNaN(result[0]) && result[0] >= 0.99');
    expect(failureCondition(THRESHOLDS.latencyP99)).toBe('len(result) == 1 && !isNaN(result[0]) && result[0] > 0.25');
    expect(successCondition(THRESHOLDS.cpuSaturation)).toBe('len(result) == 1 && !isNaN(result[0]) && result[0] <= 1.0');
    expect(numberLiteral(2)).toBe('2.0');
    expect(() => numberLiteral(1e-7)).toThrow('exponent');
  });

  it.each([
    ['successRatio', [0.99], 'Successful'],
    ['successRatio', [0.989], 'Failed'],
    ['latencyP99', [0.25], 'Successful'],
    ['latencyP99', [0.2501], 'Failed'],
    ['latencyP99', [Number.POSITIVE_INFINITY], 'Failed'],
    ['cpuSaturation', [1], 'Successful'],
    ['cpuSaturation', [1.01], 'Failed'],
  ] as const)('%s judges %p as %s (at the threshold is healthy)', (metric, result, phase) => {
    const threshold = THRESHOLDS[metric];
    expect(measurementPhase({ successCondition: successCondition(threshold), failureCondition: failureCondition(threshold) }, result)).toBe(phase);
  });

  it.each([
    ['no sample (the new pods not scraped yet)', []],
    ['NaN (no request in the window)', [Number.NaN]],
    ['more than one sample (a query that does not aggregate)', [1, 1]],
  ])('gives no verdict on %s: Inconclusive, never an expr error', (_what, result) => {
    for (const threshold of Object.values(THRESHOLDS)) {
      expect(measurementPhase({ successCondition: successCondition(threshold), failureCondition: failureCondition(threshold) }, result)).toBe('Inconclusive');
    }
  });
});
