import type { AksClusterSpec, ClusterSpec } from '../../kubernetes/cluster-spec';
import type { CloudStacks, TerraformStackEntry } from '../stack-entry';
import { AzureClusterStack } from './cluster-stack';
import { AzureFoundationStack } from './foundation-stack';
import { AzureNetworkStack } from './network-stack';
import { foundationStackName, networkStackName, clusterStackName } from '../stack-names';

function isAks(cluster: ClusterSpec): cluster is AksClusterSpec {
  return cluster.cloud === 'azure';
}

/**
 * The Azure stacks of an environment with an Azure subscription, in apply order: the foundation,
 * then per AKS cluster its network and the cluster. The management cluster comes first, because
 * the other AKS clusters trust its OIDC issuer (Argo CD's identity) and read it from its state.
 */
export const azureStacks: CloudStacks = (scope, spec, stackId) => {
  const aks = spec.clusters.filter(isAks).sort((a, b) => Number(b.role === 'management') - Number(a.role === 'management'));
  const foundationProps = AzureFoundationStack.propsFromSpec(spec);
  if (foundationProps === undefined) {
    if (aks.length > 0) {
      throw new Error(
        `${spec.name}: clusters ${aks.map((c) => c.name).join(', ')} run on AKS but clouds.azure is not set ` +
          '(add the subscription: { subscriptionId, tenantId, location })',
      );
    }
    return [];
  }

  const foundation = foundationStackName('azure');
  const entries: TerraformStackEntry[] = [
    { name: foundation, stack: new AzureFoundationStack(scope, stackId(foundation), foundationProps), dependsOn: [] },
  ];
  for (const cluster of aks) {
    const network = networkStackName('azure', cluster.name);
    entries.push({
      name: network,
      stack: new AzureNetworkStack(scope, stackId(network), AzureNetworkStack.propsFromSpec(spec, cluster)),
      dependsOn: [foundation],
    });
    const props = AzureClusterStack.propsFromSpec(spec, cluster);
    const name = clusterStackName('azure', cluster.name);
    entries.push({
      name,
      stack: new AzureClusterStack(scope, stackId(name), props),
      dependsOn: AzureClusterStack.dependencies(props),
    });
  }
  return entries;
};
