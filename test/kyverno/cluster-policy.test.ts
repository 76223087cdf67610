import { POLICY_ANNOTATIONS, POLICY_CANARY_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import { FailureAction } from '../../constructs/kyverno/failure-action';
import type { RuleDefinition } from '../../constructs/kyverno/rule-definition';
import { RELEASE_SIGNER } from '../../policies/support/trust';
import { crdSchemaErrors } from '../support/crd-schema';
import { clusterPolicy, definition, manifestOfPolicy } from './fixtures';

type Json = Record<string, unknown>;
const rulesOf = (manifest: Json): Json[] => (manifest.spec as { rules: Json[] }).rules;

const verifyImages: RuleDefinition = {
  type: 'verifyImages',
  name: 'verify-signature',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  imageReferences: ['registry.gitops-cdk.example/*'],
  keyless: RELEASE_SIGNER,
};

describe('ClusterPolicy', () => {
  it('writes title, category, severity, subject, description, release, stage and compliance controls as annotations', () => {
    const manifest = manifestOfPolicy(clusterPolicy(definition(), FailureAction.enforceOnCanaries()));
    expect((manifest.metadata as { annotations: Json }).annotations).toEqual({
      'policies.kyverno.io/title': 'Require Team Label',
      'policies.kyverno.io/category': 'Best Practices',
      'policies.kyverno.io/severity': 'medium',
      'policies.kyverno.io/subject': 'Pod',
      'policies.kyverno.io/description': 'Pods name their team.',
      [POLICY_ANNOTATIONS.release]: '1.0.0',
      [POLICY_ANNOTATIONS.stage]: 'canary',
      [POLICY_ANNOTATIONS.soc2]: 'CC6.1',
      [POLICY_ANNOTATIONS.iso27001]: 'A.5.9',
    });
  });

  it('puts the failure action and its overrides on each validate rule, and the webhook failure policy on the policy', () => {
    const manifest = manifestOfPolicy(clusterPolicy(definition(), FailureAction.enforceOnCanaries(), { failurePolicy: 'Ignore', reason: 'because' }));
    expect(rulesOf(manifest)[0]!.validate).toEqual({
      message: 'set metadata.labels.team',
      failureAction: 'Audit',
      failureActionOverrides: [{ action: 'Enforce', namespaceSelector: { matchLabels: { [POLICY_CANARY_LABEL]: 'true' } } }],
      pattern: { metadata: { labels: { team: '?*' } } },
    });
    expect((manifest.spec as Json).webhookConfiguration).toEqual({ failurePolicy: 'Ignore' });
    expect((manifest.metadata as { annotations: Json }).annotations[POLICY_ANNOTATIONS.failOpenReason]).toBe('because');
  });

  it('synthesizes both variants of an A/B test as separate rules chosen by the namespace label', () => {
    const [rule] = definition().rules;
    const policy = clusterPolicy(definition({ rules: [], abTest: { label: 'policy.gitops-cdk.io/variant', hypothesis: 'stricter is fine', a: [rule!], b: [rule!] } }));
    const rules = rulesOf(manifestOfPolicy(policy));
    expect(rules.map((r) => r.name)).toEqual(['check-team-a', 'check-team-b']);
    expect(rules.map((r) => (r.match as { any: { resources: Json }[] }).any[0]!.resources.namespaceSelector)).toEqual([
      { matchExpressions: [{ key: 'policy.gitops-cdk.io/variant', operator: 'NotIn', values: ['b'] }] },
      { matchLabels: { 'policy.gitops-cdk.io/variant': 'b' } },
    ]);
    expect(policy.rules.map((r) => r.source)).toEqual(['check-team', 'check-team']);
    expect((manifestOfPolicy(policy).metadata as { annotations: Json }).annotations[POLICY_ANNOTATIONS.abTest]).toBe('policy.gitops-cdk.io/variant: stricter is fine');
  });

  it('splits a verifyImages rule under a canary: Enforce on canary namespaces, Audit on the others', () => {
    const rules = rulesOf(manifestOfPolicy(clusterPolicy(definition({ rules: [verifyImages], cases: [] }), FailureAction.enforceOnCanaries())));
    expect(rules.map((r) => [r.name, (r.verifyImages as Json[])[0]!.failureAction])).toEqual([
      ['verify-signature-canary', 'Enforce'],
      ['verify-signature', 'Audit'],
    ]);
    // Kyverno refuses mutateDigest under Audit (ImageVerification.Validate): only the enforcing copy pins digests.
    expect(rules.map((r) => (r.verifyImages as Json[])[0]!.mutateDigest)).toEqual([true, false]);
    expect(rules.map((r) => (r.match as { any: { resources: Json }[] }).any[0]!.resources.namespaceSelector)).toEqual([
      { matchLabels: { [POLICY_CANARY_LABEL]: 'true' } },
      { matchExpressions: [{ key: POLICY_CANARY_LABEL, operator: 'NotIn', values: ['true'] }] },
    ]);
  });

  it('keeps one verifyImages rule when the action is the same everywhere, pinning digests', () => {
    const rules = rulesOf(manifestOfPolicy(clusterPolicy(definition({ rules: [verifyImages], cases: [] }), FailureAction.enforce())));
    expect(rules).toHaveLength(1);
    expect((rules[0]!.verifyImages as Json[])[0]).toMatchObject({ failureAction: 'Enforce', mutateDigest: true, verifyDigest: true, required: true });
  });

  it('verifies but does not pin digests when the rule only audits, as Kyverno requires', () => {
    const rules = rulesOf(manifestOfPolicy(clusterPolicy(definition({ rules: [verifyImages], cases: [] }), FailureAction.audit())));
    expect((rules[0]!.verifyImages as Json[])[0]).toMatchObject({ failureAction: 'Audit', mutateDigest: false, verifyDigest: true, required: true });
  });

  it('generates for existing namespaces too, and writes mutate patches as given', () => {
    const generate: RuleDefinition = {
      type: 'generate',
      name: 'default-deny',
      match: { any: [{ resources: { kinds: ['Namespace'] } }] },
      generate: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        name: 'default-deny',
        namespace: '{{request.object.metadata.name}}',
        synchronize: true,
        data: { spec: { podSelector: {} } },
      },
    };
    const mutate: RuleDefinition = {
      type: 'mutate',
      name: 'seccomp',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      mutate: { patchStrategicMerge: { spec: { securityContext: { '+(seccompProfile)': { type: 'RuntimeDefault' } } } } },
    };
    const manifest = manifestOfPolicy(clusterPolicy(definition({ rules: [generate, mutate], cases: [] })));
    expect(rulesOf(manifest)[0]!.generate).toMatchObject({ generateExisting: true, synchronize: true, kind: 'NetworkPolicy' });
    expect(rulesOf(manifest)[1]!.mutate).toEqual(mutate.mutate);
    expect(crdSchemaErrors(manifest as { apiVersion: string; kind: string })).toEqual([]);
  });

  it('refuses to split a rule that already selects namespaces', () => {
    const selecting: RuleDefinition = { ...verifyImages, match: { any: [{ resources: { kinds: ['Pod'], namespaceSelector: { matchLabels: { a: 'b' } } } }] } };
    expect(() => clusterPolicy(definition({ rules: [selecting], cases: [] }), FailureAction.enforceOnCanaries())).toThrow(/rule verify-signature already selects namespaces/);
  });
});
