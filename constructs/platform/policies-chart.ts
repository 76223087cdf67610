import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { ClusterPolicy } from '../kyverno/cluster-policy';
import type { PolicyDefinition } from '../kyverno/policy-definition';
import { PolicyException, type PolicyExceptionDefinition } from '../kyverno/policy-exception';
import { failureActionFor, type PolicyLifecycleEnvironment, webhookBehaviourFor } from '../kyverno/policy-lifecycle';

export interface PoliciesChartProps extends ChartProps {
  /** The environment's tier and Kyverno settings: the stage of each policy and its webhook's failure policy. */
  readonly environment: PolicyLifecycleEnvironment;
  /** The policies of the environment's pinned catalog release. */
  readonly policies: readonly PolicyDefinition[];
  /** The exceptions granted in the environment that waive these policies. */
  readonly exceptions: readonly PolicyExceptionDefinition[];
  /** Today in UTC (`YYYY-MM-DD`), to refuse expired exceptions. */
  readonly today: string;
}

/**
 * Kyverno policies synced together (to every cluster, or to the management cluster only), each at
 * the stage the environment's lifecycle gives it, and the exceptions granted in the environment
 * that waive them.
 */
export class PoliciesChart extends Chart {
  readonly policies: readonly ClusterPolicy[];

  constructor(scope: Construct, id: string, props: PoliciesChartProps) {
    super(scope, id, props);
    this.policies = props.policies.map(
      (definition) =>
        new ClusterPolicy(this, definition.name, {
          definition,
          failureAction: failureActionFor(props.environment, definition),
          webhook: webhookBehaviourFor(props.environment, definition),
        }),
    );
    for (const definition of props.exceptions) {
      new PolicyException(this, `exception-${definition.name}`, { definition, policies: this.policies, today: props.today });
    }
  }
}
