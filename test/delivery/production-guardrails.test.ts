import { k8sProdRolloutAnalysis } from '../../constructs/rules/kubernetes/k8s-prod-rollout-analysis';
import { k8sProdRolloutImageDigest } from '../../constructs/rules/kubernetes/k8s-prod-rollout-image-digest';
import { packFor } from '../../constructs/rules/packs';
import { objectsOf } from '../platform/render-environment';
import { expectAccepted, expectRejected, rendered } from '../rules/kubernetes/fixtures';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../support/fixture-workload';
import { rolloutSpecIn } from './render-workload';

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

  it('refuses a canary whose steps never analyse', () => {
    expectRejected(k8sProdRolloutAnalysis, rollout({ strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } } }), live, [
      {
        field: 'spec.strategy.canary.steps',
        problem: /live is a production environment: Rollout echo\/echo promotes without analysis/,
        fix: /add an analysis step after each setWeight/,
      },
    ]);
  });

  it('refuses a rolling update (canary without steps) and a blue-green without pre- or post-promotion analysis', () => {
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

describe('k8s-prod-rollout-image-digest', () => {
  const podSpec = (image: string) => ({ strategy: { canary: {} }, template: { spec: { containers: [{ name: 'echo', image }] } } });

  it('refuses a production Rollout whose image is a tag', () => {
    expectRejected(k8sProdRolloutImageDigest, rollout(podSpec('registry.gitops-cdk.example/fixture/echo:2.1.0')), live, [
      { field: 'spec.template.spec.containers[0].image', value: '"registry.gitops-cdk.example/fixture/echo:2.1.0"', fix: /set image.digest/ },
    ]);
  });

  it('accepts a digest, and tags outside production', () => {
    expectAccepted(k8sProdRolloutImageDigest, [rollout(podSpec(`registry.gitops-cdk.example/fixture/echo@sha256:${'0'.repeat(64)}`))], live);
    expectAccepted(k8sProdRolloutImageDigest, [rollout(podSpec('registry.gitops-cdk.example/fixture/echo:2.1.0'))], stage);
  });
});
