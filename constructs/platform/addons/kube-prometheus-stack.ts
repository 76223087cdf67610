import { literalInApplicationSet } from '../../argocd/application-set';
import { DEFAULT_DISPLAY_NAME, DEFAULT_SSO_SCOPES } from '../../argocd/argocd-sso';
import { alertmanagerConfig, NOTIFICATION_KEYS_SECRET, PAGERDUTY_ROUTING_KEY, SLACK_WEBHOOK_KEY } from '../../monitoring/alertmanager-config';
import { namespaceMetricLabelsAllowlist } from '../../monitoring/namespace-label-metrics';
import { PROMETHEUS_COMMUNITY_HELM } from './chart-repositories';
import { type GrafanaLoginOptions, grafanaLoginSecrets, grafanaLoginValues } from './grafana-login';
import { perClusterValue } from './per-cluster-value';
import type { AddonEnvironment, PlatformAddon } from './platform-addon';

/**
 * What kube-prometheus-stack's values read: the tier, SSO, access groups and clusters (Grafana's
 * login), the notification targets, and what Alertmanager's routing reads
 * (constructs/monitoring/alertmanager-config.ts says which fields).
 */
export type KubePrometheusStackEnvironment = Pick<AddonEnvironment, 'name' | 'tier' | 'clusters' | 'access' | 'notifications' | 'sso'> & Parameters<typeof alertmanagerConfig>[0];

/**
 * Grafana's login from the environment: SSO when `sso.grafana` is set, with the provider, claim and scopes
 * of the environment's SSO; platform deployers and the emergency group are Grafana admins (they
 * own the platform), read-only groups are viewers.
 */
function grafanaLogin(environment: Pick<AddonEnvironment, 'name' | 'tier' | 'clusters' | 'access' | 'sso'>): GrafanaLoginOptions {
  const production = environment.tier === 'production';
  const sso = environment.sso;
  const grafana = sso?.grafana;
  if (sso === undefined || grafana === undefined) return { production };
  return {
    production,
    sso: {
      grafana,
      groupsClaim: sso.groupsClaim,
      requestedScopes: sso.requestedScopes ?? DEFAULT_SSO_SCOPES,
      displayName: sso.displayName ?? DEFAULT_DISPLAY_NAME,
      adminGroups: [...environment.access.deployerGroups, ...environment.access.emergencyGroups],
      viewerGroups: environment.access.readOnlyGroups,
      rootUrl: perClusterValue(environment, 'kube-prometheus-stack/grafana.grafana.ini.server.root_url', (cluster) => grafana.urls[cluster.name] ?? ''),
    },
  };
}

export const KUBE_PROMETHEUS_STACK_ADDON: PlatformAddon<KubePrometheusStackEnvironment> = {
  versionKey: 'kubePrometheusStack',
  name: 'kube-prometheus-stack',
  chart: { repoUrl: PROMETHEUS_COMMUNITY_HELM, chart: 'kube-prometheus-stack' },
  namespace: 'monitoring',
  placement: 'every-cluster',
  serverSideApply: true,
  crds: [
    { group: 'monitoring.coreos.com', kind: 'ServiceMonitor' },
    { group: 'monitoring.coreos.com', kind: 'PodMonitor' },
    { group: 'monitoring.coreos.com', kind: 'PrometheusRule' },
    { group: 'monitoring.coreos.com', kind: 'AlertmanagerConfig' },
  ],
  values: (environment) => ({
    prometheus: {
      prometheusSpec: {
        // Pick up every PrometheusRule/ServiceMonitor, not only those labelled for this release.
        ruleSelectorNilUsesHelmValues: false,
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        // `{{.name}}` is the ApplicationSet's cluster name: alerts from many clusters stay apart.
        externalLabels: { cluster: '{{.name}}', env: environment.name },
      },
    },
    alertmanager: {
      // Routing by severity (constructs/monitoring/alertmanager-config.ts); keys come from a Secret.
      // Its message templates are Alertmanager's, kept away from the ApplicationSet's own template.
      config: literalInApplicationSet(alertmanagerConfig(environment)),
      alertmanagerSpec: { secrets: [NOTIFICATION_KEYS_SECRET] },
    },
    // Admin credentials from a Secret (never the chart's prom-operator) and SSO: grafana-login.ts.
    grafana: grafanaLoginValues(grafanaLogin(environment)),
    // The subchart's values (kube-state-metrics 5.28.x in chart 67.9.0, 5.27.x in 66.3.1): the tenant and
    // cost centre of each namespace on kube_namespace_labels, which the cost-allocation rules join on.
    'kube-state-metrics': { metricLabelsAllowlist: namespaceMetricLabelsAllowlist() },
  }),
  secrets: (environment) => [
    ...grafanaLoginSecrets(grafanaLogin(environment)),
    {
      name: NOTIFICATION_KEYS_SECRET,
      readBy: 'Alertmanager receiver key files (alertmanagerSpec.secrets)',
      keys: [
        { name: SLACK_WEBHOOK_KEY, holds: `Slack incoming-webhook URL of #${environment.notifications.slackChannel}` },
        ...(environment.notifications.pagerDutyService === undefined
          ? []
          : [{ name: PAGERDUTY_ROUTING_KEY, holds: `PagerDuty Events API v2 routing key of the service ${environment.notifications.pagerDutyService}` }]),
      ],
    },
  ],
};
