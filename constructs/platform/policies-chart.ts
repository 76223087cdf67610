import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { PolicyDefinition } from '../../policies';
import { ClusterPolicy } from '../kyverno/cluster-policy';
import { FailureAction } from '../kyverno/failure-action';

export interface PoliciesChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
  readonly catalog: readonly PolicyDefinition[];
}

/** The Kyverno policies synced to every cluster, at the failure action of the environment's mode. */
export class PoliciesChart extends Chart {
  constructor(scope: Construct, id: string, props: PoliciesChartProps) {
    super(scope, id, props);
    const failureAction = FailureAction.forMode(props.spec.kyverno.mode);
    for (const definition of props.catalog) {
      new ClusterPolicy(this, definition.name, { ...definition, failureAction });
    }
  }
}
