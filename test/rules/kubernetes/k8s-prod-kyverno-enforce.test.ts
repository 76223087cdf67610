import { tiersOf } from '../../../constructs/rules/catalogue';
import { k8sProdKyvernoEnforce as prodEnforcePolicies, k8sProdKyvernoEnforce as rule } from '../../../constructs/rules/kubernetes/k8s-prod-kyverno-enforce';
import { objectsOf } from '../../platform/render-environment';
import { checkKubernetes, dev, expectCompliant, expectFailure, FIXTURE_FLEET, prod, staging } from '../fixtures';
import { expectAccepted, expectRejected, rendered } from './fixtures';
import { clusterPolicyManifest, POD_MATCH, validateRule } from './kyverno-fixtures';

const policy = (spec: Record<string, unknown>) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'disallow-host-path' }, spec });
const validate = (extra: Record<string, unknown> = {}) => ({ name: 'host-path', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { pattern: {}, ...extra } });

describe('k8s-prod-kyverno-enforce', () => {
  it('runs in production only', () => {
    expect(checkKubernetes(rule, policy({ rules: [validate({ failureAction: 'Audit' })] }), staging)).toBeUndefined();
  });

  it('accepts enforcing validate rules and rules that do not validate', () => {
    expectCompliant(checkKubernetes(rule, policy({ rules: [validate({ failureAction: 'Enforce' }), { name: 'mutate', mutate: {} }] }), prod));
    expectCompliant(checkKubernetes(rule, policy({ validationFailureAction: 'Enforce', rules: [validate()] }), prod));
  });

  it('rejects a validate rule in Audit', () => {
    expectFailure(checkKubernetes(rule, policy({ rules: [validate({ failureAction: 'Audit' })] }), prod), { field: 'spec.rules[0].validate.failureAction', value: 'Audit' });
  });

  it("rejects a validate rule without a failure action, which falls back to Kyverno's Audit", () => {
    expectFailure(checkKubernetes(rule, policy({ rules: [validate()] }), prod), { field: 'spec.validationFailureAction', value: 'Audit' });
    expectFailure(checkKubernetes(rule, policy({ validationFailureAction: 'audit', rules: [validate()] }), prod), { field: 'spec.validationFailureAction', value: 'audit' });
  });

  it('rejects a per-namespace override back to Audit and image verification in Audit', () => {
    const override = validate({ failureAction: 'Enforce', failureActionOverrides: [{ action: 'Audit', namespaces: ['legacy'] }] });
    expectFailure(checkKubernetes(rule, policy({ rules: [override] }), prod), { field: 'spec.rules[0].validate.failureActionOverrides[0].action' });
    const images = { name: 'signed', verifyImages: [{ imageReferences: ['*'], failureAction: 'Audit' }] };
    expectFailure(checkKubernetes(rule, policy({ rules: [images] }), prod), { field: 'spec.rules[0].verifyImages[0].failureAction', value: 'Audit' });
  });
});

const at = 'prod/policies/require-team-label/Resource';

describe('k8s-prod-kyverno-enforce on rendered objects (was the guardrail prod-enforce-policies)', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of FIXTURE_FLEET) expectAccepted(prodEnforcePolicies, objectsOf(spec), spec);
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
    expect(tiersOf(prodEnforcePolicies)).toEqual(['production']);
  });
});
