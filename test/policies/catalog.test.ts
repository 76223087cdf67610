import { parse } from 'yaml';
import { isCatalogRelease } from '../../constructs/kyverno/catalog-release';
import { FailureAction } from '../../constructs/kyverno/failure-action';
import { selectorMatches } from '../../constructs/kyverno/label-selector';
import type { KubeResource, PolicyDefinition } from '../../constructs/kyverno/policy-definition';
import { policyTestSuite } from '../../constructs/kyverno/policy-test-suite';
import type { MatchResources } from '../../constructs/kyverno/types';
import { CATALOG_RELEASES, LATEST_CATALOG_RELEASE, POLICY_REVISIONS, policiesAt } from '../../policies';
import { clusterPolicy, manifestOfPolicy } from '../kyverno/fixtures';

interface SuiteResult {
  readonly rule: string;
  readonly result: string;
  readonly resources: readonly string[];
  readonly patchedResources?: string;
  readonly generatedResource?: string;
}

const revisions = POLICY_REVISIONS.map((p) => [`${p.name}@${p.release}`, p] as const);

/** The rendered rules of a revision (as enforced, no splits) with the expected results of their cases. */
function resultsByRule(definition: PolicyDefinition): Map<string, { type: string; kinds: readonly string[]; results: SuiteResult[] }> {
  const policy = clusterPolicy(definition, FailureAction.enforce());
  const suite = parse(policyTestSuite(policy, 'policy.yaml').get('kyverno-test.yaml')!) as { results: SuiteResult[] };
  return new Map(
    policy.rules.map((r) => {
      const type = r.rule.validate ? 'validate' : r.rule.mutate ? 'mutate' : r.rule.generate ? 'generate' : 'verifyImages';
      const filters = 'any' in r.rule.match ? r.rule.match.any : r.rule.match.all;
      return [r.rule.name, { type, kinds: filters.flatMap((f) => f.resources.kinds ?? []), results: suite.results.filter((s) => s.rule === r.rule.name) }];
    }),
  );
}

/**
 * Whether an exclude block names the resource outright (kind, name and namespace lists, and a
 * selector on the resource's own labels): the forms the catalog's generate rules use. The admission replay of `npm run verify` asks Kyverno itself.
 */
function excludes(exclude: MatchResources | undefined, resource: KubeResource): boolean {
  if (exclude === undefined) return false;
  const filters = 'any' in exclude ? exclude.any : exclude.all;
  const selects = ({ resources: r }: (typeof filters)[number]): boolean =>
    (r.kinds === undefined || r.kinds.includes(resource.kind)) &&
    (r.names === undefined || r.names.includes(resource.metadata.name)) &&
    (r.namespaces === undefined || (resource.metadata.namespace !== undefined && r.namespaces.includes(resource.metadata.namespace))) &&
    (r.selector === undefined || selectorMatches(r.selector, resource.metadata.labels ?? {}));
  return 'any' in exclude ? filters.some(selects) : filters.every(selects);
}

