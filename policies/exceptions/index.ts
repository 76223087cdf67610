import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { paymentsSettlementBatchRoot } from './payments-settlement-batch-root';

/**
 * Every granted policy exception, one file each. Each names its owner, reason, environments and
 * expiry; synth refuses expired ones and, in production, ones without an expiry.
 */
export const POLICY_EXCEPTIONS: readonly PolicyExceptionDefinition[] = [paymentsSettlementBatchRoot];
