import { POLICY_CANARY_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import { selectorMatches } from '../../constructs/kyverno/label-selector';
import type { PolicyCase, PolicyDefinition } from '../../constructs/kyverno/policy-definition';
import { failureActionFor } from '../../constructs/kyverno/policy-lifecycle';
import type { RuleType } from '../../constructs/kyverno/rule-definition';
import type { EnvironmentSpec } from '../../environments/types';

/** What the API server must answer when a case is replayed as a real admission request. */
export type Admission =
  /** Refused by Kyverno, naming the policy. */
  | 'denied'
  /** Admitted, and Kyverno's admission report records the failure. */
  | 'admitted-reported'
  /** Admitted (a pass or skip case). */
  | 'admitted'
  /** Not replayed here; the reason says why. */
  | 'not-replayed';

export interface Expectation {
  readonly admission: Admission;
  readonly why: string;
}

/** Namespace labels a case is replayed under: the case's own, plus staging's canary label or not. */
export interface ReplayVariant {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Staging replays every case in a canary namespace and in an ordinary one; others as written. */
export function variantsFor(spec: EnvironmentSpec, testCase: PolicyCase): ReplayVariant[] {
  const own = testCase.namespaceLabels ?? {};
  if (spec.kyverno.mode !== 'canary') return [{ name: 'as written', labels: own }];
  return [
    { name: 'canary namespace', labels: { ...own, [POLICY_CANARY_LABEL]: 'true' } },
    { name: 'other namespace', labels: own },
  ];
}

/**
 * Whether the environment enforces this policy revision in a namespace with these labels: the
 * failure action the lifecycle renders (policy-lifecycle.ts, whose tests hold it to the README's
 * table: dev audits, prod enforces, staging enforces passed revisions everywhere and newer ones on
 * canary namespaces), with its namespace overrides applied as Kyverno applies them. The replay
 * then checks that Kyverno, given the rendered policy, does exactly that.
 */
export function enforces(spec: EnvironmentSpec, definition: PolicyDefinition, labels: Readonly<Record<string, string>>): boolean {
  const action = failureActionFor(spec, definition);
  const override = action.overrides.find((o) => selectorMatches(o.namespaceSelector, labels));
  return (override?.action ?? action.action) === 'Enforce';
}

/** The admission answer a case must get in one environment and namespace. */
export function expectedAdmission(
  spec: EnvironmentSpec,
  definition: PolicyDefinition,
  ruleType: RuleType,
  testCase: PolicyCase,
  labels: Readonly<Record<string, string>>,
): Expectation {
  if (ruleType === 'verifyImages') {
    return {
      admission: 'not-replayed',
      why: 'verifying a signature needs the registry and the Rekor transparency log, which this machine cannot reach; the policy was loaded (Kyverno accepted it) and then removed, so that it does not refuse every other case offline',
    };
  }
  if (testCase.expect !== 'fail') return { admission: 'admitted', why: `a ${testCase.expect} case is admitted everywhere` };
  if (testCase.resource.metadata.namespace === undefined && failureActionFor(spec, definition).overrides.length > 0) {
    return { admission: 'not-replayed', why: 'the canary selects namespaces by their labels; this cluster-scoped case has no namespace to select' };
  }
  return enforces(spec, definition, labels)
    ? { admission: 'denied', why: `${spec.name} enforces ${definition.name}@${definition.release} here` }
    : { admission: 'admitted-reported', why: `${spec.name} audits ${definition.name}@${definition.release} here` };
}
