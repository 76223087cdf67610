import { k8sProdRolloutImageDigest } from '../../../constructs/rules/kubernetes/k8s-prod-rollout-image-digest';
import { packFor } from '../../../constructs/rules/packs';
import { objectsOf } from '../../platform/render-environment';
import { fixtureDeliveryEnvironment } from '../../support/fixture-workload';
import { expectAccepted, expectRejected, rendered } from './fixtures';

const live = fixtureDeliveryEnvironment('production');
const stage = fixtureDeliveryEnvironment('staging');

function rollout(image: string) {
  return rendered('live/workload-echo/workload/rollout', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'echo', namespace: 'echo' },
    spec: { strategy: { canary: {} }, template: { spec: { containers: [{ name: 'echo', image }] } } },
  });
}

describe('k8s-prod-rollout-image-digest', () => {
  it('is in the production pack only', () => {
    expect(packFor('production').kubernetes).toContain(k8sProdRolloutImageDigest);
    expect(packFor('staging').kubernetes).not.toContain(k8sProdRolloutImageDigest);
  });

  it('rejects a production Rollout whose image is a tag', () => {
    expectRejected(k8sProdRolloutImageDigest, rollout('registry.gitops-cdk.example/fixture/echo:2.1.0'), live, [
      { field: 'spec.template.spec.containers[0].image', value: '"registry.gitops-cdk.example/fixture/echo:2.1.0"', fix: /set image.digest/ },
    ]);
  });

  it('accepts a digest, and tags outside production', () => {
    expectAccepted(k8sProdRolloutImageDigest, [rollout(`registry.gitops-cdk.example/fixture/echo@sha256:${'0'.repeat(64)}`)], live);
    expectAccepted(k8sProdRolloutImageDigest, [rollout('registry.gitops-cdk.example/fixture/echo:2.1.0')], stage);
  });

  it('accepts what the estate renders for a production workload pinned by digest', () => {
    expectAccepted(k8sProdRolloutImageDigest, objectsOf(live), live);
  });
});
