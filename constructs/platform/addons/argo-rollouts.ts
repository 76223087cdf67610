import { literalInApplicationSet } from '../../argocd/application-set';
import type { HelmValues } from '../../argocd/application-source';
import { toYaml } from '../../core/yaml-text';
import { ARGO_HELM } from './chart-repositories';
import type { AddonEnvironment, PlatformAddon } from './platform-addon';

/**
 * The Secret the Rollouts controller reads every `$key` of a notifier's configuration from (fixed
 * name: argo-rollouts utils/record/record.go `NotificationSecret`, v1.8.0 and v1.7.2; the
 * controller watches it by name only, cmd/rollouts-controller/main.go). The chart creates it only
 * with `notifications.secret.create`, which would put the token in Git, so it stays a slot.
 */
export const ROLLOUTS_NOTIFICATION_SECRET = 'argo-rollouts-notification-secret';
/** Key of the Slack bot token in ROLLOUTS_NOTIFICATION_SECRET. */
export const ROLLOUTS_SLACK_TOKEN_KEY = 'slack-token';

/**
 * The controller's notifications are event-driven: each Kubernetes event it records runs the
 * trigger `on-<kebab reason>` (record.go `translateReasonToTrigger`), so a trigger needs no
 * condition. The built-in triggers and templates are data of manifests/notifications-install.yaml,
 * not compiled in, so each one used is declared here. What a failing release raises:
 *
 * - `RolloutAborted`: an analysis run Failed or Error, or the progress deadline passed (progressDeadlineAbort);
 * - `AnalysisRunFailed` / `AnalysisRunError`: the run itself, whose message names the metric.
 *
 * The Rollout's `status.message` carries the reason (`RolloutAborted: ... metric "x" assessed Failed`).
 */
const EVENTS: readonly { readonly reason: string; readonly template: string; readonly message: string }[] = [
  {
    reason: 'on-rollout-aborted',
    template: 'rollout-aborted',
    message: 'Rollout {{.rollout.metadata.namespace}}/{{.rollout.metadata.name}} aborted and is back on its stable version: {{.rollout.status.message}}',
  },
  {
    reason: 'on-analysis-run-failed',
    template: 'analysis-run-failed',
    message: 'Rollout {{.rollout.metadata.namespace}}/{{.rollout.metadata.name}}: an analysis run failed, the new version is rolled back',
  },
  {
    reason: 'on-analysis-run-error',
    template: 'analysis-run-error',
    message: 'Rollout {{.rollout.metadata.namespace}}/{{.rollout.metadata.name}}: an analysis run could not measure (Error), the new version is rolled back',
  },
];

/**
 * `notifications.*` of the argo-rollouts chart (argo-helm argo-rollouts-2.39.0 and -2.38.0,
 * templates/controller/notifications-configmap.yaml: `notifiers`, `templates` and `triggers` are
 * copied into argo-rollouts-notification-configmap as they are, `subscriptions` as YAML text):
 * every Rollout's abort and failed analysis go to the environment's Slack channel, prefixed with
 * the environment. Paging stays with the DeliveryRolloutAborted alert (constructs/monitoring/domains/delivery.ts).
 * Literal in the ApplicationSet: its Go template would otherwise evaluate `{{.rollout...}}`.
 */
export function rolloutsNotifications(environment: Pick<AddonEnvironment, 'name' | 'notifications'>): HelmValues {
  return literalInApplicationSet({
    notifiers: { 'service.slack': toYaml({ token: `$${ROLLOUTS_SLACK_TOKEN_KEY}` }) },
    templates: Object.fromEntries(EVENTS.map((e) => [`template.${e.template}`, toYaml({ message: `[${environment.name}] ${e.message}` })])),
    triggers: Object.fromEntries(EVENTS.map((e) => [`trigger.${e.reason}`, toYaml([{ send: [e.template] }])])),
    subscriptions: [{ recipients: [`slack:${environment.notifications.slackChannel}`], triggers: EVENTS.map((e) => e.reason) }],
  });
}

export const ARGO_ROLLOUTS_ADDON: PlatformAddon = {
  versionKey: 'argoRollouts',
  name: 'argo-rollouts',
  chart: { repoUrl: ARGO_HELM, chart: 'argo-rollouts' },
  namespace: 'argo-rollouts',
  placement: 'every-cluster',
  serverSideApply: true,
  crds: [
    { group: 'argoproj.io', kind: 'Rollout' },
    { group: 'argoproj.io', kind: 'AnalysisTemplate' },
    { group: 'argoproj.io', kind: 'ClusterAnalysisTemplate' },
  ],
  values: (environment) => ({
    controller: { metrics: { enabled: true, serviceMonitor: { enabled: true } } },
    dashboard: { enabled: false },
    notifications: rolloutsNotifications(environment),
  }),
  secrets: (environment) => [
    {
      name: ROLLOUTS_NOTIFICATION_SECRET,
      readBy: 'notifications controller: $keys of the notifiers (notifications.notifiers service.slack)',
      keys: [{ name: ROLLOUTS_SLACK_TOKEN_KEY, holds: `Slack bot token (xoxb-...) of an app that may post to #${environment.notifications.slackChannel}` }],
    },
  ],
};
