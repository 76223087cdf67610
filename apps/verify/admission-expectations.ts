import type { EnvironmentSpec } from '../../environments/types';
import { compareReleases } from '../../constructs/kyverno/catalog-release';
import { POLICY_CANARY_LABEL } from '../../constructs/kyverno/failure-action';
import type { RuleType } from '../../constructs/kyverno/rule-definition';
import type { PolicyCase, PolicyDefinition } from '../../policies/policy-definition';

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
 * Whether the environment enforces this policy revision in a namespace with these labels, stated
 * from the spec as the README promises it (independently of how the policies are rendered): dev
 * audits; prod enforces; staging enforces revisions that passed their canary everywhere and newer
 * ones on canary namespaces only.
 */
export function enforces(spec: EnvironmentSpec, definition: PolicyDefinition, labels: Readonly<Record<string, string>>): boolean {
  switch (spec.kyverno.mode) {
    case 'audit':
      return false;
    case 'enforce':
      return true;
    case 'canary': {
      const passed = spec.kyverno.canaryPassed;
      if (passed !== undefined && compareReleases(definition.release, passed) <= 0) return true;
      return labels[POLICY_CANARY_LABEL] === 'true';
    }
  }
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
  return enforces(spec, definition, labels)
    ? { admission: 'denied', why: `${spec.name} enforces ${definition.name}@${definition.release} here` }
    : { admission: 'admitted-reported', why: `${spec.name} audits ${definition.name}@${definition.release} here` };
}
