import type { HelmValues } from '../../argocd/application-source';
import { FLUENT_BIT_WORKLOAD } from '../../core/observability-contract';
import type { LogCredentialsSecret } from '../../kubernetes/cloud-cluster-profile';
import type { EnvironmentClusters, EnvironmentClustersAndAccounts } from '../../kubernetes/environment-clusters';
import { registeredClusterProfiles } from '../../kubernetes/registered-cluster-profiles';
import { workloadIdentityValues } from './cloud-workload-identity';
import { CONTAINER_LOG_TAG, type FluentBitSection, renderSections } from './fluent-bit-config';
import { type LogDestinationEnvironment, logDestination } from './fluent-bit-destinations';
import { perClusterValue } from './per-cluster-value';
import type { PlatformAddon } from './platform-addon';

/** The values of fluent/fluent-bit chart 0.48 (Fluent Bit 3.2) gitops-cdk sets. */
type FluentBitValues = {
  /** Stable names (`fluent-bit`), whatever the release is called: the identities trust the ServiceAccount. */
  readonly fullnameOverride: string;
  readonly serviceAccount: { readonly name: string; readonly annotations: Readonly<Record<string, string>> };
  readonly podLabels: Readonly<Record<string, string>>;
  /** Environment variables from Secrets; `optional`, so clusters that do not need one start without it. */
  readonly envFrom: readonly { readonly secretRef: { readonly name: string; readonly optional: boolean } }[];
  /** The pipeline; the chart's `[SERVICE]` section (metrics server on 2020) is kept. */
  readonly config: { readonly inputs: string; readonly filters: string; readonly outputs: string };
  readonly resources: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly memory: string };
  };
  /** Logs of every node, tainted ones included (system pools, GPU pools). */
  readonly tolerations: readonly { readonly operator: 'Exists' }[];
  readonly serviceMonitor: { readonly enabled: boolean };
};

/** What Fluent Bit's values read: the clusters (identity, destination per cluster) and what names their log groups. */
export type FluentBitEnvironment = EnvironmentClustersAndAccounts & LogDestinationEnvironment;

/**
 * Fluent Bit ships every container's logs off the node: a DaemonSet tails the container log files,
 * enriches each record with its Kubernetes metadata and the `env` and `cluster` it comes from, and
 * writes it to the log service of the cluster's cloud (logDestination). Runs in `monitoring`,
 * whose privileged Pod Security level allows the hostPath mounts of /var/log.
 */
export const FLUENT_BIT_ADDON: PlatformAddon<FluentBitEnvironment> = {
  versionKey: 'fluentBit',
  name: 'fluent-bit',
  chart: { repoUrl: 'https://fluent.github.io/helm-charts', chart: 'fluent-bit' },
  namespace: FLUENT_BIT_WORKLOAD.namespace,
  placement: 'every-cluster',
  serverSideApply: false,
  crds: [],
  values: (environment) => fluentBitValues(environment),
  // Read as environment variables (`envFrom`) on the clusters of the clouds whose output
  // authenticates with a client secret (`CloudClusterProfile.logCredentials`: AKS).
  secrets: (environment) => logCredentialsOf(environment).map(({ secret, clusters }) => ({ name: secret.name, readBy: secret.readBy, clusters, keys: secret.keys })),
};

/** The log credential Secrets the environment's clusters need, each with the clusters that read it. */
function logCredentialsOf(environment: Pick<EnvironmentClusters, 'clusters'>): { readonly secret: LogCredentialsSecret; readonly clusters: string[] }[] {
  return registeredClusterProfiles().flatMap((profile) => {
    const clusters = environment.clusters.filter((c) => profile.isOnCloud(c)).map((c) => c.name);
    return profile.logCredentials === undefined || clusters.length === 0 ? [] : [{ secret: profile.logCredentials, clusters }];
  });
}

/** Container log files of the node, multiline-aware, with positions kept across restarts. */
const CONTAINER_LOGS: FluentBitSection = {
  kind: 'INPUT',
  properties: [
    ['Name', 'tail'],
    ['Path', '/var/log/containers/*.log'],
    ['multiline.parser', 'docker, cri'],
    ['Tag', CONTAINER_LOG_TAG],
    ['DB', '/var/log/flb_kube.db'],
    ['Mem_Buf_Limit', '5MB'],
    ['Skip_Long_Lines', 'On'],
  ],
};

/**
 * Namespace, pod, container and labels from the API server; a JSON log line is parsed under
 * `log_processed`, so an application's own `env` or `cluster` field cannot clash with ours.
 */
const KUBERNETES_METADATA: FluentBitSection = {
  kind: 'FILTER',
  properties: [
    ['Name', 'kubernetes'],
    ['Match', CONTAINER_LOG_TAG],
    ['Merge_Log', 'On'],
    ['Merge_Log_Key', 'log_processed'],
    ['Keep_Log', 'Off'],
    ['K8S-Logging.Parser', 'On'],
    ['K8S-Logging.Exclude', 'On'],
  ],
};

/** `env` and `cluster` on every record: the same labels Prometheus puts on metrics. */
function originFields(environment: Pick<EnvironmentClusters, 'name'>): FluentBitSection {
  return {
    kind: 'FILTER',
    properties: [
      ['Name', 'modify'],
      ['Match', CONTAINER_LOG_TAG],
      ['Set', `env ${environment.name}`],
      // Filled in per cluster by the ApplicationSet.
      ['Set', 'cluster {{.name}}'],
    ],
  };
}

function fluentBitValues(environment: FluentBitEnvironment): HelmValues {
  const identity = workloadIdentityValues(environment, 'fluent-bit');
  const values: FluentBitValues = {
    fullnameOverride: FLUENT_BIT_WORKLOAD.serviceAccount,
    serviceAccount: { name: FLUENT_BIT_WORKLOAD.serviceAccount, annotations: identity.serviceAccountAnnotations },
    podLabels: identity.podLabels,
    envFrom: logCredentialsOf(environment).map(({ secret }) => ({ secretRef: { name: secret.name, optional: true } })),
    config: {
      inputs: renderSections([CONTAINER_LOGS]),
      filters: renderSections([KUBERNETES_METADATA, originFields(environment)]),
      outputs: perClusterValue(environment, 'fluent-bit/config.outputs', (cluster) => renderSections([logDestination(environment, cluster)])),
    },
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    tolerations: [{ operator: 'Exists' }],
    serviceMonitor: { enabled: true },
  };
  return values;
}
