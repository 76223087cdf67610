import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { ClusterRegistration } from '../argocd/cluster-registration';
import type { EnvironmentClustersAndAccounts } from '../kubernetes/environment-clusters';
import { credentialFile, federatesWithGoogle } from '../terraform/gcp/argocd-google-federation';

export interface ClustersChartProps extends ChartProps {
  /** The environment whose clusters are registered. */
  readonly environment: EnvironmentClustersAndAccounts;
}

/** Registers every cluster of the environment with its Argo CD. */
export class ClustersChart extends Chart {
  readonly registrations: readonly ClusterRegistration[];
  /** The cluster Argo CD runs on. */
  readonly management: ClusterRegistration;

  constructor(scope: Construct, id: string, props: ClustersChartProps) {
    super(scope, id, props);
    const { environment } = props;
    this.registrations = environment.clusters.map(
      (cluster) =>
        new ClusterRegistration(this, cluster.name, {
          environment: environment.name,
          cluster,
          googleCredentialFile: federatesWithGoogle(environment, cluster) ? credentialFile(cluster) : undefined,
          awsAccountId: environment.clouds.aws?.accountId,
        }),
    );
    const management = this.registrations.find((_, i) => environment.clusters[i]?.role === 'management');
    // The environment's validation guarantees exactly one management cluster before anything is built.
    if (management === undefined) throw new Error(`${environment.name}: no cluster has role management`);
    this.management = management;
  }
}
