import type { EksClusterSpec } from '../../kubernetes/cluster-spec';
import type { CloudEstate } from '../cloud-estate';
import { isEksCluster } from './cluster-profile';
import { AwsClusterStack } from './cluster-stack';
import { AwsFoundationStack } from './foundation-stack';
import { AwsNetworkStack } from './network-stack';

/**
 * AWS, for an environment with an AWS account: the foundation (state store, CI identities,
 * budget), then for each EKS cluster its network and the cluster itself. Each stack depends on the
 * one it stands on: the network keeps its state in the foundation's bucket, the cluster reads the
 * network's outputs and the foundation's (state and report stores); a workload cluster also reads
 * the management cluster's Argo CD role, and a private-only one the management network (its path).
 */
export const awsEstate: CloudEstate<EksClusterSpec, AwsFoundationStack, AwsNetworkStack, AwsClusterStack> = {
  cloud: 'aws',
  isOnCloud: isEksCluster,
  usedBy(environment, clusters) {
    if (environment.clouds.aws === undefined) {
      if (clusters.length > 0) {
        throw new Error(`${environment.name}: EKS cluster ${clusters.map((c) => c.name).join(', ')} needs the environment's AWS account (set clouds.aws: { accountId, region })`);
      }
      return false;
    }
    const workloads = clusters.filter((cluster) => cluster.role === 'workload');
    if (workloads.length > 0 && !clusters.some((cluster) => cluster.role === 'management')) {
      const host = environment.clusters.find((cluster) => cluster.role === 'management');
      throw new Error(
        `${environment.name}: Argo CD runs on ${host?.name ?? 'no cluster'} (${host?.cloud ?? 'none'}), and EKS cluster ${workloads.map((c) => c.name).join(', ')} ` +
          'can only be reached from an EKS management cluster, whose IRSA role assumes their Argo CD roles (make an EKS cluster the management cluster, ' +
          "or federate the AWS roles with the management cluster's OIDC issuer first)",
      );
    }
    return true;
  },
  foundation: (scope, id, environment) => new AwsFoundationStack(scope, id, { spec: environment }),
  network: (scope, id, environment, cluster) => new AwsNetworkStack(scope, id, { spec: environment, cluster }),
  cluster: (scope, id, environment, cluster, { foundation, network, management }) =>
    new AwsClusterStack(scope, id, { spec: environment, cluster, network, foundation, management: management?.cluster, managementNetwork: management?.network }),
  // The workload clusters' Argo CD roles trust the management cluster's Argo CD role.
  clusterReads: (cluster) => ['cluster', ...(cluster.apiAccess.privateEndpoint ? (['network'] as const) : [])],
};
