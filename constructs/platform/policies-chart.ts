import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { PolicyDefinition } from '../../policies';
import { ClusterPolicy } from '../kyverno/cluster-policy';
import { PolicyException, type PolicyExceptionDefinition } from '../kyverno/policy-exception';
import { failureActionFor, webhookBehaviourFor } from '../kyverno/policy-lifecycle';

export interface PoliciesChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
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
          failureAction: failureActionFor(props.spec, definition),
          webhook: webhookBehaviourFor(props.spec, definition),
        }),
    );
    for (const definition of props.exceptions) {
      new PolicyException(this, `exception-${definition.name}`, { definition, policies: this.policies, today: props.today });
    }
  }
}
