import type { AksClusterSpec } from '../../kubernetes/cluster-spec';
import type { CloudEstate } from '../cloud-estate';
import { isAksCluster } from './cluster-profile';
import { AzureClusterStack } from './cluster-stack';
import { AzureFoundationStack } from './foundation-stack';
import { AzureNetworkStack } from './network-stack';

/**
 * Azure, for an environment with an Azure subscription: the foundation, then per AKS cluster its
 * network and the cluster. The management cluster comes first, because the other AKS clusters
 * trust its OIDC issuer (Argo CD's identity) and read it from its state.
 */
export const azureEstate: CloudEstate<AksClusterSpec, AzureFoundationStack, AzureNetworkStack, AzureClusterStack> = {
  cloud: 'azure',
  isOnCloud: isAksCluster,
  usedBy(environment, clusters) {
    if (environment.clouds.azure !== undefined) return true;
    if (clusters.length > 0) {
      throw new Error(
        `${environment.name}: clusters ${clusters.map((c) => c.name).join(', ')} run on AKS but clouds.azure is not set ` +
          '(add the subscription: { subscriptionId, tenantId, location })',
      );
    }
    return false;
  },
  foundation: (scope, id, environment) => new AzureFoundationStack(scope, id, AzureFoundationStack.propsFromSpec(environment)),
  network: (scope, id, environment, cluster, foundation) => new AzureNetworkStack(scope, id, AzureNetworkStack.propsFromSpec(environment, cluster, foundation)),
  cluster: (scope, id, environment, cluster, inputs) => new AzureClusterStack(scope, id, AzureClusterStack.propsFromSpec(environment, cluster, inputs)),
  clusterReads: () => ['cluster'],
};
