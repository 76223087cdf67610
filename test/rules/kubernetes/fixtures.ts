import { resultsOf } from '../../../constructs/rules/evaluate';
import { objectName } from '../../../constructs/rules/kubernetes-engine';
import { packFor } from '../../../constructs/rules/packs';
import { violationOf } from '../../../constructs/rules/refusal-entries';
import { blockingResults, type RuleResult } from '../../../constructs/rules/result';
import type { KubernetesRule } from '../../../constructs/rules/types';
import type { Violation } from '../../../constructs/rules/violation';
import type { KubeManifest, RenderedObject } from '../../../constructs/synth/kube-manifest';
import type { EnvironmentSpec } from '../../../environments/types';

/** A synthesized object as a rule sees it, built by hand so that it can break any rule. */
export function rendered(constructPath: string, manifest: Record<string, unknown>): RenderedObject {
  return { constructPath, manifest: manifest as KubeManifest };
}

/** An Argo CD Application literal with the given spec (nothing defaulted: the test states it all). */
export function application(name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: 'argocd' }, spec };
}

/** An ApplicationSet literal whose template carries the given Application spec. */
export function applicationSet(name: string, templateSpec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: 'argocd' },
    spec: {
      generators: [{ clusters: { selector: { matchLabels: { 'gitops-cdk.io/env': 'x' } } } }],
      template: { metadata: { name: `{{.name}}-${name}` }, spec: templateSpec },
    },
  };
}

/** A compliant Application spec: platform project, pinned chart, no prune. */
export function compliantSpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    project: 'platform',
    source: { repoURL: 'https://kyverno.github.io/kyverno/', chart: 'kyverno', targetRevision: '3.3.4' },
    destination: { name: 'prod-eks-euw1', namespace: 'kyverno' },
    syncPolicy: { automated: { prune: false, selfHeal: true } },
    ...overrides,
  };
}

export interface ExpectedViolation {
  readonly field: string;
  readonly value?: string;
  readonly fix: string | RegExp;
  readonly problem?: string | RegExp;
}

/**
 * Every result of the rules the environment's pack lists among `rules`, on every object they
 * apply to, as the engine records them (located at the object's construct path).
 */
export function runRules(rules: readonly KubernetesRule[], objects: readonly RenderedObject[], spec: EnvironmentSpec): RuleResult[] {
  const active = packFor(spec.tier).kubernetes.filter((rule) => rules.includes(rule));
  const environment = { name: spec.name, tier: spec.tier };
  const manifests = objects.map((object) => object.manifest);
  return objects.flatMap(({ constructPath, manifest }) =>
    active
      .filter((rule) => rule.objectTypes.includes(`${manifest.apiVersion}/${manifest.kind}`))
      .flatMap((rule) => {
        const location = { environment: spec.name, engine: 'kubernetes' as const, unit: 'fixture', resource: objectName(manifest), path: constructPath };
        return resultsOf(rule, rule.check(manifest, { environment, objects: manifests }), location, undefined, '2026-03-01');
      }),
  );
}

/** The refusals of the rules on the objects, as the user reads them. */
export function refusals(rules: readonly KubernetesRule[], objects: readonly RenderedObject[], spec: EnvironmentSpec): Violation[] {
  return blockingResults(runRules(rules, objects, spec)).map(violationOf);
}

/**
 * Runs one rule as its tier's pack would (so the pack gating applies) and asserts it rejects
 * exactly the expected fields, each located at the environment and construct path of the object.
 * `companions` are objects the environment renders beside it (a Rollout's AnalysisTemplate): rules
 * read them, none of them may be refused.
 */
export function expectRejected(
  rule: KubernetesRule,
  object: RenderedObject,
  spec: EnvironmentSpec,
  expected: readonly ExpectedViolation[],
  companions: readonly RenderedObject[] = [],
): Violation[] {
  const violations = refusals([rule], [object, ...companions], spec);
  expect(violations.map((v) => v.field)).toEqual(expected.map((e) => e.field));
  violations.forEach((violation, i) => {
    const want = expected[i]!;
    expect(violation.environment).toBe(spec.name);
    expect(violation.path).toBe(object.constructPath);
    expect(violation.problem).toMatch(new RegExp(`\\[${rule.id}\\]$`));
    expect(violation.fix).toMatch(want.fix);
    expect(violation.fix.length).toBeGreaterThan(10);
    if (want.value !== undefined) expect(violation.value).toBe(want.value);
    if (want.problem !== undefined) expect(violation.problem).toMatch(want.problem);
  });
  return violations;
}

/** Asserts the rule finds nothing in these objects for this environment. */
export function expectAccepted(rule: KubernetesRule, objects: readonly RenderedObject[], spec: EnvironmentSpec): void {
  expect(refusals([rule], objects, spec)).toEqual([]);
}
