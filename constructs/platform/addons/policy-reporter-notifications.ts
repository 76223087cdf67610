import type { AddonEnvironment } from './platform-addon';

/**
 * Secrets read by name from the policy-reporter namespace (sealed per cluster; nothing of them is
 * in Git). policy-reporter skips a target whose Secret is missing instead of failing the pod.
 */
export const POLICY_REPORTER_SECRETS = {
  /**
   * Key `webhook` (the key policy-reporter's secretRef reader takes the webhook from): the Slack
   * incoming-webhook URL of the environment's channel. The compliance-report CronJob
   * (constructs/compliance-report) posts its six-hourly summary through the same webhook.
   */
  slack: 'policy-reporter-slack',
} as const;

/** The key of the Slack webhook URL inside POLICY_REPORTER_SECRETS.slack. */
export const POLICY_REPORTER_WEBHOOK_KEY = 'webhook';

/**
 * Only results at or above this severity are posted to Slack one by one; the rest reach the
 * channel in the six-hourly compliance-report summary (policy-reporter severities: info < low <
 * medium < high < critical).
 */
const SLACK_MINIMUM_SEVERITY = 'high';

/** `target.slack` of policy-reporter chart 3.0: new violations, one message each. */
export type SlackTargetValues = {
  readonly secretRef: string;
  readonly channel: string;
  readonly minimumSeverity: string;
  readonly skipExistingOnStartup: boolean;
  readonly customFields: { readonly env: string; readonly cluster: string };
};

/**
 * The immediate half of how compliance reaches the environment's notification target, its Slack
 * channel (PagerDuty only pages on alerts, never on reports): each new high or critical violation
 * as a Slack message through the channel's webhook, labelled with the environment and cluster.
 * The scheduled half, the six-hourly summary, is the compliance-report CronJob's.
 */
export function slackTarget(environment: Pick<AddonEnvironment, 'name' | 'notifications'>): SlackTargetValues {
  return {
    secretRef: POLICY_REPORTER_SECRETS.slack,
    channel: environment.notifications.slackChannel,
    minimumSeverity: SLACK_MINIMUM_SEVERITY,
    skipExistingOnStartup: true,
    customFields: { env: environment.name, cluster: '{{.name}}' },
  };
}
