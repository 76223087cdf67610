import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';

/**
 * The settlement batch runs a vendor image that still needs root. It is isolated in its own
 * namespace with a default-deny NetworkPolicy; the vendor's non-root build is due in 5.x.
 */
export const paymentsSettlementBatchRoot: PolicyExceptionDefinition = {
  name: 'payments-settlement-batch-root',
  environments: ['staging', 'prod'],
  owner: 'team-payments',
  reason: 'vendor settlement image 4.x runs as root (UID 0); the non-root 5.x build ships in Q1 2027, the namespace is isolated by default-deny',
  ticket: 'PAY-812',
  expires: '2027-03-31',
  waives: [
    { policy: 'require-run-as-non-root', rules: ['run-as-non-root'] },
    { policy: 'pod-security-restricted', rules: ['restricted'] },
  ],
  match: { any: [{ resources: { kinds: ['Pod', 'Job', 'CronJob'], namespaces: ['payments-batch'], names: ['settlement-*'] } }] },
};
