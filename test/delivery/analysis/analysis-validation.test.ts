import { Duration } from 'cdk8s';
import { analysisProblems, assertAnalysisSpec } from '../../../constructs/delivery/analysis/analysis-validation';
import type { AnalysisThresholds } from '../../../constructs/delivery/delivery-spec';
import { fixtureThresholds, fixtureWorkload } from './delivered-workload-fixture';

function fieldsRefused(overrides: Partial<AnalysisThresholds>): string[] {
  return analysisProblems(fixtureWorkload({ analysis: fixtureThresholds(overrides) })).map((p) => `${p.field}=${p.value}`);
}

describe('analysis spec validation', () => {
  it('accepts the fixture, and a failureLimit of 0', () => {
    expect(fieldsRefused({})).toEqual([]);
    expect(fieldsRefused({ failureLimit: 0, count: 1 })).toEqual([]);
  });

  it.each([
    [{ minSuccessRatio: 0 }, 'minSuccessRatio=0'],
    [{ minSuccessRatio: 1.5 }, 'minSuccessRatio=1.5'],
    [{ maxLatencyP99: Duration.millis(0) }, 'maxLatencyP99=0s'],
    [{ maxCpuSaturation: 0 }, 'maxCpuSaturation=0'],
    [{ maxCpuSaturation: Number.POSITIVE_INFINITY }, 'maxCpuSaturation=Infinity'],
    [{ count: 0 }, 'count=0'],
    [{ count: 2.5 }, 'count=2.5'],
    [{ failureLimit: -1 }, 'failureLimit=-1'],
    [{ failureLimit: 5, count: 5 }, 'failureLimit=5'],
    [{ interval: Duration.seconds(10) }, 'interval=10s'],
  ] as const)('refuses %p', (overrides, refused) => {
    expect(fieldsRefused(overrides)).toEqual([refused]);
  });

  it('refuses a CPU threshold the CPU limit makes unreachable, and allows any above the request without a limit', () => {
    // limit 200m over request 100m: usage never exceeds twice the request.
    expect(fieldsRefused({ maxCpuSaturation: 2 })).toEqual(['maxCpuSaturation=2']);
    const unlimited = fixtureWorkload({
      resources: { requests: { cpu: '0.1', memory: '64Mi' }, limits: { memory: '128Mi' } },
      analysis: fixtureThresholds({ maxCpuSaturation: 2 }),
    });
    expect(analysisProblems(unlimited)).toEqual([]);
  });

  it('names environment, file, field, value and fix, every problem at once', () => {
    const workload = fixtureWorkload({ analysis: fixtureThresholds({ minSuccessRatio: 99, failureLimit: 6 }) });
    expect(() => assertAnalysisSpec('stage', workload)).toThrow(
      'stage: environments/stage.ts: delivery.workloads[name=podinfo].analysis.minSuccessRatio is 99; it must be a share of responses: more than 0 and at most 1, e.g. 0.99; ' +
        'delivery.workloads[name=podinfo].analysis.failureLimit is 6; it must be less than count (5): a run fails when more than failureLimit measurements fail, so with 6 of 5 it never could',
    );
  });
});
