import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import { matches, unless } from '../../core/finding';
import { gcpWorkloadServiceAccountId } from '../../core/observability-contract';
import type { CloudClusterProfile } from '../../kubernetes/cloud-cluster-profile';
import type { ClusterSpec, GkeClusterSpec } from '../../kubernetes/cluster-spec';
import { CONTAINER_LOG_TAG } from '../../platform/addons/fluent-bit-config';
import { googleFederationMounts } from './argocd-google-federation';

const EXEC_API_VERSION = 'client.authentication.k8s.io/v1beta1';
/** 6–30 chars, lowercase letter first, lowercase letters, digits and hyphens, no trailing hyphen. */
const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GCP_PROJECT_NUMBER = /^[1-9][0-9]{5,18}$/;

/**
 * GKE's metadata server, where workload identity tokens come from: 169.254.169.254:80, answered
 * on 169.254.169.252:988 by the gke-metadata-server under GKE Dataplane V2.
 */
const GKE_METADATA_EGRESS: readonly INetworkPolicyEgressRule[] = [
  { to: [{ ipBlock: { cidr: '169.254.169.254/32' } }], ports: [{ protocol: 'TCP', port: 80 }] },
  { to: [{ ipBlock: { cidr: '169.254.169.252/32' } }], ports: [{ protocol: 'TCP', port: 988 }] },
];

/** Whether `cluster` is a GKE cluster. */
export function isGkeCluster(cluster: ClusterSpec): cluster is GkeClusterSpec {
  return cluster.cloud === 'gcp';
}

/**
 * What the Kubernetes side asks of GCP: Google service accounts bound through GKE workload
 * identity, workload identity federation for Argo CD outside GKE, Cloud Logging, Cloud Storage.
 */
export const gcpClusterProfile: CloudClusterProfile<GkeClusterSpec> = {
  cloud: 'gcp',
  isOnCloud: isGkeCluster,
  workloadIdentity: (cluster, workload) => ({
    key: 'iam.gke.io/gcp-service-account',
    value: `${gcpWorkloadServiceAccountId(cluster, workload)}@${cluster.projectId}.iam.gserviceaccount.com`,
  }),
  servesGoogleCredentials: true,
  identityPodLabels: {},
  // The node's metadata server hands out the Google service account's tokens, which the provider
  // and the backend find through the default credential chain.
  driftCheckEnv: () => [],
  identityEgress: GKE_METADATA_EGRESS,
  argoCdAuth: (_cluster, context) => ({
    execProviderConfig: {
      command: 'argocd-k8s-auth',
      args: ['gcp'],
      ...(context.googleCredentialFile === undefined ? {} : { env: { GOOGLE_APPLICATION_CREDENTIALS: context.googleCredentialFile } }),
      apiVersion: EXEC_API_VERSION,
    },
  }),
  argoCdServiceAccountAnnotations: () => undefined,
  argoCdMounts: googleFederationMounts,
  /**
   * Google Cloud Logging through GKE workload identity (the metadata server hands out the bound
   * service account's token). Entries get the k8s_container resource, read from the tail tag.
   */
  logDestination: (_environment, cluster) => ({
    kind: 'OUTPUT',
    properties: [
      ['Name', 'stackdriver'],
      ['Match', CONTAINER_LOG_TAG],
      ['resource', 'k8s_container'],
      ['k8s_cluster_name', cluster.name],
      ['k8s_cluster_location', cluster.region],
      ['tag_prefix', 'kube.var.log.containers.'],
    ],
  }),
  reportStore: (environment) => {
    const gcp = environment.clouds.gcp;
    return gcp === undefined ? undefined : { cloud: 'gcp', bucket: `${gcp.projectId}-compliance-reports`, region: gcp.region };
  },
  backupStore: (environment) => {
    const gcp = environment.clouds.gcp;
    return gcp === undefined ? undefined : { cloud: 'gcp', bucket: `${gcp.projectId}-velero-backups`, region: gcp.region };
  },
  storeUrl: (store) => `gs://${store.bucket}`,
  uploadEnv: () => ({ CLOUDSDK_CORE_DISABLE_PROMPTS: '1', CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: 'true' }),
  storeProblem: () => undefined,
  accountRegion: (clouds) => clouds.gcp?.region,
  accountIdentity: (cluster, clouds) => (clouds.gcp === undefined ? undefined : { cloudField: 'gcp.projectId', cluster: cluster.projectId, account: clouds.gcp.projectId }),
  identityFindings: (cluster, at) =>
    unless(
      matches(cluster.projectId, GCP_PROJECT_ID),
      `${at}.projectId`,
      cluster.projectId,
      'not a GCP project id (6-30 characters, lowercase letter first, lowercase letters, digits and hyphens, no trailing hyphen): the project name or number will not work with workload identity',
      'use the project id from `gcloud projects list`, e.g. acme-platform-dev',
    ),
  productionRegionFindings: () => [],
  stackOutputFindings: (cluster, at) =>
    unless(
      matches(cluster.projectNumber, GCP_PROJECT_NUMBER),
      `${at}.projectNumber`,
      cluster.projectNumber,
      'must be the numeric project number (not the project id): it is part of the workload identity federation audience, and a wrong one fails every token exchange',
      `look it up with \`gcloud projects describe ${cluster.projectId} --format='value(projectNumber)'\``,
    ),
  recordedOidcIssuer: () => undefined,
  recordedEgressIp: () => undefined,
  identityPoolProject: (cluster) => cluster.projectId,
};
