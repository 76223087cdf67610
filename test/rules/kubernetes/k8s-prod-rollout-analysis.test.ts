import { k8sProdRolloutAnalysis } from '../../../constructs/rules/kubernetes/k8s-prod-rollout-analysis';
import { packFor } from '../../../constructs/rules/packs';
import { rolloutSpecIn } from '../../delivery/render-workload';
import { objectsOf } from '../../platform/render-environment';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../../support/fixture-workload';
import { expectAccepted, expectRejected, rendered } from './fixtures';

const live = fixtureDeliveryEnvironment('production');
const stage = fixtureDeliveryEnvironment('staging');

function rollout(spec: object) {
  return rendered('live/workload-echo/workload/rollout', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'echo', namespace: 'echo' }, spec });
}

describe('k8s-prod-rollout-analysis: synth refuses a production Rollout without analysis', () => {
  it('is in the production pack only', () => {
    expect(packFor('production').kubernetes).toContain(k8sProdRolloutAnalysis);
    expect(packFor('staging').kubernetes).not.toContain(k8sProdRolloutAnalysis);
    expect(packFor('development').kubernetes).not.toContain(k8sProdRolloutAnalysis);
  });

  it('rejects a canary whose steps never analyse', () => {
    expectRejected(k8sProdRolloutAnalysis, rollout({ strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } } }), live, [
      {
        field: 'spec.strategy.canary.steps',
        problem: /live is a production environment: Rollout echo\/echo promotes without analysis/,
        fix: /add an analysis step after each setWeight/,
      },
    ]);
  });

  it('rejects a rolling update (canary without steps) and a blue-green without pre- or post-promotion analysis', () => {
    expectRejected(k8sProdRolloutAnalysis, rollout({ strategy: { canary: { maxSurge: 1 } } }), live, [{ field: 'spec.strategy.canary.steps', fix: /analysis step/ }]);
    expectRejected(k8sProdRolloutAnalysis, rollout({ strategy: { blueGreen: { activeService: 'echo', autoPromotionEnabled: false } } }), live, [
      { field: 'spec.strategy.blueGreen.prePromotionAnalysis', fix: /prePromotionAnalysis and postPromotionAnalysis/ },
    ]);
  });

  it('accepts background analysis, and lets staging roll without analysis', () => {
    expectAccepted(k8sProdRolloutAnalysis, [rollout({ strategy: { canary: { analysis: { templates: [{ templateName: 'echo-health' }] } } } })], live);
    expectAccepted(k8sProdRolloutAnalysis, [rollout({ strategy: { canary: { maxSurge: 1 } } })], stage);
  });

  it('accepts every Rollout the construct renders in production, canary and blue-green', () => {
    expectAccepted(k8sProdRolloutAnalysis, [rollout(rolloutSpecIn('production')), rollout(rolloutSpecIn('production', fixtureWorkload({ strategy: 'blueGreen' })))], live);
    expectAccepted(k8sProdRolloutAnalysis, objectsOf(live), live);
  });
});
