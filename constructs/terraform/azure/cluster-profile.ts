import { AZURE_TOKEN_AUDIENCE, AZURE_TOKEN_DIR, AZURE_TOKEN_FILE, AZURE_TOKEN_PATH } from '../../argocd/azure-token';
import { matches, unless } from '../../core/finding';
import type { IdentityWorkload } from '../../core/observability-contract';
import type { CloudClusterProfile } from '../../kubernetes/cloud-cluster-profile';
import type { AksClusterSpec, ClusterSpec } from '../../kubernetes/cluster-spec';
import { CONTAINER_LOG_TAG } from '../../platform/addons/fluent-bit-config';
import { Ipv4Cidr } from '../ipv4-cidr';
import { AZURE_ZONAL_REGIONS } from './availability-zones';
import { foundationResourceGroupName } from './names';

/**
 * The Azure workload identity webhook injects the federated token (and AZURE_CLIENT_ID,
 * AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE) only into pods labelled so, value `"true"`.
 */
export const AZURE_USE_LABEL = 'azure.workload.identity/use';

/** Name of the projected volume with the Azure workload identity token. */
export const AZURE_TOKEN_VOLUME = 'azure-identity-token';

/**
 * Secret (namespace monitoring, sealed per AKS cluster) whose keys become environment variables of
 * Fluent Bit: AZURE_LOGS_CLIENT_ID and AZURE_LOGS_CLIENT_SECRET of an Entra application allowed to
 * publish to the data collection rule, AZURE_LOGS_DCE_URL and AZURE_LOGS_DCR_ID. Fluent Bit 3.2's
 * azure_logs_ingestion output authenticates with a client secret only; it has no workload identity.
 */
export const AZURE_LOGS_SECRET = 'fluent-bit-azure-logs';

/** Custom Log Analytics table the data collection rule writes container logs to. */
export const AZURE_LOGS_TABLE = 'GitopsCdkContainerLogs_CL';

const EXEC_API_VERSION = 'client.authentication.k8s.io/v1beta1';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Azure identities are GUIDs; a name or a truncated id fails only at login time otherwise. */
const AKS_GUID_FIELDS = ['tenantId', 'argocdClientId'] as const;

/** AKS client ids come from the cluster stack's outputs (copied into the spec after apply). */
const AZURE_CLIENT_IDS: Readonly<Record<IdentityWorkload, ((ids: AksClusterSpec['workloadClientIds']) => string) | undefined>> = {
  'terraform-drift': (ids) => ids.terraformDrift,
  'policy-reporter': (ids) => ids.policyReporter,
  // Fluent Bit's Azure output cannot use workload identity (fluent/fluent-bit#7525).
  'fluent-bit': undefined,
  velero: (ids) => ids.velero,
};

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Whether `cluster` is an AKS cluster. */
export function isAksCluster(cluster: ClusterSpec): cluster is AksClusterSpec {
  return cluster.cloud === 'azure';
}

/**
 * What the Kubernetes side asks of Azure: managed identities federated with the cluster's service
 * accounts (client ids copied from the cluster stack's outputs), Azure Monitor Logs, Blob storage.
 */
