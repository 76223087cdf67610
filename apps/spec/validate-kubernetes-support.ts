import type { Violation } from '../../constructs/rules/violation';
import { type CloudSupportCalendar, KUBERNETES_SUPPORT, type ManagedKubernetes } from '../../constructs/kubernetes/kubernetes-support';
import type { SpecRule } from '../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../environments/types';
import { specKubernetesSupport } from './rules/spec-kubernetes-support';
import { runSpecRules } from './run-spec-rules';
import { placeFinding } from './validate';

/** Refusals (a version past its end of support) and warnings (ending soon, extended, unknown). */
export interface SupportFindings {
  readonly errors: readonly Violation[];
  readonly warnings: readonly Violation[];
}

/**
 * Every cluster's `kubernetesVersion` against its cloud's support calendar on `today`
 * (rules/spec-kubernetes-support.ts). `today` is a parameter so that a test pins it: the same spec
 * passes today and is refused once the date passes, which is the point.
 */
export function validateKubernetesSupport(
  specs: readonly EnvironmentSpec[],
  today: string,
  calendar: Readonly<Record<ManagedKubernetes, CloudSupportCalendar>> = KUBERNETES_SUPPORT,
): SupportFindings {
  const [ended, ending] = specKubernetesSupport(today, calendar);
  const placed = (rule: SpecRule<EnvironmentSpec>): Violation[] =>
    specs.flatMap((spec) =>
      runSpecRules([rule], spec).map((found) => placeFinding(spec.name, found)));
  return { errors: placed(ended), warnings: placed(ending) };
}
