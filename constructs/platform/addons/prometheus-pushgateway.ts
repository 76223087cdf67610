import type { HelmValues } from '../../argocd/application-source';
import { MONITORING_NAMESPACE } from '../../monitoring/prometheus-rules';
import { PROMETHEUS_COMMUNITY_HELM } from './chart-repositories';
import type { PlatformAddon } from './platform-addon';

/**
 * Where batch jobs push their results on every cluster: the Service of the prometheus-pushgateway
 * chart (port 9091), named by `fullnameOverride` rather than after the Argo CD release
 * (`<cluster>-prometheus-pushgateway`), so every cluster's pushers use one address.
 */
export const PUSHGATEWAY = {
  namespace: MONITORING_NAMESPACE,
  service: 'prometheus-pushgateway',
  port: 9091,
  /** The chart's selector label on its pods (chart 2.x), for NetworkPolicies of the pushers. */
  podLabels: { 'app.kubernetes.io/name': 'prometheus-pushgateway' },
} as const;

/** `http://prometheus-pushgateway.monitoring.svc:9091`: the push API is below it (`/metrics/job/...`). */
export function pushgatewayUrl(): string {
  return `http://${PUSHGATEWAY.service}.${PUSHGATEWAY.namespace}.svc:${PUSHGATEWAY.port}`;
}

/** The values of prometheus-community/prometheus-pushgateway chart 2.x gitops-cdk sets. */
type PushgatewayValues = {
  readonly fullnameOverride: string;
  readonly serviceMonitor: {
    readonly enabled: boolean;
    /** Keep the pushed `job` and `stack` labels instead of the scrape target's own. */
    readonly honorLabels: boolean;
  };
  readonly persistentVolume: { readonly enabled: boolean };
  readonly resources: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly memory: string };
  };
  readonly containerSecurityContext: {
    readonly allowPrivilegeEscalation: boolean;
    readonly readOnlyRootFilesystem: boolean;
    readonly capabilities: { readonly drop: readonly string[] };
  };
};

/**
 * The Pushgateway keeps pushed groups in memory. No persistence: every group is re-pushed by its
 * next run (the Terraform drift checks push every interval), so a restart loses at most one
 * interval of results, and the not-run alert waits more than two intervals before it fires. A
 * volume would only keep groups of checks that no longer exist alive across restarts.
 */
function pushgatewayValues(): PushgatewayValues {
  return {
    fullnameOverride: PUSHGATEWAY.service,
    serviceMonitor: { enabled: true, honorLabels: true },
    persistentVolume: { enabled: false },
    // A few dozen series from a handful of pushers: well under the requests.
    resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
    // The chart already runs it as nobody (65534, non-root); it writes nothing without persistence.
    containerSecurityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
  };
}

/** Where the Terraform drift checks push their result; Prometheus scrapes it like any target. */
export const PROMETHEUS_PUSHGATEWAY_ADDON: PlatformAddon = {
  versionKey: 'pushgateway',
  name: 'prometheus-pushgateway',
  chart: { repoUrl: PROMETHEUS_COMMUNITY_HELM, chart: 'prometheus-pushgateway' },
  namespace: PUSHGATEWAY.namespace,
  placement: 'every-cluster',
  serverSideApply: false,
  crds: [],
  values: (): HelmValues => pushgatewayValues(),
};
