import { toYaml } from '../core/yaml-text';
import type { ClusterPolicy } from './cluster-policy';
import { selectorMatches } from './label-selector';
import type { KubeResource, PolicyCase } from './policy-definition';
import type { RenderedRule } from './rule-definition';

/** The file `kyverno test <dir>` looks for in every folder below `<dir>`. */
export const KYVERNO_TEST_FILE = 'kyverno-test.yaml';

const CLI_API_VERSION = 'cli.kyverno.io/v1alpha1';

interface TestResult {
  readonly policy: string;
  readonly rule: string;
  readonly resources: readonly string[];
  readonly kind: string;
  readonly result: PolicyCase['expect'];
  readonly patchedResources?: string;
  readonly generatedResource?: string;
}

/**
 * The Kyverno CLI test suite of one policy as deployed in one environment: `kyverno-test.yaml`
 * naming the synthesized policy file (so the suite tests exactly what Argo CD applies), the case
 * resources, the namespace labels and request values the rules read, and the expected mutated or
 * generated objects. Returns file name to content, relative to the suite's folder.
 *
 * @param policyPath path of the synthesized policy manifest, relative to the suite's folder.
 */
export function policyTestSuite(policy: ClusterPolicy, policyPath: string): Map<string, string> {
  const { definition } = policy;
  const files = new Map<string, string>();
  const names = definition.cases.map((c) => c.resource.metadata.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) {
    throw new Error(`policy ${definition.name}: two cases use the resource name ${duplicate}; one test suite needs unique names`);
  }

  const cases = cliCases(policy);
  const results = cases.map((testCase): TestResult => {
    const rule = renderedRuleFor(policy, testCase);
    const name = testCase.resource.metadata.name;
    const produced = testCase.produces === undefined ? {} : producedFile(rule, testCase.produces, name, files);
    return {
      policy: definition.name,
      rule: rule.rule.name,
      resources: [name],
      kind: testCase.resource.kind,
      result: testCase.expect,
      ...produced,
    };
  });

  files.set('resources.yaml', multiDocument(cases.map((c) => c.resource)));
  const values = valuesDocument(policy, cases);
  if (values !== undefined) files.set('values.yaml', toYaml(values));
  files.set(
    KYVERNO_TEST_FILE,
    toYaml({
      apiVersion: CLI_API_VERSION,
      kind: 'Test',
      metadata: { name: definition.name },
      policies: [policyPath],
      resources: ['resources.yaml'],
      ...(values !== undefined ? { variables: 'values.yaml' } : {}),
      results,
    }),
  );
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The cases the CLI can judge. A generate rule that skips a resource reports no result at all, so
 * the CLI prints "Not found" and fails the suite (kyverno#8942; still so in v1.19.1,
 * cmd/cli/kubectl-kyverno/commands/test/output.go): those cases are checked by jest
 * (test/policies/catalog.test.ts) and by the admission replay of `npm run verify` instead.
 */
export function cliCases(policy: ClusterPolicy): readonly PolicyCase[] {
  const generates = new Set(policy.definition.rules.filter((r) => r.type === 'generate').map((r) => r.name));
  return policy.definition.cases.filter((c) => !(c.expect === 'skip' && generates.has(c.rule)));
}

/**
 * The rendered rule a case exercises: the one made from the case's rule definition whose
 * namespace selector (canary split, A/B variant) picks the case's namespace labels.
 */
function renderedRuleFor(policy: ClusterPolicy, testCase: PolicyCase): RenderedRule {
  const labels = testCase.namespaceLabels ?? {};
  const candidates = policy.rules.filter((r) => r.source === testCase.rule && (r.namespaceSelector === undefined || selectorMatches(r.namespaceSelector, labels)));
  if (candidates.length !== 1) {
    throw new Error(
      `policy ${policy.definition.name}: case ${testCase.resource.metadata.name} names rule ${testCase.rule}, ` +
        `which selects ${candidates.length} rendered rules for namespace labels ${JSON.stringify(labels)}; it must select exactly one`,
    );
  }
  return candidates[0]!;
}

function producedFile(rule: RenderedRule, produced: KubeResource, name: string, files: Map<string, string>): Partial<TestResult> {
  if (rule.rule.mutate !== undefined) {
    files.set(`patched-${name}.yaml`, toYaml(produced));
    return { patchedResources: `patched-${name}.yaml` };
  }
  if (rule.rule.generate !== undefined) {
    files.set(`generated-${name}.yaml`, toYaml(produced));
    return { generatedResource: `generated-${name}.yaml` };
  }
  throw new Error(`rule ${rule.rule.name}: only mutate and generate cases declare the object they produce`);
}

function multiDocument(resources: readonly KubeResource[]): string {
  return resources.map((r) => toYaml(r)).join('---\n');
}

/**
 * The CLI's values file: labels of the case namespaces (for rules that select namespaces) and
 * admission request values per resource (for rules that read `request.*`). Absent when no case
 * needs either.
 */
function valuesDocument(policy: ClusterPolicy, cases: readonly PolicyCase[]): object | undefined {
  const { definition } = policy;
  const selectsNamespaces = policy.rules.some((r) => r.namespaceSelector !== undefined);
  const namespaceLabels = new Map<string, Readonly<Record<string, string>>>();
  if (selectsNamespaces) {
    for (const testCase of cases) {
      const namespace = testCase.resource.metadata.namespace;
      if (namespace === undefined) continue;
      const labels = testCase.namespaceLabels ?? {};
      const known = namespaceLabels.get(namespace);
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(labels)) {
        throw new Error(
          `policy ${definition.name}: cases put namespace ${namespace} under two label sets; ` + `use a different namespace for case ${testCase.resource.metadata.name}`,
        );
      }
      namespaceLabels.set(namespace, labels);
    }
  }
  const requests = cases.filter((c) => c.request !== undefined);
  if (namespaceLabels.size === 0 && requests.length === 0) return undefined;
  return {
    apiVersion: CLI_API_VERSION,
    kind: 'Values',
    ...(requests.length > 0 ? { policies: [{ name: definition.name, resources: requests.map((c) => ({ name: c.resource.metadata.name, values: c.request })) }] } : {}),
    ...(namespaceLabels.size > 0 ? { namespaceSelector: [...namespaceLabels.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, labels]) => ({ name, labels })) } : {}),
  };
}
