import { Duration } from 'cdk8s';
import { analysisReference, previewAnalysisReference } from '../../constructs/delivery/analysis-contract';
import { DEFAULT_CANARY_STEPS } from '../../constructs/delivery/delivery-tiers';
import { fixtureWorkload } from '../support/fixture-workload';
import { manifestOfKind, renderWorkload, rolloutSpecIn } from './render-workload';

const ANALYSIS = analysisReference(fixtureWorkload());
const PREVIEW_ANALYSIS = previewAnalysisReference(fixtureWorkload());

describe('the Rollout strategy of each tier', () => {
  it('rolls over in development: canary without steps, one pod surging, none unavailable', () => {
    expect(rolloutSpecIn('development').strategy).toEqual({ canary: { maxSurge: 1, maxUnavailable: 0 } });
  });

  it('runs a canary in staging: weight, analysis of the new version, then the pause; the last step waits for a person', () => {
    const steps = rolloutSpecIn('staging').strategy.canary?.steps;
    expect(steps).toEqual([{ setWeight: 25 }, { analysis: ANALYSIS }, { pause: { duration: '5m' } }, { setWeight: 50 }, { analysis: ANALYSIS }, { pause: {} }]);
    expect(DEFAULT_CANARY_STEPS.staging.map((s) => s.weight)).toEqual([25, 50]);
  });

  it('takes the workload canarySteps over the tier default', () => {
    const workload = fixtureWorkload({ canarySteps: [{ weight: 50, pause: Duration.seconds(90) }, { weight: 75 }] });
    const weights = rolloutSpecIn('staging', workload).strategy.canary?.steps?.filter((s) => s.setWeight !== undefined);
    expect(weights).toEqual([{ setWeight: 50 }, { setWeight: 75 }]);
    expect(rolloutSpecIn('staging', workload).strategy.canary?.steps?.[2]).toEqual({ pause: { duration: '90s' } });
  });

  it('runs a canary with analysis at every weight in production unless the workload asks for blue-green', () => {
    const canary = rolloutSpecIn('production').strategy;
    expect(canary.blueGreen).toBeUndefined();
    const steps = canary.canary?.steps ?? [];
    expect(steps.filter((s) => s.setWeight !== undefined).map((s) => s.setWeight)).toEqual([25, 50, 75]);
    expect(steps.filter((s) => s.analysis !== undefined)).toHaveLength(3);
    expect(steps.at(-1)).toEqual({ pause: {} });
  });

  it('runs blue-green in production for a workload that asks: preview Service, manual promotion, analysis before (with the smoke requests) and after', () => {
    const { manifests } = renderWorkload('production', fixtureWorkload({ strategy: 'blueGreen' }));
    const spec = manifestOfKind(manifests, 'Rollout').spec as { strategy: Record<string, unknown> };
    expect(spec.strategy).toEqual({
      blueGreen: { activeService: 'echo', previewService: 'echo-preview', autoPromotionEnabled: false, prePromotionAnalysis: PREVIEW_ANALYSIS, postPromotionAnalysis: ANALYSIS },
    });
    expect(manifests.filter((m) => m.kind === 'Service').map((m) => m.metadata.name)).toEqual(['echo', 'echo-preview']);
  });

  it('ignores strategy blueGreen outside production (the other tiers have one strategy each)', () => {
    expect(rolloutSpecIn('staging', fixtureWorkload({ strategy: 'blueGreen' })).strategy.blueGreen).toBeUndefined();
    expect(rolloutSpecIn('development', fixtureWorkload({ strategy: 'blueGreen' })).strategy.blueGreen).toBeUndefined();
  });

  it('aborts back to stable when the progress deadline passes, in every tier', () => {
    for (const tier of ['development', 'staging', 'production'] as const) {
      const spec = rolloutSpecIn(tier);
      expect([spec.progressDeadlineAbort, spec.progressDeadlineSeconds]).toEqual([true, 600]);
      expect(spec.progressDeadlineSeconds).toBeGreaterThan(spec.minReadySeconds ?? 0);
    }
  });

  it('sets no canary or stable Service: without a traffic router the one Service must reach both versions', () => {
    const { manifests } = renderWorkload('staging');
    expect(JSON.stringify(manifestOfKind(manifests, 'Rollout').spec)).not.toMatch(/canaryService|stableService|trafficRouting/);
    expect(manifests.filter((m) => m.kind === 'Service').map((m) => m.metadata.name)).toEqual(['echo']);
  });

  it('pins the image by digest when the spec has one, by tag otherwise', () => {
    const image = (tier: 'staging' | 'development', workload = fixtureWorkload()) => rolloutSpecIn(tier, workload).template.spec?.containers[0]?.image;
    expect(image('staging')).toBe(`${fixtureWorkload().image.repository}@${fixtureWorkload().image.digest}`);
    expect(image('development', fixtureWorkload({ image: { repository: 'registry.gitops-cdk.example/x/y', tag: '1.0.0' } }))).toBe('registry.gitops-cdk.example/x/y:1.0.0');
  });
});
