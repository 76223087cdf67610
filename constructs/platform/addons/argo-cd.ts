import { reconciliationChecksum } from '../../argocd/argocd-settings';
import { DRIFT_LABELS } from '../../kubernetes/gitops-cdk-labels';
import { argoCdIdentityValues } from './argo-cd-identity';
import { ARGO_HELM } from './chart-repositories';
import { haReplicas, zoneSpread } from './ha-replicas';
import type { AddonEnvironment, PlatformAddon } from './platform-addon';

/** The pod annotation that rolls the pods reading `timeout.reconciliation` when it changes. */
export const RECONCILIATION_CHECKSUM_ANNOTATION = 'checksum/gitops-cdk-reconciliation';

/**
 * Replicas of the application controller: one. The chart's `controller.replicas` is both the
 * StatefulSet's size and ARGOCD_CONTROLLER_REPLICAS (argo-helm charts/argo-cd/templates/
 * argocd-application-controller/statefulset.yaml at argo-cd-7.7.11 and 7.8.2), and Argo CD treats
 * the replicas as shards: each reconciles only the clusters of its own shard and none takes over
 * another's (argo-cd v2.13/v2.14 docs/operator-manual/high_availability.md: sharding is for a
 * controller managing too many clusters). A second replica would halve the clusters a pod outage
 * stops, not avoid the outage. One replica, restarted quickly (CONTROLLER_NODE_LOSS_TOLERATION),
 * and ArgoCdControllerDown reads this number to fire as soon as any shard is down.
 */
export const ARGO_CD_CONTROLLER_SHARDS = 1;

/**
 * How long the controller's pod stays bound to a node that stopped answering before it is evicted
 * and the StatefulSet can start it elsewhere: 30 s instead of the 300 s the API server's
 * DefaultTolerationSeconds admission adds (kube-apiserver --default-not-ready-toleration-seconds,
 * --default-unreachable-toleration-seconds). While it is bound to a lost node nothing is reconciled.
 */
const CONTROLLER_NODE_LOSS_TOLERATION = 30;

/** The repo servers spread across zones; the chart adds the repo server's selector labels itself. */
function repoServerSpread(replicas: number): { topologySpreadConstraints?: ReturnType<typeof zoneSpread> } {
  const spread = zoneSpread(replicas);
  return spread.length === 0 ? {} : { topologySpreadConstraints: spread };
}

/** What Argo CD's values read: the clusters (its cloud identity), the tier (replicas) and the drift detection (reconciliation). */
export type ArgoCdEnvironment = Pick<AddonEnvironment, 'name' | 'clusters' | 'clouds' | 'tier' | 'driftDetection'>;

export const ARGO_CD_ADDON: PlatformAddon<ArgoCdEnvironment> = {
  versionKey: 'argoCd',
  name: 'argo-cd',
  chart: { repoUrl: ARGO_HELM, chart: 'argo-cd' },
  namespace: 'argocd',
  placement: 'management-cluster',
  serverSideApply: true,
  crds: [
    { group: 'argoproj.io', kind: 'Application' },
    { group: 'argoproj.io', kind: 'ApplicationSet' },
    { group: 'argoproj.io', kind: 'AppProject' },
  ],
  values: (environment) => {
    const metrics = { metrics: { enabled: true, serviceMonitor: { enabled: true } } };
    // The application controller and the repo server read the interval at start only.
    const rollOnReconciliationChange = { podAnnotations: { [RECONCILIATION_CHECKSUM_ANNOTATION]: reconciliationChecksum(environment.driftDetection) } };
    const identity = argoCdIdentityValues(environment);
    return {
      // The chart's default, stated so that the monitoring domain can derive the Services' names
      // (`argo-cd-argocd-<component>-metrics`) from these values.
      nameOverride: 'argocd',
      // argocd-cm, argocd-rbac-cm and argocd-notifications-cm come from the argocd-config
      // component; the chart must not render a second, conflicting copy.
      configs: { cm: { create: false }, rbac: { create: false } },
      notifications: { cm: { create: false }, secret: { create: false }, ...metrics },
      controller: {
        ...rollOnReconciliationChange,
        metrics: {
          ...metrics.metrics,
          // Exported on `argocd_app_labels`: the drift alerts select Applications by class and severity.
          applicationLabels: { enabled: true, labels: Object.values(DRIFT_LABELS) },
        },
        replicas: ARGO_CD_CONTROLLER_SHARDS,
        tolerations: ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({
          key,
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: CONTROLLER_NODE_LOSS_TOLERATION,
        })),
        ...identity.controller,
      },
      server: { ...metrics, ...identity.server },
      repoServer: { ...metrics, ...rollOnReconciliationChange, replicas: haReplicas(environment), ...repoServerSpread(haReplicas(environment)) },
      applicationSet: metrics,
      // The chart's redis metrics Service and ServiceMonitor select the `metrics` port of the
      // redis-exporter sidecar, which only `redis.exporter.enabled` adds (argo-helm charts/argo-cd/
      // templates/redis/deployment.yaml at argo-cd-7.7.11 and 7.8.2); without it they scrape nothing.
      redis: { exporter: { enabled: true }, ...metrics },
      // No bundled Dex: argocd-cm (argocd-config component) never has a dex.config, and Argo CD
      // talks to Dex only for one (argoproj/argo-cd v2.13.2/v2.14.2 util/settings/settings.go
      // `IssuerURL`, util/oidc/oidc.go `DexConfig != "" && OIDCConfigRAW == ""`); SSO is oidc.config.
      // With it off the chart renders no Dex Deployment, Service, NetworkPolicy or ServiceMonitor and
      // leaves server.dex.server out of argocd-cmd-params-cm, whose ARGOCD_SERVER_DEX_SERVER is
      // optional (argo-helm charts/argo-cd templates/dex/*, _helpers.tpl
      // `argo-cd.config.params.presets`, argocd-server/deployment.yaml at argo-cd-7.7.11 and 7.8.2).
      dex: { enabled: false },
    };
  },
};
