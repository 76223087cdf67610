import { k8sProdRolloutAnalysis } from '../../constructs/rules/kubernetes/k8s-prod-rollout-analysis';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { expectAccepted, refusals, rendered } from '../rules/kubernetes/fixtures';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../support/fixture-workload';
import { renderWorkload } from './render-workload';

const live = fixtureDeliveryEnvironment('production');

/** The production blue-green's objects (Rollout, echo-health, echo-smoke), the smoke metric changed by `change`. */
function blueGreenObjects(change: (metric: Record<string, unknown>) => Record<string, unknown> = (m) => m) {
  return renderWorkload('production', fixtureWorkload({ strategy: 'blueGreen' })).manifests.map((manifest, i) => {
    if (manifest.kind !== 'AnalysisTemplate' || manifest.metadata.name !== 'echo-smoke') return rendered(`live/workload-echo/workload/${i}`, manifest);
    const spec = manifest.spec as { metrics: Record<string, unknown>[] };
    return rendered(`live/workload-echo/workload/${i}`, { ...manifest, spec: { ...spec, metrics: spec.metrics.map(change) } } as KubeManifest);
  });
}

describe("k8s-prod-rollout-analysis and the blue-green preview's smoke requests", () => {
  it('accepts the smoke metric without conditions: a web metric judges by its answers (a bad one is an Error, which aborts)', () => {
    expectAccepted(k8sProdRolloutAnalysis, blueGreenObjects(), live);
  });

  it('refuses the same metric once it is not a web metric: without conditions nothing else can fail it', () => {
    const prometheus = blueGreenObjects((m) => ({ ...m, provider: { prometheus: { address: 'http://prometheus-operated.monitoring.svc:9090', query: 'up' } } }));
    expect(refusals([k8sProdRolloutAnalysis], prometheus, live).map((f) => f.problem)).toEqual([
      expect.stringMatching(
        /names AnalysisTemplate echo\/echo-smoke, whose metric smoke-request \(spec.metrics\[0\]\) can never fail: it has neither successCondition nor failureCondition/,
      ),
    ]);
  });
});
