import { POLICY_CANARY_LABEL } from '../kubernetes/gitops-cdk-labels';
import type { FailureActionOverride, FailureActionValue } from './types';

/** An override with a name, so rules that must be split per namespace group get readable names. */
export interface NamedOverride extends FailureActionOverride {
  /** Suffix of the split rule's name, e.g. `canary`. */
  readonly name: string;
}

/** What the lifecycle says about one policy in one environment, for reports and annotations. */
export type LifecycleStage = 'audit' | 'canary' | 'enforce';

/**
 * The failure action of one policy's rules in one environment, in Kyverno's per-rule form
 * (`validate.failureAction` and `validate.failureActionOverrides`; the policy-level
 * `validationFailureAction` is deprecated upstream).
 */
export class FailureAction {
  static audit(): FailureAction {
    return new FailureAction('audit', 'Audit', []);
  }

  static enforce(): FailureAction {
    return new FailureAction('enforce', 'Enforce', []);
  }

  /** Enforce on namespaces labelled as policy canaries, audit everywhere else. */
  static enforceOnCanaries(): FailureAction {
    return new FailureAction('canary', 'Audit', [{ name: 'canary', action: 'Enforce', namespaceSelector: { matchLabels: { [POLICY_CANARY_LABEL]: 'true' } } }]);
  }

  private constructor(
    readonly stage: LifecycleStage,
    readonly action: FailureActionValue,
    readonly overrides: readonly NamedOverride[],
  ) {}

  /** The overrides as Kyverno reads them. */
  get wireOverrides(): readonly FailureActionOverride[] {
    return this.overrides.map(({ action, namespaceSelector }) => ({ action, namespaceSelector }));
  }
}
