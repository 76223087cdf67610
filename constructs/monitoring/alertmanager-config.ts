import type { NotificationSpec } from './notification-spec';

/**
 * The parts of Alertmanager's configuration file (`alertmanager.yml`) gitops-cdk writes, passed to
 * kube-prometheus-stack as `alertmanager.config` (type aliases, not interfaces: Helm values need
 * an index signature, which only aliases satisfy implicitly).
 */
export type AlertmanagerRoute = {
  readonly receiver: string;
  readonly matchers?: readonly string[];
  readonly group_by?: readonly string[];
  readonly group_wait?: string;
  readonly group_interval?: string;
  readonly repeat_interval?: string;
  /** Keep matching the following routes after this one (page and also post to Slack). */
  readonly continue?: boolean;
  readonly routes?: readonly AlertmanagerRoute[];
};

export type AlertmanagerReceiver = {
  readonly name: string;
  readonly slack_configs?: readonly {
    readonly api_url_file: string;
    readonly channel: string;
    readonly send_resolved: boolean;
    readonly title: string;
    readonly text: string;
  }[];
  readonly pagerduty_configs?: readonly {
    readonly routing_key_file: string;
    readonly send_resolved: boolean;
    readonly description: string;
  }[];
};

export type AlertmanagerConfig = {
  readonly route: AlertmanagerRoute;
  readonly receivers: readonly AlertmanagerReceiver[];
  readonly inhibit_rules: readonly { readonly source_matchers: readonly string[]; readonly target_matchers: readonly string[]; readonly equal: readonly string[] }[];
};

/**
 * The Secret (created out of band as a SealedSecret, never in Git in clear) whose keys Alertmanager
 * reads the Slack webhook URL and PagerDuty routing key from, mounted by
 * `alertmanager.alertmanagerSpec.secrets` at `/etc/alertmanager/secrets/<name>/`.
 */
export const NOTIFICATION_KEYS_SECRET = 'alertmanager-notification-keys';
const SECRET_DIR = `/etc/alertmanager/secrets/${NOTIFICATION_KEYS_SECRET}`;
export const SLACK_WEBHOOK_KEY = 'slack-webhook-url';
export const PAGERDUTY_ROUTING_KEY = 'pagerduty-routing-key';

/** An alert instance: alerts of many clusters and applications stay apart. */
const GROUP_BY = ['alertname', 'env', 'cluster', 'namespace', 'name', 'stack'];

/** What the Alertmanager configuration reads of an environment: its name (in titles) and where it notifies. */
export interface AlertmanagerEnvironment {
  readonly name: string;
  readonly notifications: NotificationSpec;
}

/**
 * Notification routing by alert severity (the drift policy and every monitoring domain set it):
 * `critical` pages the environment's PagerDuty service where it has one and goes to Slack;
 * `warning` goes to Slack and repeats every 4 hours; `info` goes to Slack once a day. A critical
 * alert silences the warning of the same name and instance. kube-prometheus-stack's always-firing
 * `Watchdog` goes nowhere (a dead-man's switch would need an external receiver).
 */
export function alertmanagerConfig(spec: AlertmanagerEnvironment): AlertmanagerConfig {
  const { slackChannel, pagerDutyService } = spec.notifications;
  const pages = pagerDutyService !== undefined;
  const receivers: AlertmanagerReceiver[] = [
    { name: 'null' },
    {
      name: 'slack',
      slack_configs: [
        {
          api_url_file: `${SECRET_DIR}/${SLACK_WEBHOOK_KEY}`,
          channel: `#${slackChannel}`,
          send_resolved: true,
          title: `[${spec.name}] {{ .Status | toUpper }} {{ .CommonLabels.alertname }} ({{ .CommonLabels.severity }})`,
          text: '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook_url }}\n{{ end }}',
        },
      ],
    },
    ...(pages
      ? [
          {
            name: 'pagerduty',
            pagerduty_configs: [
              {
                routing_key_file: `${SECRET_DIR}/${PAGERDUTY_ROUTING_KEY}`,
                send_resolved: true,
                description: `[${spec.name}] {{ .CommonLabels.alertname }}: {{ .CommonAnnotations.summary }}`,
              },
            ],
          },
        ]
      : []),
  ];
  return {
    route: {
      receiver: 'slack',
      group_by: GROUP_BY,
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      routes: [
        { receiver: 'null', matchers: ['alertname="Watchdog"'] },
        ...(pages ? [{ receiver: 'pagerduty', matchers: ['severity="critical"'], repeat_interval: '1h', continue: true }] : []),
        { receiver: 'slack', matchers: ['severity="info"'], repeat_interval: '24h' },
        // After a page (`continue`), the alert still needs a route of its own to reach Slack.
        { receiver: 'slack' },
      ],
    },
    receivers,
    inhibit_rules: [{ source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['alertname', 'cluster', 'name'] }],
  };
}
