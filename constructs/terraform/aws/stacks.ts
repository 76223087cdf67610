import type { EksClusterSpec } from '../../kubernetes/cluster-spec';
import type { CloudStacks, TerraformStackEntry } from '../stack-entry';
import { AwsClusterStack } from './cluster-stack';
import { AwsFoundationStack } from './foundation-stack';
import { AwsNetworkStack } from './network-stack';
import { foundationStackName, networkStackName, clusterStackName } from '../stack-names';

/**
 * The AWS stacks of an environment with an AWS account, in apply order: the foundation (state
 * store, CI identities, budget), then for each EKS cluster its network and the cluster itself.
 * Each stack depends on the one it stands on: the network keeps its state in the foundation's
 * bucket, the cluster reads the network's outputs and the foundation's (state and report stores);
 * a workload cluster also reads the management cluster's Argo CD role, so that cluster comes first.
 */
export const awsStacks: CloudStacks = (scope, spec, stackId) => {
  const clusters = spec.clusters.filter((cluster): cluster is EksClusterSpec => cluster.cloud === 'aws');
  if (spec.clouds.aws === undefined) {
    if (clusters.length > 0) {
      throw new Error(`${spec.name}: EKS cluster ${clusters.map((c) => c.name).join(', ')} needs the environment's AWS account (set clouds.aws: { accountId, region })`);
    }
    return [];
  }
  const foundation = new AwsFoundationStack(scope, stackId(foundationStackName('aws')), { spec });
  const entries: TerraformStackEntry[] = [{ name: foundation.stackName, stack: foundation, dependsOn: [] }];
  // The management cluster first: the workload clusters' Argo CD roles trust its Argo CD role.
  const management = clusters.find((cluster) => cluster.role === 'management');
  const workloads = clusters.filter((cluster) => cluster.role === 'workload');
  if (workloads.length > 0 && management === undefined) {
    const host = spec.clusters.find((cluster) => cluster.role === 'management');
    throw new Error(
      `${spec.name}: Argo CD runs on ${host?.name ?? 'no cluster'} (${host?.cloud ?? 'none'}), and EKS cluster ${workloads.map((c) => c.name).join(', ')} ` +
        'can only be reached from an EKS management cluster, whose IRSA role assumes their Argo CD roles (make an EKS cluster the management cluster, ' +
        'or federate the AWS roles with the management cluster\'s OIDC issuer first)',
    );
  }
  let managementStack: AwsClusterStack | undefined;
  let managementNetwork: AwsNetworkStack | undefined;
  for (const cluster of management === undefined ? workloads : [management, ...workloads]) {
    const network = new AwsNetworkStack(scope, stackId(networkStackName('aws', cluster.name)), { spec, cluster });
    const eks = new AwsClusterStack(scope, stackId(clusterStackName('aws', cluster.name)), { spec, cluster, network, foundation, management: managementStack, managementNetwork });
    managementStack ??= eks;
    managementNetwork ??= network;
    // A workload cluster reads Argo CD's role, and a private-only one the management network (its path).
    const readsManagement =
      cluster.role === 'workload' && managementStack !== eks
        ? [managementStack.stackName, ...(cluster.apiAccess.privateEndpoint ? [managementNetwork.stackName] : [])]
        : [];
    entries.push(
      { name: network.stackName, stack: network, dependsOn: [foundation.stackName] },
      { name: eks.stackName, stack: eks, dependsOn: [foundation.stackName, network.stackName, ...readsManagement] },
    );
  }
  return entries;
};
