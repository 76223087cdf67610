import { k8sProdKyvernoEnforce as rule } from '../../../constructs/compliance/rules/kubernetes/k8s-prod-kyverno-enforce';
import { checkKubernetes, expectCompliant, expectFailure, prod, staging } from '../fixtures';

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
