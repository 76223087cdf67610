import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';

/**
 * The policy exceptions of the fleet: none, as in every fixture (test/diff/estate-repository.ts).
 * test/bench/bench.ts bundles the fleet synth with this module in place of policies/exceptions:
 * the project's exceptions name its own environments (staging, prod), which the fleet does not
 * have, and synth refuses an exception that would apply nowhere.
 */
export const POLICY_EXCEPTIONS: readonly PolicyExceptionDefinition[] = [];
