import type { AksClusterSpec, ClusterSpec, EksClusterSpec, GkeClusterSpec } from '../../kubernetes/cluster-spec';
import { containerLogGroupName } from '../../core/observability-contract';
import type { FluentBitSection } from './fluent-bit-config';

/** Kubernetes identity of the Fluent Bit DaemonSet (the name its cloud identities trust); defined in the contract. */
export { FLUENT_BIT_WORKLOAD } from '../../core/observability-contract';

/**
 * What the log destinations read of the environment: what the cloud log group's name is made of
 * (constructs/observability-contract.ts says which fields).
 */
export type LogDestinationEnvironment = Parameters<typeof containerLogGroupName>[0];

/** Records the tail input produces; every filter and output matches them. */
export const CONTAINER_LOG_TAG = 'kube.*';

/**
 * Secret (namespace monitoring, sealed per AKS cluster) whose keys become environment variables of
 * Fluent Bit: AZURE_LOGS_CLIENT_ID and AZURE_LOGS_CLIENT_SECRET of an Entra application allowed to
 * publish to the data collection rule, AZURE_LOGS_DCE_URL and AZURE_LOGS_DCR_ID. Fluent Bit 3.2's
 * azure_logs_ingestion output authenticates with a client secret only; it has no workload identity.
 */
export const AZURE_LOGS_SECRET = 'fluent-bit-azure-logs';

/** Custom Log Analytics table the data collection rule writes container logs to. */
export const AZURE_LOGS_TABLE = 'GitopsCdkContainerLogs_CL';

/**
 * Where a cluster's container logs go: the log service of the cloud it runs on, reached with the
 * cluster's own identity. No collector or store of our own to run, and logs stay in the cluster's
 * account, project or subscription and region.
 */
export function logDestination(environment: LogDestinationEnvironment, cluster: ClusterSpec): FluentBitSection {
  switch (cluster.cloud) {
    case 'aws':
      return cloudWatchLogs(environment, cluster);
    case 'azure':
      return azureLogsIngestion(cluster);
    case 'gcp':
      return cloudLogging(cluster);
  }
}

/**
 * CloudWatch Logs through IRSA; one stream per container log file, named after the tail tag. The
 * cluster's Terraform stack creates the log group with its key and retention, so Fluent Bit
 * neither creates it nor sets a retention (its role may only create streams and put events).
 */
function cloudWatchLogs(environment: LogDestinationEnvironment, cluster: EksClusterSpec): FluentBitSection {
  return {
    kind: 'OUTPUT',
    properties: [
      ['Name', 'cloudwatch_logs'],
      ['Match', CONTAINER_LOG_TAG],
      ['region', cluster.region],
      ['log_group_name', containerLogGroupName(environment, cluster)],
      ['log_stream_prefix', 'container-'],
      ['auto_create_group', 'false'],
    ],
  };
}

/**
 * Google Cloud Logging through GKE workload identity (the metadata server hands out the bound
 * service account's token). Entries get the k8s_container resource, read from the tail tag.
 */
function cloudLogging(cluster: GkeClusterSpec): FluentBitSection {
  return {
    kind: 'OUTPUT',
    properties: [
      ['Name', 'stackdriver'],
      ['Match', CONTAINER_LOG_TAG],
      ['resource', 'k8s_container'],
      ['k8s_cluster_name', cluster.name],
      ['k8s_cluster_location', cluster.region],
      ['tag_prefix', 'kube.var.log.containers.'],
    ],
  };
}

/** Azure Monitor Logs through the Logs Ingestion API (data collection endpoint and rule). */
function azureLogsIngestion(cluster: AksClusterSpec): FluentBitSection {
  return {
    kind: 'OUTPUT',
    properties: [
      ['Name', 'azure_logs_ingestion'],
      ['Match', CONTAINER_LOG_TAG],
      ['tenant_id', cluster.tenantId],
      ['client_id', '${AZURE_LOGS_CLIENT_ID}'],
      ['client_secret', '${AZURE_LOGS_CLIENT_SECRET}'],
      ['dce_url', '${AZURE_LOGS_DCE_URL}'],
      ['dcr_id', '${AZURE_LOGS_DCR_ID}'],
      ['table_name', AZURE_LOGS_TABLE],
      // Every Log Analytics table requires a TimeGenerated column.
      ['time_key', 'TimeGenerated'],
      ['time_generated', 'true'],
    ],
  };
}
