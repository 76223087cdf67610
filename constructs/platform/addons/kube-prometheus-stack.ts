import type { PlatformAddon } from './platform-addon';
import { PROMETHEUS_COMMUNITY_HELM } from './chart-repositories';
import { literalInApplicationSet } from '../../argocd/application-set';
import { alertmanagerConfig, NOTIFICATION_KEYS_SECRET, PAGERDUTY_ROUTING_KEY, SLACK_WEBHOOK_KEY } from '../../monitoring/alertmanager-config';

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
  }),
  secrets: (spec) => [
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
