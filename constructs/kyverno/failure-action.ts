import type { KyvernoMode } from '../../environments/types';
import type { FailureActionOverride, FailureActionValue } from './types';

/** Namespaces carrying this label enforce policies first while the environment is in canary mode. */
export const POLICY_CANARY_LABEL = 'policy.gitops-cdk.io/canary';

/**
 * The failure action of validate rules in one environment, in Kyverno's per-rule form
 * (`validate.failureAction` and `validate.failureActionOverrides`; the policy-level
 * `validationFailureAction` is deprecated upstream).
 */
export class FailureAction {
  static audit(): FailureAction {
    return new FailureAction('Audit', []);
  }

  static enforce(): FailureAction {
    return new FailureAction('Enforce', []);
  }

  /** Enforce on namespaces labelled as policy canaries, audit everywhere else. */
  static enforceOnCanaries(): FailureAction {
    return new FailureAction('Audit', [{ action: 'Enforce', namespaceSelector: { matchLabels: { [POLICY_CANARY_LABEL]: 'true' } } }]);
  }

  static forMode(mode: KyvernoMode): FailureAction {
    switch (mode) {
      case 'audit':
        return FailureAction.audit();
      case 'canary':
        return FailureAction.enforceOnCanaries();
      case 'enforce':
        return FailureAction.enforce();
    }
  }

  private constructor(
    readonly action: FailureActionValue,
    readonly overrides: readonly FailureActionOverride[],
  ) {}
}
