import type { PlatformAddon } from './platform-addon';
import { PROMETHEUS_COMMUNITY_HELM } from './chart-repositories';
import { literalInApplicationSet } from '../../argocd/application-set';
import { DEFAULT_DISPLAY_NAME, DEFAULT_SSO_SCOPES } from '../../argocd/argocd-sso';
import type { EnvironmentSpec } from '../../../environments/types';
import { grafanaLoginSecrets, grafanaLoginValues, type GrafanaLoginOptions } from './grafana-login';
import { perClusterValue } from './per-cluster-value';
import { alertmanagerConfig, NOTIFICATION_KEYS_SECRET, PAGERDUTY_ROUTING_KEY, SLACK_WEBHOOK_KEY } from '../../monitoring/alertmanager-config';

/**
 * Grafana's login from the spec: SSO when `sso.grafana` is set, with the provider, claim and scopes
 * of the environment's SSO; platform deployers and the emergency group are Grafana admins (they
 * own the platform), read-only groups are viewers.
 */
function grafanaLogin(spec: EnvironmentSpec): GrafanaLoginOptions {
  const production = spec.tier === 'production';
  const sso = spec.sso;
  const grafana = sso?.grafana;
  if (sso === undefined || grafana === undefined) return { production };
  return {
    production,
    sso: {
      grafana,
      groupsClaim: sso.groupsClaim,
      requestedScopes: sso.requestedScopes ?? DEFAULT_SSO_SCOPES,
      displayName: sso.displayName ?? DEFAULT_DISPLAY_NAME,
      adminGroups: [...spec.access.deployerGroups, ...spec.access.emergencyGroups],
      viewerGroups: spec.access.readOnlyGroups,
      rootUrl: perClusterValue(spec, 'kube-prometheus-stack/grafana.grafana.ini.server.root_url', (cluster) => grafana.urls[cluster.name] ?? ''),
    },
  };
}

export const KUBE_PROMETHEUS_STACK_ADDON: PlatformAddon = {
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
  values: (spec) => ({
    prometheus: {
      prometheusSpec: {
        // Pick up every PrometheusRule/ServiceMonitor, not only those labelled for this release.
        ruleSelectorNilUsesHelmValues: false,
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        // `{{.name}}` is the ApplicationSet's cluster name: alerts from many clusters stay apart.
        externalLabels: { cluster: '{{.name}}', env: spec.name },
      },
    },
    alertmanager: {
      // Routing by severity (constructs/monitoring/alertmanager-config.ts); keys come from a Secret.
      // Its message templates are Alertmanager's, kept away from the ApplicationSet's own template.
      config: literalInApplicationSet(alertmanagerConfig(spec)),
      alertmanagerSpec: { secrets: [NOTIFICATION_KEYS_SECRET] },
    },
    // Admin credentials from a Secret (never the chart's prom-operator) and SSO: grafana-login.ts.
    grafana: grafanaLoginValues(grafanaLogin(spec)),
  }),
  secrets: (spec) => [
    ...grafanaLoginSecrets(grafanaLogin(spec)),
    {
      name: NOTIFICATION_KEYS_SECRET,
      readBy: 'Alertmanager receiver key files (alertmanagerSpec.secrets)',
      keys: [
        { name: SLACK_WEBHOOK_KEY, holds: `Slack incoming-webhook URL of #${spec.notifications.slackChannel}` },
        ...(spec.notifications.pagerDutyService === undefined
          ? []
          : [{ name: PAGERDUTY_ROUTING_KEY, holds: `PagerDuty Events API v2 routing key of the service ${spec.notifications.pagerDutyService}` }]),
      ],
    },
  ],
};
