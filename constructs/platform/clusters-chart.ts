import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import { ClusterRegistration } from '../argocd/cluster-registration';
import { credentialFile, federatesWithGoogle } from '../argocd/google-federation';

export interface ClustersChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
}

/** Registers every cluster of the environment with its Argo CD. */
export class ClustersChart extends Chart {
  readonly registrations: readonly ClusterRegistration[];
  /** The cluster Argo CD runs on. */
  readonly management: ClusterRegistration;

  constructor(scope: Construct, id: string, props: ClustersChartProps) {
    super(scope, id, props);
    this.registrations = props.spec.clusters.map(
      (cluster) =>
        new ClusterRegistration(this, cluster.name, {
          environment: props.spec.name,
          cluster,
          googleCredentialFile: federatesWithGoogle(props.spec, cluster) ? credentialFile(cluster) : undefined,
          awsAccountId: props.spec.clouds.aws?.accountId,
        }),
    );
    const management = this.registrations.find((_, i) => props.spec.clusters[i]?.role === 'management');
    // The spec validation guarantees exactly one management cluster before anything is built.
    if (management === undefined) throw new Error(`${props.spec.name}: no cluster has role management`);
    this.management = management;
  }
}
