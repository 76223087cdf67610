import type { containerLogGroupName } from '../../core/observability-contract';
import type { ClusterSpec } from '../../kubernetes/cluster-spec';
import { clusterProfile } from '../../kubernetes/registered-cluster-profiles';
import type { FluentBitSection } from './fluent-bit-config';

/**
 * What the log destinations read of the environment: what the cloud log group's name is made of
 * (constructs/core/observability-contract.ts says which fields).
 */
export type LogDestinationEnvironment = Parameters<typeof containerLogGroupName>[0];

/**
 * Where a cluster's container logs go: the log service of the cloud it runs on, reached with the
 * cluster's own identity (`CloudClusterProfile.logDestination`: CloudWatch Logs on EKS, Azure
 * Monitor Logs on AKS, Cloud Logging on GKE). No collector or store of our own to run, and logs
 * stay in the cluster's account, project or subscription and region.
 */
export function logDestination(environment: LogDestinationEnvironment, cluster: ClusterSpec): FluentBitSection {
  return clusterProfile(cluster).logDestination(environment, cluster);
}
