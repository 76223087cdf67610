export interface NotificationSpec {
  /** Slack channel that receives every notification of the environment. */
  readonly slackChannel: string;
  /** PagerDuty service (key name in argocd-notifications-secret) paged on failures; prod only. */
  readonly pagerDutyService?: string;
}
