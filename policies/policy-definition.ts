import type { ClusterPolicyProps } from '../constructs/kyverno/cluster-policy';

/** A catalog entry: everything about a policy except how strictly an environment applies it. */
export type PolicyDefinition = Omit<ClusterPolicyProps, 'failureAction'>;
