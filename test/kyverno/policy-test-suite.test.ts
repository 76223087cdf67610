import { parse, parseAllDocuments } from 'yaml';
import { namespace } from '../../constructs/kyverno/case-resources';
import { FailureAction } from '../../constructs/kyverno/failure-action';
import { policyTestSuite } from '../../constructs/kyverno/policy-test-suite';
import type { RuleDefinition } from '../../constructs/kyverno/rule-definition';
import { pod } from '../../policies/support/resources';
import { clusterPolicy, definition } from './fixtures';

const POLICY_PATH = '../../../k8s/prod/policies/clusterpolicy-require-team-label.yaml';
const VARIANT = 'policy.gitops-cdk.io/variant';

function suite(...args: Parameters<typeof clusterPolicy>): Map<string, string> {
  return policyTestSuite(clusterPolicy(...args), POLICY_PATH);
}

describe('policyTestSuite', () => {
  it('writes a Kyverno CLI Test naming the synthesized policy, the resources and one result per case', () => {
    const files = suite();
    expect([...files.keys()]).toEqual(['kyverno-test.yaml', 'resources.yaml']);
    expect(parse(files.get('kyverno-test.yaml')!)).toEqual({
      apiVersion: 'cli.kyverno.io/v1alpha1',
      kind: 'Test',
      metadata: { name: 'require-team-label' },
      policies: [POLICY_PATH],
      resources: ['resources.yaml'],
      results: [
        { policy: 'require-team-label', rule: 'check-team', resources: ['labelled'], kind: 'Pod', result: 'pass' },
        { policy: 'require-team-label', rule: 'check-team', resources: ['unlabelled'], kind: 'Pod', result: 'fail' },
      ],
    });
    expect(parseAllDocuments(files.get('resources.yaml')!).map((d) => (d.toJS() as { metadata: { name: string } }).metadata.name)).toEqual(['labelled', 'unlabelled']);
  });

  it('points each A/B case at the variant its namespace labels select, and declares those labels', () => {
    const [rule] = definition().rules;
    const abTest = { label: VARIANT, hypothesis: 'h', a: [rule!], b: [rule!] };
    const cases = [
      { description: 'a', rule: 'check-team', expect: 'pass' as const, resource: pod('in-a', {}, { team: 'x' }) },
      {
        description: 'b',
        rule: 'check-team',
        expect: 'fail' as const,
        resource: { ...pod('in-b', {}, {}), metadata: { name: 'in-b', namespace: 'team-b' } },
        namespaceLabels: { [VARIANT]: 'b' },
      },
    ];
    const files = suite(definition({ rules: [], abTest, cases }));
    const test = parse(files.get('kyverno-test.yaml')!) as { variables: string; results: { rule: string }[] };
    expect(test.results.map((r) => r.rule)).toEqual(['check-team-a', 'check-team-b']);
    expect(test.variables).toBe('values.yaml');
    expect(parse(files.get('values.yaml')!)).toEqual({
      apiVersion: 'cli.kyverno.io/v1alpha1',
      kind: 'Values',
      namespaceSelector: [
        { name: 'team-a', labels: {} },
        { name: 'team-b', labels: { [VARIANT]: 'b' } },
      ],
    });
  });

  it('declares admission request values per resource for rules that read them', () => {
    const deny: RuleDefinition = {
      type: 'validate',
      name: 'no-delete',
      match: { any: [{ resources: { kinds: ['Namespace'], operations: ['DELETE'] } }] },
      message: 'protected',
      check: { deny: { conditions: { any: [{ key: '{{request.operation}}', operator: 'Equals', value: 'DELETE' }] } } },
    };
    const cases = [{ description: 'delete', rule: 'no-delete', expect: 'fail' as const, resource: namespace('payments'), request: { 'request.operation': 'DELETE' } }];
    const values = parse(suite(definition({ rules: [deny], cases })).get('values.yaml')!) as Record<string, unknown>;
    expect(values.policies).toEqual([{ name: 'require-team-label', resources: [{ name: 'payments', values: { 'request.operation': 'DELETE' } }] }]);
  });

  it('writes the expected object of a generate case as generatedResource', () => {
    const generate: RuleDefinition = {
      type: 'generate',
      name: 'quota',
      match: { any: [{ resources: { kinds: ['Namespace'] } }] },
      generate: { apiVersion: 'v1', kind: 'ResourceQuota', name: 'q', namespace: '{{request.object.metadata.name}}', synchronize: true, data: { spec: {} } },
    };
    const produces = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'payments' }, spec: {} };
    const files = suite(definition({ rules: [generate], cases: [{ description: 'ns', rule: 'quota', expect: 'pass', resource: namespace('payments'), produces }] }));
    expect((parse(files.get('kyverno-test.yaml')!) as { results: unknown[] }).results[0]).toMatchObject({ generatedResource: 'generated-payments.yaml' });
    expect(parse(files.get('generated-payments.yaml')!)).toEqual(produces);
  });

  it('selects the canary copy of a split verifyImages rule by the canary label', () => {
    const verify: RuleDefinition = {
      type: 'verifyImages',
      name: 'signed',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      imageReferences: ['registry.gitops-cdk.example/*'],
      keyless: { subject: 's', issuer: 'i', rekor: { url: 'https://rekor.sigstore.dev' } },
    };
    const cases = [
      {
        description: 'canary',
        rule: 'signed',
        expect: 'fail' as const,
        resource: { ...pod('c'), metadata: { name: 'c', namespace: 'canary-ns' } },
        namespaceLabels: { 'policy.gitops-cdk.io/canary': 'true' },
      },
      { description: 'other', rule: 'signed', expect: 'fail' as const, resource: pod('o') },
    ];
    const files = suite(definition({ rules: [verify], cases }), FailureAction.enforceOnCanaries());
    expect((parse(files.get('kyverno-test.yaml')!) as { results: { rule: string }[] }).results.map((r) => r.rule)).toEqual(['signed-canary', 'signed']);
  });

  it('refuses two cases with one resource name, and a case naming no rule', () => {
    const base = definition();
    expect(() => suite(definition({ cases: [base.cases[0]!, base.cases[0]!] }))).toThrow(/two cases use the resource name labelled/);
    expect(() => suite(definition({ cases: [{ ...base.cases[0]!, rule: 'nope' }] }))).toThrow(/names rule nope, which selects 0 rendered rules/);
  });

  it('refuses one namespace under two label sets', () => {
    const [rule] = definition().rules;
    const abTest = { label: VARIANT, hypothesis: 'h', a: [rule!], b: [rule!] };
    const cases = [
      { description: 'a', rule: 'check-team', expect: 'pass' as const, resource: pod('in-a', {}, { team: 'x' }) },
      { description: 'b', rule: 'check-team', expect: 'fail' as const, resource: pod('in-b', {}, {}), namespaceLabels: { [VARIANT]: 'b' } },
    ];
    expect(() => suite(definition({ rules: [], abTest, cases }))).toThrow(/namespace team-a under two label sets/);
  });
});
