import { Construct } from 'constructs';
import { toYaml } from '../core/yaml-text';
import type { NotificationSpec } from '../monitoring/notification-spec';
import { RequiredSecret } from '../secrets/required-secret';
import { argoCdConfigMap } from './config-map';
import { ARGOCD_NAMESPACE } from './constants';

/** The Secret argocd-notifications reads every `$key` of a service configuration from (fixed name). */
export const NOTIFICATIONS_SECRET = 'argocd-notifications-secret';
/** Key of the Slack bot token in NOTIFICATIONS_SECRET. */
export const SLACK_TOKEN_KEY = 'slack-token';
/** Key of the PagerDuty integration key of `service` in NOTIFICATIONS_SECRET. */
export function pagerDutyKey(service: string): string {
  return `pagerduty-key-${service}`;
}

export interface ArgoCdNotificationsProps {
  readonly environment: string;
  readonly notifications: NotificationSpec;
  /** The cluster Argo CD runs on, where its notifications Secret must exist. */
  readonly cluster: string;
}

/** An argocd-notifications trigger: a condition on the Application and the templates it sends. */
interface Trigger {
  readonly name: string;
  readonly description: string;
  /** expr-lang condition over `app`. */
  readonly when: string;
  /** Send once per value of this expression, so a failure is reported once, not every minute. */
  readonly oncePer: string;
  readonly template: string;
  readonly message: string;
  /** Whether the on-call is paged (where the environment has a PagerDuty service). */
  readonly pages: boolean;
}

function triggers(props: ArgoCdNotificationsProps): Trigger[] {
  const env = props.environment;
  return [
    {
      name: 'on-sync-failed',
      description: 'Application sync failed',
      when: "app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']",
      // syncResult is nil when a sync fails before it starts (an invalid spec, a repository
      // error): `?.` (expr v1.15.1, the version notifications-engine uses in Argo CD v2.13.2 and
      // v2.14.2) yields nil there instead of failing the evaluation.
      oncePer: 'app.status.operationState?.syncResult?.revision',
      template: 'app-sync-failed',
      message: `[${env}] {{.app.metadata.name}}: sync failed at {{.app.status.operationState.finishedAt}}: {{.app.status.operationState.message}}`,
      pages: true,
    },
    {
      name: 'on-health-degraded',
      description: 'Application health is Degraded',
      when: "app.status.health.status == 'Degraded'",
      oncePer: 'app.status.sync.revision',
      template: 'app-health-degraded',
      message: `[${env}] {{.app.metadata.name}}: health is Degraded at revision {{.app.status.sync.revision}}`,
      pages: true,
    },
  ];
}

/**
 * `argocd-notifications-cm`: triggers for failed syncs and degraded health (events of one
 * Application, which Argo CD sees first-hand), routed to the environment's Slack channel, and to
 * PagerDuty where the spec names a service. Drift left unremediated is alerted by Prometheus
 * instead, where the drift policy gives each severity its own window and route
 * (constructs/monitoring/domains/gitops-drift.ts). Tokens are referenced (`$slack-token`) from
 * `argocd-notifications-secret`, never written here.
 */
export class ArgoCdNotifications extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdNotificationsProps) {
    super(scope, id);
    const { slackChannel, pagerDutyService } = props.notifications;
    const all = triggers(props);
    const data: Record<string, string> = {
      'service.slack': toYaml({ token: `$${SLACK_TOKEN_KEY}` }),
    };
    if (pagerDutyService !== undefined) {
      data['service.pagerdutyv2'] = toYaml({
        serviceKeys: { [pagerDutyService]: `$${pagerDutyKey(pagerDutyService)}` },
      });
    }
    new RequiredSecret(this, 'secret', {
      name: NOTIFICATIONS_SECRET,
      namespace: ARGOCD_NAMESPACE,
      keys: [
        { name: SLACK_TOKEN_KEY, holds: `Slack bot token (xoxb-...) of an app that may post to #${slackChannel}` },
        ...(pagerDutyService === undefined ? [] : [{ name: pagerDutyKey(pagerDutyService), holds: `PagerDuty Events API v2 integration key of the service ${pagerDutyService}` }]),
      ],
      reader: 'Argo CD notifications controller: $keys of the service.* entries of argocd-notifications-cm',
      clusters: [props.cluster],
    });
    for (const trigger of all) {
      data[`trigger.${trigger.name}`] = toYaml([{ description: trigger.description, oncePer: trigger.oncePer, send: [trigger.template], when: trigger.when }]);
      data[`template.${trigger.template}`] = toYaml({
        message: trigger.message,
        ...(pagerDutyService !== undefined && trigger.pages ? { pagerdutyv2: { summary: trigger.message, severity: 'critical', source: '{{.app.metadata.name}}' } } : {}),
      });
    }
    const subscriptions = [{ recipients: [`slack:${slackChannel}`], triggers: all.map((t) => t.name) }];
    if (pagerDutyService !== undefined) {
      subscriptions.push({
        recipients: [`pagerdutyv2:${pagerDutyService}`],
        triggers: all.filter((t) => t.pages).map((t) => t.name),
      });
    }
    data.subscriptions = toYaml(subscriptions);
    argoCdConfigMap(this, 'argocd-notifications-cm', data);
  }
}
