import type { EksClusterSpec } from '../../../environments/types';
import type { CloudStacks, TerraformStackEntry } from '../stack-entry';
import { AwsClusterStack } from './cluster-stack';
import { AwsFoundationStack } from './foundation-stack';
import { AwsNetworkStack } from './network-stack';

/**
 * The AWS stacks of an environment with an AWS account, in apply order: the foundation (state
 * store, CI identities, budget), then for each EKS cluster its network and the cluster itself.
 * Each stack depends on the one it stands on: the network keeps its state in the foundation's
 * bucket, the cluster reads the network's outputs and the foundation's (state and report stores).
 */
export const awsStacks: CloudStacks = (scope, spec, stackId) => {
  const clusters = spec.clusters.filter((cluster): cluster is EksClusterSpec => cluster.cloud === 'aws');
  if (spec.clouds.aws === undefined) {
    if (clusters.length > 0) {
      throw new Error(`${spec.name}: EKS cluster ${clusters.map((c) => c.name).join(', ')} needs the environment's AWS account (set clouds.aws: { accountId, region })`);
    }
    return [];
  }
  const foundation = new AwsFoundationStack(scope, stackId(AwsFoundationStack.LAYER), { spec });
  const entries: TerraformStackEntry[] = [{ name: foundation.stackName, stack: foundation, dependsOn: [] }];
  for (const cluster of clusters) {
    const network = new AwsNetworkStack(scope, stackId(AwsNetworkStack.nameFor(cluster)), { spec, cluster });
    const eks = new AwsClusterStack(scope, stackId(AwsClusterStack.nameFor(cluster)), { spec, cluster, network, foundation });
    entries.push(
      { name: network.stackName, stack: network, dependsOn: [foundation.stackName] },
      { name: eks.stackName, stack: eks, dependsOn: [foundation.stackName, network.stackName] },
    );
  }
  return entries;
};
