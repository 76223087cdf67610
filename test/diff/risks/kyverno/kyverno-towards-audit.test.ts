import { kyvernoTowardsAudit } from '../../../../apps/diff/risks/kyverno/kyverno-towards-audit';
import { findings, kubernetesChange } from '../../change-builders';
import { prodDisallowLatestTag, stagingRequireLabels, withAnnotation, withFields } from './kyverno-fixtures';

const RULE = 'spec.rules.0';
const STAGE = 'policies.gitops-cdk.io/lifecycle-stage';

describe('kyverno-towards-audit', () => {
  it('flags a production rule moved from Enforce to Audit, naming the rule and the stage change', () => {
    const base = prodDisallowLatestTag();
    const head = withAnnotation(withFields(base, { [`${RULE}.validate.failureAction`]: 'Audit' }), STAGE, 'audit');
    const found = findings(kyvernoTowardsAudit, kubernetesChange(base, head, 'prod'), 'production');
    expect(found).toEqual([
      {
        level: 'high',
        reason: expect.stringContaining(
          'ClusterPolicy disallow-latest-tag rule require-image-tag-not-latest: Enforce -> Audit in every namespace (lifecycle stage enforce -> audit)',
        ),
        path: 'spec.rules[name=require-image-tag-not-latest].validate.failureAction',
      },
    ]);
  });

  it('reads the deprecated policy-level action and its lower-case spelling: enforce -> absent (Audit by default) is flagged', () => {
    const legacy = withFields(prodDisallowLatestTag(), { [`${RULE}.validate.failureAction`]: undefined, 'spec.validationFailureAction': 'enforce' });
    const defaulted = withFields(legacy, { 'spec.validationFailureAction': undefined });
    const found = findings(kyvernoTowardsAudit, kubernetesChange(legacy, defaulted, 'staging'), 'staging');
    expect(found).toEqual([{ level: 'medium', reason: expect.stringContaining('Enforce -> Audit in every namespace'), path: 'spec.validationFailureAction' }]);
  });

  it('flags an Audit override added to an enforcing rule, naming the namespaces it audits', () => {
    const base = prodDisallowLatestTag();
    const head = withFields(base, { [`${RULE}.validate.failureActionOverrides`]: [{ action: 'Audit', namespaces: ['payments-*'] }] });
    const found = findings(kyvernoTowardsAudit, kubernetesChange(base, head, 'dev'), 'development');
    expect(found).toEqual([
      {
        level: 'low',
        reason: expect.stringContaining('Enforce -> Audit in namespaces payments-* (override added)'),
        path: 'spec.rules[name=require-image-tag-not-latest].validate.failureActionOverrides',
      },
    ]);
  });

  it('reads the deprecated policy-level overrides, which the policy cache applies to rules without overrides of their own', () => {
    const base = prodDisallowLatestTag();
    const head = withFields(base, { 'spec.validationFailureActionOverrides': [{ action: 'audit', namespaces: ['legacy'] }] });
    expect(findings(kyvernoTowardsAudit, kubernetesChange(base, head, 'prod'), 'production')).toEqual([
      { level: 'high', reason: expect.stringContaining('Enforce -> Audit in namespaces legacy (override added)'), path: 'spec.validationFailureActionOverrides' },
    ]);
    const withOwnOverride = withFields(base, { [`${RULE}.validate.failureActionOverrides`]: [{ action: 'Enforce', namespaces: ['legacy'] }] });
    const ignored = withFields(withOwnOverride, { 'spec.validationFailureActionOverrides': [{ action: 'Audit', namespaces: ['legacy'] }] });
    expect(findings(kyvernoTowardsAudit, kubernetesChange(withOwnOverride, ignored, 'prod'), 'production')).toEqual([]);
  });

  it('flags a staging canary whose Enforce override for the canary namespaces is removed (back to audit)', () => {
    const base = stagingRequireLabels();
    const head = withAnnotation(withFields(base, { [`${RULE}.validate.failureActionOverrides`]: undefined }), STAGE, 'audit');
    const found = findings(kyvernoTowardsAudit, kubernetesChange(base, head, 'staging'), 'staging');
    expect(found).toHaveLength(1);
    expect(found[0]?.level).toBe('medium');
    expect(found[0]?.reason).toContain('Enforce -> Audit in namespaces selected by policy.gitops-cdk.io/canary=true (Enforce override removed) (lifecycle stage canary -> audit)');
  });

  it('flags a rule moved to Audit with an Audit override added once, not once per override', () => {
    const base = prodDisallowLatestTag();
    const head = withFields(base, { [`${RULE}.validate.failureAction`]: 'Audit', [`${RULE}.validate.failureActionOverrides`]: [{ action: 'Audit', namespaces: ['x'] }] });
    expect(findings(kyvernoTowardsAudit, kubernetesChange(base, head, 'prod'), 'production').map((f) => f.reason)).toEqual([
      expect.stringContaining('Enforce -> Audit in every namespace'),
    ]);
  });

  it('flags an enforcing policy moved to canary: Audit outside the canary namespaces', () => {
    const base = withFields(stagingRequireLabels(), { [`${RULE}.validate.failureAction`]: 'Enforce', [`${RULE}.validate.failureActionOverrides`]: undefined });
    const found = findings(kyvernoTowardsAudit, kubernetesChange(base, stagingRequireLabels(), 'staging'), 'staging');
    expect(found.map((f) => f.reason)).toEqual([expect.stringContaining('Enforce -> Audit except in namespaces selected by policy.gitops-cdk.io/canary=true')]);
  });

  it('reads verifyImages rules too: Enforce if any entry enforces', () => {
    const verify = (actions: string[]) =>
      withFields(prodDisallowLatestTag(), {
        [`${RULE}.validate`]: undefined,
        [`${RULE}.name`]: 'verify-release-signature',
        [`${RULE}.verifyImages`]: actions.map((failureAction) => ({
          failureAction,
          imageReferences: ['ghcr.io/gitops-cdk/*'],
          mutateDigest: true,
          required: true,
          verifyDigest: true,
        })),
      });
    expect(findings(kyvernoTowardsAudit, kubernetesChange(verify(['Audit', 'Enforce']), verify(['Audit', 'Audit']), 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason: expect.stringContaining('rule verify-release-signature: Enforce -> Audit in every namespace'),
        path: 'spec.rules[name=verify-release-signature].verifyImages',
      },
    ]);
    // The same entries in another order are the same rule: the diff reports no change at all.
    expect(() => kubernetesChange(verify(['Audit', 'Enforce']), verify(['Enforce', 'Audit']), 'prod')).toThrow('the two sides are equal');
  });

  it('does not flag a canary promoted to Enforce (the override dropped because every namespace enforces)', () => {
    const base = stagingRequireLabels();
    const head = withFields(base, { [`${RULE}.validate.failureAction`]: 'Enforce', [`${RULE}.validate.failureActionOverrides`]: undefined });
    expect(findings(kyvernoTowardsAudit, kubernetesChange(base, head, 'staging'), 'staging')).toEqual([]);
  });

  it('does not flag an enforcing rule changed harmlessly (its message) nor a spelling change enforce -> Enforce', () => {
    const base = withFields(prodDisallowLatestTag(), { [`${RULE}.validate.failureAction`]: 'enforce' });
    const head = withFields(prodDisallowLatestTag(), { [`${RULE}.validate.message`]: 'Use a pinned tag.' });
    expect(findings(kyvernoTowardsAudit, kubernetesChange(base, head, 'prod'), 'production')).toEqual([]);
  });
});