describe('the policy catalog', () => {
  it('has at least 15 policies in its latest release', () => {
    expect(policiesAt(LATEST_CATALOG_RELEASE).length).toBeGreaterThanOrEqual(15);
  });

  it('lists releases oldest first, each a major.minor.patch version', () => {
    expect(CATALOG_RELEASES.every(isCatalogRelease)).toBe(true);
    expect(CATALOG_RELEASES).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0']);
    expect(LATEST_CATALOG_RELEASE).toBe('1.3.0');
  });

  it('never has two revisions of one policy in one release', () => {
    const keys = POLICY_REVISIONS.map((p) => `${p.name}@${p.release}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('runs, at a release, the newest revision of each policy not newer than it', () => {
    const byName = (release: string, name: string) => policiesAt(release).find((p) => p.name === name)?.release;
    expect(byName('1.0.0', 'require-labels')).toBe('1.0.0');
    expect(byName('1.1.0', 'require-labels')).toBe('1.0.0');
    expect(byName('1.2.0', 'require-labels')).toBe('1.2.0');
    expect(byName('1.0.0', 'pod-security-restricted')).toBeUndefined();
  });
});

describe.each(revisions)('%s', (_, definition) => {
  it('names itself as a DNS label and explains itself', () => {
    expect(definition.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    expect(definition.title.length).toBeGreaterThan(5);
    expect(definition.description.length).toBeGreaterThan(40);
    expect(definition.category.length).toBeGreaterThan(2);
  });

  it('maps to compliance controls, each written as an annotation', () => {
    const { controls } = definition;
    const total = controls.soc2.length + controls.pciDss.length + controls.iso27001.length + controls.cisKubernetes.length;
    expect(total).toBeGreaterThan(0);
    const annotations = (manifestOfPolicy(clusterPolicy(definition)).metadata as { annotations: Record<string, string> }).annotations;
    const expected: [string, readonly string[]][] = [
      ['compliance.gitops-cdk.io/soc2', controls.soc2],
      ['compliance.gitops-cdk.io/pci-dss', controls.pciDss],
      ['compliance.gitops-cdk.io/iso-27001', controls.iso27001],
      ['compliance.gitops-cdk.io/cis-kubernetes', controls.cisKubernetes],
    ];
    for (const [key, ids] of expected) expect(annotations[key]).toBe(ids.length > 0 ? ids.join(', ') : undefined);
  });

  it('has a refused (fail) and an admitted (pass or skip) case for every validate and verifyImages rule, and a pass with its product and a skip for every mutate and generate rule', () => {
    for (const [rule, { type, results }] of resultsByRule(definition)) {
      const outcomes = new Set(results.map((r) => r.result));
      if (type === 'validate' || type === 'verifyImages') {
        // Refused, and admitted: `pass`, or `skip` where the rule does not select the resource
        // (deny rules on one operation, image checks outside the signed registries).
        expect([rule, outcomes.has('fail')]).toEqual([rule, true]);
        expect([rule, outcomes.has('pass') || outcomes.has('skip')]).toEqual([rule, true]);
      } else {
        const passes = results.filter((r) => r.result === 'pass');
        expect([rule, passes.length > 0 && passes.every((r) => (r.patchedResources ?? r.generatedResource) !== undefined)]).toEqual([rule, true]);
        // Generate skips are not in the CLI suite (see cliCases); every rule still has one.
        expect([rule, definition.cases.some((c) => c.rule === rule && c.expect === 'skip')]).toEqual([rule, true]);
      }
    }
  });

  it('exercises each rule with resources of a kind the rule matches', () => {
    const kindOf = new Map(definition.cases.map((c) => [c.resource.metadata.name, c.resource.kind]));
    for (const [rule, { kinds, results }] of resultsByRule(definition)) {
      for (const result of results.filter((r) => r.result !== 'skip')) {
        const kind = kindOf.get(result.resources[0]!)!;
        // Kyverno accepts `Kind` or `group/version/Kind`.
        expect([rule, kinds.some((k) => k === kind || k === '*' || k.endsWith(`/${kind}`))]).toEqual([rule, true]);
      }
    }
  });

  it('keeps the skip cases of generate rules out of the CLI suite (it reports them "Not found"), each a resource the rule excludes', () => {
    const suite = parse(policyTestSuite(clusterPolicy(definition, FailureAction.enforce()), 'policy.yaml').get('kyverno-test.yaml')!) as { results: SuiteResult[] };
    for (const rule of definition.rules.filter((r) => r.type === 'generate')) {
      for (const skip of definition.cases.filter((c) => c.rule === rule.name && c.expect === 'skip')) {
        const name = skip.resource.metadata.name;
        expect([name, suite.results.some((r) => r.resources.includes(name))]).toEqual([name, false]);
        expect([name, excludes(rule.exclude, skip.resource)]).toEqual([name, true]);
      }
    }
  });

  it('describes every case', () => {
    for (const c of definition.cases) expect(c.description.length).toBeGreaterThan(3);
  });
});
