import { prodEnforcePolicies } from '../../constructs/guardrails/rules/prod-enforce-policies';
import { ENVIRONMENTS } from '../../environments';
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import { staging } from '../../environments/staging';
import { objectsOf } from '../platform/render-environment';
import { expectAccepted, expectRejected, rendered } from './fixtures';
import { clusterPolicyManifest, POD_MATCH, validateRule } from './kyverno-fixtures';

const at = 'prod/policies/require-team-label/Resource';

describe('prod-enforce-policies', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of ENVIRONMENTS) expectAccepted(prodEnforcePolicies, objectsOf(spec), spec);
  });

  it('accepts an enforcing validate rule in prod', () => {
    expectAccepted(prodEnforcePolicies, [rendered(at, clusterPolicyManifest([validateRule('Enforce')]))], prod);
  });

  it('rejects a validate rule in Audit in prod, naming the rule field and the fix', () => {
    expectRejected(prodEnforcePolicies, rendered(at, clusterPolicyManifest([validateRule('Enforce'), validateRule('Audit')])), prod, [
      { field: 'spec.rules[1].validate.failureAction', value: '"Audit"', fix: /kyverno.mode: 'enforce'/, problem: /would only report violations/ },
    ]);
  });

  it('rejects a per-namespace override back to Audit in prod', () => {
    const override = { action: 'Audit', namespaceSelector: { matchLabels: { legacy: 'true' } } };
    expectRejected(prodEnforcePolicies, rendered(at, clusterPolicyManifest([validateRule('Enforce', [override])])), prod, [
      { field: 'spec.rules[0].validate.failureActionOverrides[0].action', value: '"Audit"', fix: /enforce/ },
    ]);
  });

  it('rejects image verification in Audit in prod', () => {
    const verify = { name: 'signed', match: POD_MATCH, verifyImages: [{ imageReferences: ['r/*'], failureAction: 'Audit' }] };
    expectRejected(prodEnforcePolicies, rendered(at, clusterPolicyManifest([verify])), prod, [
      { field: 'spec.rules[0].verifyImages[0].failureAction', value: '"Audit"', fix: /enforce/ },
    ]);
  });

  it('does not run in dev or staging, where Audit is the lifecycle', () => {
    const audit = rendered('dev/policies/x/Resource', clusterPolicyManifest([validateRule('Audit')]));
    expectAccepted(prodEnforcePolicies, [audit], dev);
    expectAccepted(prodEnforcePolicies, [audit], staging);
    expect(prodEnforcePolicies.tiers).toEqual(['production']);
  });
});
