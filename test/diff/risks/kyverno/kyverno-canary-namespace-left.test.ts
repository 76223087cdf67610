import { kyvernoCanaryNamespaceLeft } from '../../../../apps/diff/risks/kyverno/kyverno-canary-namespace-left';
import { findings, kubernetesChange } from '../../change-builders';

/** A tenant namespace as the Tenant construct renders it in staging, with or without the canary label. */
const namespace = (labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'payments', labels: { 'gitops-cdk.io/tenant': 'payments', owner: 'payments', ...labels } },
});
const CANARY = { 'policy.gitops-cdk.io/canary': 'true' };

describe('kyverno-canary-namespace-left', () => {
  it('flags a staging namespace losing the canary label as medium, naming the label', () => {
    expect(findings(kyvernoCanaryNamespaceLeft, kubernetesChange(namespace(CANARY), namespace({}), 'staging'), 'staging')).toEqual([
      {
        level: 'medium',
        reason: expect.stringMatching(/^namespace payments leaves the policy canary \(policy\.gitops-cdk\.io\/canary=true removed\): .* go back from Enforce to Audit there/),
        path: 'metadata.labels."policy.gitops-cdk.io/canary"',
      },
    ]);
  });

  it('flags a value other than "true" as leaving too, and weighs it low outside staging', () => {
    const [finding] = findings(kyvernoCanaryNamespaceLeft, kubernetesChange(namespace(CANARY), namespace({ 'policy.gitops-cdk.io/canary': 'false' }), 'dev'), 'development');
    expect(finding?.level).toBe('low');
  });

  it('does not flag a namespace joining or staying in the canary, an unrelated label change, or a deleted namespace', () => {
    expect(findings(kyvernoCanaryNamespaceLeft, kubernetesChange(namespace({}), namespace(CANARY), 'staging'), 'staging')).toEqual([]);
    expect(findings(kyvernoCanaryNamespaceLeft, kubernetesChange(namespace(CANARY), namespace({ ...CANARY, owner: 'team-b' }), 'staging'), 'staging')).toEqual([]);
    expect(findings(kyvernoCanaryNamespaceLeft, kubernetesChange(namespace(CANARY), undefined, 'staging'), 'staging')).toEqual([]);
  });
});