export const azureClusterProfile: CloudClusterProfile<AksClusterSpec> = {
  cloud: 'azure',
  isOnCloud: isAksCluster,
  workloadIdentity: (cluster, workload) => {
    const clientId = AZURE_CLIENT_IDS[workload];
    return clientId === undefined ? undefined : { key: 'azure.workload.identity/client-id', value: clientId(cluster.workloadClientIds) };
  },
  servesGoogleCredentials: false,
  identityPodLabels: { [AZURE_USE_LABEL]: 'true' },
  driftCheckEnv: (cluster, environment) => {
    const subscription = environment.clouds.azure?.subscriptionId;
    if (subscription === undefined) {
      throw new Error(
        `${environment.name}: clouds.azure is missing; cluster ${cluster.name} runs Azure drift checks, which plan in the environment's subscription (fix: set clouds.azure)`,
      );
    }
    // The workload identity webhook injects AZURE_CLIENT_ID, AZURE_TENANT_ID and the federated
    // token file into pods labelled `azure.workload.identity/use`; ARM_USE_AKS_WORKLOAD_IDENTITY
    // makes the azurerm provider and backend read them. The ARM_* ids repeat them explicitly:
    // the provider refuses a tenant that differs from the injected one instead of guessing.
    return [
      { name: 'ARM_USE_AKS_WORKLOAD_IDENTITY', value: 'true' },
      { name: 'ARM_TENANT_ID', value: cluster.tenantId },
      { name: 'ARM_CLIENT_ID', value: cluster.workloadClientIds.terraformDrift },
      { name: 'ARM_SUBSCRIPTION_ID', value: subscription },
    ];
  },
  identityEgress: [],
  argoCdAuth: (cluster) => ({
    execProviderConfig: {
      command: 'argocd-k8s-auth',
      args: ['azure'],
      env: {
        AAD_ENVIRONMENT_NAME: 'AzurePublicCloud',
        AAD_LOGIN_METHOD: 'workloadidentity',
        AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.com/',
        AZURE_CLIENT_ID: cluster.argocdClientId,
        AZURE_FEDERATED_TOKEN_FILE: AZURE_TOKEN_FILE,
        AZURE_TENANT_ID: cluster.tenantId,
      },
      apiVersion: EXEC_API_VERSION,
    },
  }),
  argoCdServiceAccountAnnotations: () => undefined,
  /**
   * Argo CD reaching AKS workload clusters (`argocd-k8s-auth azure`, workload identity): the token
   * file the cluster Secrets name (azure-token.ts), projected for Entra ID's exchange audience and
   * rotated by the kubelet, in the controller and the server.
   */
  argoCdMounts: (environment) => {
    if (!environment.clusters.some((c) => isAksCluster(c) && c.role === 'workload')) return {};
    return {
      volumes: [
        { name: AZURE_TOKEN_VOLUME, projected: { sources: [{ serviceAccountToken: { audience: AZURE_TOKEN_AUDIENCE, expirationSeconds: 3600, path: AZURE_TOKEN_PATH } }] } },
      ],
      volumeMounts: [{ name: AZURE_TOKEN_VOLUME, mountPath: AZURE_TOKEN_DIR, readOnly: true }],
    };
  },
  /** Azure Monitor Logs through the Logs Ingestion API (data collection endpoint and rule). */
  logDestination: (_environment, cluster) => ({
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
  }),
  logCredentials: {
    name: AZURE_LOGS_SECRET,
    readBy: 'environment variables of the azure_logs_ingestion output (envFrom)',
    keys: [
      { name: 'AZURE_LOGS_CLIENT_ID', holds: 'client id of the Entra application allowed to publish to the data collection rule' },
      { name: 'AZURE_LOGS_CLIENT_SECRET', holds: 'a client secret of that Entra application' },
      { name: 'AZURE_LOGS_DCE_URL', holds: 'logs ingestion URL of the data collection endpoint' },
      { name: 'AZURE_LOGS_DCR_ID', holds: `immutable id of the data collection rule writing to ${AZURE_LOGS_TABLE}` },
    ],
  },
  reportStore: (environment) => {
    const azure = environment.clouds.azure;
    if (azure === undefined) return undefined;
    // Storage account names: 3-24 lower-case letters and digits, unique across Azure.
    const suffix = azure.subscriptionId.replace(/[^a-f0-9]/g, '').slice(0, 8);
    const account = `${environment.name.replace(/[^a-z0-9]/g, '')}reports${suffix}`.slice(0, 24);
    return { cloud: 'azure', bucket: account, container: 'compliance-reports', region: azure.location };
  },
  backupStore: (environment) => {
    const azure = environment.clouds.azure;
    if (azure === undefined) return undefined;
    const suffix = azure.subscriptionId.replace(/[^a-f0-9]/g, '').slice(0, 8);
    // 3-24 lower-case letters and digits: the environment part is cut, never the suffix that
    // keeps the global name distinct across subscriptions.
    const environmentPart = environment.name.replace(/[^a-z0-9]/g, '').slice(0, 24 - 'backup'.length - suffix.length);
    const account = `${environmentPart}backup${suffix}`;
    return { cloud: 'azure', bucket: account, container: 'velero', resourceGroup: foundationResourceGroupName(environment.name), region: azure.location };
  },
  // The container's blob endpoint in the public Azure cloud.
  storeUrl: (store) => `https://${store.bucket}.blob.core.windows.net/${store.container ?? ''}`,
  uploadEnv: () => ({ AZURE_CORE_COLLECT_TELEMETRY: 'false' }),
  storeProblem: (store) => (store.container === undefined ? `the Azure report store ${store.bucket} names no container (fix: set container in complianceReportStore)` : undefined),
  accountRegion: (clouds) => clouds.azure?.location,
  accountIdentity: (cluster, clouds) => (clouds.azure === undefined ? undefined : { cloudField: 'azure.tenantId', cluster: cluster.tenantId, account: clouds.azure.tenantId }),
  identityFindings: (cluster, at) =>
    AKS_GUID_FIELDS.flatMap((field) =>
      unless(
        matches(cluster[field], GUID),
        `${at}.${field}`,
        cluster[field],
        `${field} must be a GUID: Argo CD authenticates to AKS with Azure workload identity using it`,
        `copy the GUID from the Azure portal or az CLI, e.g. '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94'`,
      ),
    ),
  productionRegionFindings: (cluster, at) =>
    unless(
      AZURE_ZONAL_REGIONS.has(cluster.region),
      `${at}.region`,
      cluster.region,
      'production AKS spreads its node pool over three availability zones, and this region has none (constructs/terraform/azure/availability-zones.ts)',
      "pick a region with zones, e.g. 'westeurope' or 'northeurope'",
    ),
  stackOutputFindings: (cluster, at) => [
    ...unless(
      parsedUrl(cluster.oidcIssuerUrl)?.protocol === 'https:' && cluster.oidcIssuerUrl.endsWith('/'),
      `${at}.oidcIssuerUrl`,
      cluster.oidcIssuerUrl,
      "must be the cluster's OIDC issuer exactly as AKS publishes it (https, with the trailing slash): token exchanges compare the iss claim with it character for character",
      `copy the oidc_issuer_url output of azure-cluster-${cluster.name}`,
    ),
    ...unless(
      Ipv4Cidr.tryParse(`${cluster.egressIp}/32`) !== undefined && !cluster.egressIp.includes('/'),
      `${at}.egressIp`,
      cluster.egressIp,
      "must be one IPv4 address: the cluster's static outbound address, allowed by the GKE authorised networks and the Azure state firewalls",
      `copy the egress_ip output of azure-cluster-${cluster.name}`,
    ),
  ],
  recordedOidcIssuer: (cluster) => cluster.oidcIssuerUrl,
  recordedEgressIp: (cluster) => cluster.egressIp,
  identityPoolProject: () => undefined,
};
