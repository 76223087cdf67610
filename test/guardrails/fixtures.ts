import type { Guardrail } from '../../constructs/guardrails/guardrail';
import { runGuardrails } from '../../constructs/guardrails/run-guardrails';
import type { Violation } from '../../constructs/guardrails/violation';
import type { KubeManifest, RenderedObject } from '../../constructs/synth/kube-manifest';
import type { EnvironmentSpec } from '../../environments/types';

/** A synthesized object as a guardrail sees it, built by hand so that it can break any rule. */
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
 * Runs one guardrail through runGuardrails (so its tier gating applies) and asserts it rejects
 * exactly the expected fields, each located at the environment and construct path of the object.
 */
export function expectRejected(
  guardrail: Guardrail,
  object: RenderedObject,
  spec: EnvironmentSpec,
  expected: readonly ExpectedViolation[],
): Violation[] {
  const violations = runGuardrails([guardrail], [object], spec);
  expect(violations.map((v) => v.field)).toEqual(expected.map((e) => e.field));
  violations.forEach((violation, i) => {
    const want = expected[i]!;
    expect(violation.environment).toBe(spec.name);
    expect(violation.path).toBe(object.constructPath);
    expect(violation.problem).toMatch(new RegExp(`\\[${guardrail.id}\\]$`));
    expect(violation.fix).toMatch(want.fix);
    expect(violation.fix.length).toBeGreaterThan(10);
    if (want.value !== undefined) expect(violation.value).toBe(want.value);
    if (want.problem !== undefined) expect(violation.problem).toMatch(want.problem);
  });
  return violations;
}

/** Asserts the guardrail finds nothing in these objects for this environment. */
export function expectAccepted(guardrail: Guardrail, objects: readonly RenderedObject[], spec: EnvironmentSpec): void {
  expect(runGuardrails([guardrail], objects, spec)).toEqual([]);
}
