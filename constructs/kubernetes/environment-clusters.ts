import type { CloudAccounts } from '../terraform/cloud-accounts';
import type { ClusterSpec } from './cluster-spec';

/**
 * The clusters of one environment and the environment's name: what the constructs that place
 * something on a cluster (Argo CD's own, a per-cluster Helm value, an add-on) read of it. The name
 * labels and names what they make and says which environment an error is about.
 */
export interface EnvironmentClusters {
  /** The environment's name, e.g. `prod`. */
  readonly name: string;
  readonly clusters: readonly ClusterSpec[];
}

/**
 * The clusters with the cloud accounts they run in: an EKS cluster has no account of its own (it is
 * the environment's `clouds.aws.accountId`), so whatever names an IAM role on it reads both.
 */
export interface EnvironmentClustersAndAccounts extends EnvironmentClusters {
  readonly clouds: CloudAccounts;
}
