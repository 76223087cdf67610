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
  /** Every granted exception; those naming this environment are synthesized. */
  readonly exceptions: readonly PolicyExceptionDefinition[];
  /** Today in UTC (`YYYY-MM-DD`), to refuse expired exceptions. */
  readonly today: string;
}

/**
 * The Kyverno policies synced to every cluster, each at the stage the environment's lifecycle gives
 * it, and the policy exceptions granted in the environment.
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
    for (const definition of props.exceptions.filter((e) => e.environments.includes(props.spec.name))) {
      new PolicyException(this, `exception-${definition.name}`, { definition, policies: this.policies, today: props.today });
    }
  }
}
