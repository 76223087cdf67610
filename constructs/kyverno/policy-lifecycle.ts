import type { Tier } from '../core/tier';
import { compareReleases } from './catalog-release';
import type { WebhookBehaviour } from './cluster-policy';
import { FailureAction } from './failure-action';
import type { KyvernoSpec } from './kyverno-spec';
import type { PolicyDefinition } from './policy-definition';

/** What the policy lifecycle reads of an environment: how strict it is, and its Kyverno settings. */
export interface PolicyLifecycleEnvironment {
  readonly tier: Tier;
  readonly kyverno: KyvernoSpec;
}

/**
 * How strictly one environment applies one policy revision, derived from its Kyverno settings only:
 * - `audit` (dev): every rule reports, nothing is refused.
 * - `canary` (staging): revisions newer than `kyverno.canaryPassed` enforce on namespaces labelled
 *   as policy canaries and audit elsewhere; revisions that passed their canary enforce everywhere.
 *   Setting `canaryPassed` to the pinned catalog release ends the canary stage.
 * - `enforce` (prod): every rule refuses.
 */
export function failureActionFor(environment: Pick<PolicyLifecycleEnvironment, 'kyverno'>, definition: PolicyDefinition): FailureAction {
  switch (environment.kyverno.mode) {
    case 'audit':
      return FailureAction.audit();
    case 'enforce':
      return FailureAction.enforce();
    case 'canary': {
      const passed = environment.kyverno.canaryPassed;
      return passed !== undefined && compareReleases(definition.release, passed) <= 0 ? FailureAction.enforce() : FailureAction.enforceOnCanaries();
    }
  }
}

/** Why non-production tiers fail open by default. */
export const NON_PRODUCTION_FAIL_OPEN_REASON = 'non-production tier: a Kyverno outage must not block deployments; policy reports still record violations';

/**
 * Production fails closed: when Kyverno cannot answer, the API server refuses the request rather
 * than admit an unchecked object. It fails open only for the policies the environment lists in
 * `kyverno.failOpen`, with their reason. Other tiers fail open.
 */
export function webhookBehaviourFor(environment: PolicyLifecycleEnvironment, definition: PolicyDefinition): WebhookBehaviour {
  const exception = (environment.kyverno.failOpen ?? []).find((entry) => entry.policy === definition.name);
  if (exception !== undefined) return { failurePolicy: 'Ignore', reason: exception.reason };
  return environment.tier === 'production' ? { failurePolicy: 'Fail' } : { failurePolicy: 'Ignore', reason: NON_PRODUCTION_FAIL_OPEN_REASON };
}
