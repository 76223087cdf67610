import { POLICY_ANNOTATIONS } from '../../../constructs/kubernetes/gitops-cdk-labels';
import { k8sProdFailClosed as prodFailClosed } from '../../../constructs/rules/kubernetes/k8s-prod-fail-closed';
import { objectsOf } from '../../platform/render-environment';
import { dev, FIXTURE_FLEET, prod } from '../fixtures';
import { expectAccepted, expectRejected, rendered } from './fixtures';
import { clusterPolicyManifest, validateRule } from './kyverno-fixtures';

const at = 'prod/policies/require-team-label/Resource';

describe('k8s-prod-fail-closed', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of FIXTURE_FLEET) expectAccepted(prodFailClosed, objectsOf(spec), spec);
  });

  it('accepts a prod policy that fails closed', () => {
    expectAccepted(prodFailClosed, [rendered(at, clusterPolicyManifest([validateRule('Enforce')], 'Fail'))], prod);
  });

  it('accepts a prod policy that fails open with a recorded reason', () => {
    const annotations = { [POLICY_ANNOTATIONS.failOpenReason]: 'the registry mirror is single-zone; PLAT-77' };
    expectAccepted(prodFailClosed, [rendered(at, clusterPolicyManifest([validateRule('Enforce')], 'Ignore', annotations))], prod);
  });

  it('rejects a prod policy that fails open without a reason', () => {
    expectRejected(prodFailClosed, rendered(at, clusterPolicyManifest([validateRule('Enforce')], 'Ignore')), prod, [
      { field: 'spec.webhookConfiguration.failurePolicy', value: '"Ignore"', fix: /kyverno.failOpen/ },
    ]);
  });

  it('rejects a prod policy that leaves the failure policy unset', () => {
    const manifest = clusterPolicyManifest([validateRule('Enforce')]);
    const unset = { ...manifest, spec: { rules: [validateRule('Enforce')] } };
    expectRejected(prodFailClosed, rendered(at, unset), prod, [{ field: 'spec.webhookConfiguration.failurePolicy', value: 'missing', fix: /Fail/ }]);
  });

  it('does not run in dev, which fails open by design', () => {
    expectAccepted(prodFailClosed, [rendered(at, clusterPolicyManifest([validateRule('Audit')], 'Ignore'))], dev);
  });
});
