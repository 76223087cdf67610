import type { HelmValues } from '../../argocd/application-source';
import type { EnvironmentClusters } from '../../kubernetes/environment-clusters';
import { MONITORING_NAMESPACE } from '../../monitoring/prometheus-rules';
import { perClusterValue } from './per-cluster-value';
import type { PlatformAddon } from './platform-addon';

/** OpenCost's Helm repository (opencost/opencost-helm-chart README). */
export const OPENCOST_HELM = 'https://opencost.github.io/opencost-helm-chart';

/** The namespace OpenCost runs in on every cluster (the chart's documentation uses it). */
export const OPENCOST_NAMESPACE = 'opencost';

/**
 * kube-prometheus-stack's Prometheus: prometheus-operator's governing Service `prometheus-operated`
 * in the monitoring namespace, port 9090. OpenCost queries it for the usage it prices.
 */
const PROMETHEUS = { serviceName: 'prometheus-operated', namespaceName: MONITORING_NAMESPACE, port: 9090, scheme: 'http' } as const;

/**
 * Where OpenCost writes its configuration when nothing else is mounted: `/var/configs`
 * (opencost/opencost pkg/env/costmodelenv.go `DefaultConfigMountPath`). An emptyDir there keeps the
 * root filesystem read-only.
 */
const CONFIG_DIR = { name: 'opencost-config', mountPath: '/var/configs' } as const;

/** The user the OpenCost image runs as (opencost/opencost Dockerfile `USER 1001`), stated so the kubelet can check runAsNonRoot. */
const OPENCOST_UID = 1001;

/**
 * The values of opencost/opencost-helm-chart chart 2.5.17 (OpenCost 1.120.1) gitops-cdk sets
 * (charts/opencost/values.yaml and templates/ at the tag opencost-2.5.17).
 */
export type OpenCostValues = {
  readonly opencost: {
    readonly exporter: {
      /** `USE_CUSTOM_PROVIDER`, true on GKE only (useCustomProvider). */
      readonly env: readonly HelmValues[];
      /** Becomes `CLUSTER_ID` (templates/deployment.yaml): the cluster's own name, as the `cluster` label of its alerts. */
      readonly defaultClusterId: string;
      readonly resources: { readonly requests: { readonly cpu: string; readonly memory: string }; readonly limits: { readonly memory: string } };
      readonly securityContext: HelmValues;
      readonly extraVolumeMounts: readonly HelmValues[];
    };
    readonly prometheus: { readonly internal: HelmValues & { readonly enabled: true }; readonly external: { readonly enabled: false } };
    /** The UI has no login: off, the costs are read in Grafana. Drops its container, Service port and nginx ConfigMap. */
    readonly ui: { readonly enabled: false };
    /** The MCP server (chart default on) opens port 8081 and a Service port to an API without authentication: off. */
    readonly mcp: { readonly enabled: false };
    /** Cloud billing integration needs billing exports and credentials; the estate prices from list prices. */
    readonly cloudCost: { readonly enabled: false };
    readonly metrics: {
      readonly serviceMonitor: { readonly enabled: true; readonly honorLabels: true; readonly scrapeInterval: string };
      /** OpenCost would emit its own kube_namespace_labels etc., duplicating kube-state-metrics' series. */
      readonly kubeStateMetrics: { readonly emitKsmV1Metrics: false };
    };
  };
  readonly podSecurityContext: HelmValues;
  readonly extraVolumes: readonly HelmValues[];
};

/**
 * OpenCost picks its pricing provider from the first node: on GKE the GCP provider, which refuses
 * to start without a Cloud Billing API key ("Supply a GCP Key to start getting data", and
 * `pkg/costmodel/router.go` panics on it; opencost `pkg/cloud/provider/provider.go` `NewProvider`,
 * v1.112.0 to main). The estate holds no such key, so GKE clusters run the custom provider, whose
 * default prices are GCP's own on-demand E2 list prices in us-central1 (`DefaultPricing`,
 * `pkg/cloud/provider/providerconfig.go`). EKS and AKS read their clouds' public price lists.
 */
function useCustomProvider(environment: EnvironmentClusters): HelmValues {
  return { name: 'USE_CUSTOM_PROVIDER', value: perClusterValue(environment, 'opencost/opencost.exporter.env', (cluster) => String(cluster.cloud === 'gcp')) };
}

function openCostValues(environment: EnvironmentClusters): OpenCostValues {
  return {
    opencost: {
      exporter: {
        env: [useCustomProvider(environment)],
        // `{{.name}}` is the ApplicationSet's cluster name, as kube-prometheus-stack's external label `cluster`.
        defaultClusterId: '{{.name}}',
        // Chart defaults for requests (10m/55Mi); the limit bounds a cluster with many pods' allocation queries.
        resources: { requests: { cpu: '10m', memory: '55Mi' }, limits: { memory: '1Gi' } },
        // The chart sets no securityContext (`opencost.exporter.securityContext: {}`): the restricted Pod Security Standard.
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, runAsUser: OPENCOST_UID },
        extraVolumeMounts: [{ name: CONFIG_DIR.name, mountPath: CONFIG_DIR.mountPath }],
      },
      // The chart defaults to prometheus-server.prometheus-system:80; the URL is
      // `<scheme>://<serviceName>.<namespaceName>.svc.<clusterName>:<port>` (templates/_helpers.tpl opencost.prometheusServerEndpoint).
      prometheus: { internal: { enabled: true, ...PROMETHEUS }, external: { enabled: false } },
      ui: { enabled: false },
      mcp: { enabled: false },
      cloudCost: { enabled: false },
      metrics: {
        // honorLabels keeps the `namespace`, `pod` and `node` OpenCost puts on each series; without it
        // Prometheus renames them `exported_*` and the cost-allocation rules match nothing.
        serviceMonitor: { enabled: true, honorLabels: true, scrapeInterval: '1m' },
        kubeStateMetrics: { emitKsmV1Metrics: false },
      },
    },
    podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    // Rendered at the end of the pod's volumes (templates/deployment.yaml `.Values.extraVolumes`).
    extraVolumes: [{ name: CONFIG_DIR.name, emptyDir: {} }],
  };
}

/**
 * OpenCost on every cluster: prices what each container is allocated (the larger of its request
 * and its use) at the node's list price, and exports it as metrics the cost-allocation rules sum
 * per namespace and tenant. No CRDs, no Secrets; its ServiceMonitor is a kube-prometheus-stack CRD.
 */
export const OPENCOST_ADDON: PlatformAddon = {
  versionKey: 'opencost',
  name: 'opencost',
  chart: { repoUrl: OPENCOST_HELM, chart: 'opencost' },
  namespace: OPENCOST_NAMESPACE,
  placement: 'every-cluster',
  serverSideApply: false,
  crds: [],
  values: (environment): HelmValues => openCostValues(environment),
};
