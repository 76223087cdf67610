import type { HelmValues } from '../../argocd/application-source';
import { POLICY_REPORTER_WORKLOAD } from '../../core/observability-contract';
import { workloadIdentityValues } from './cloud-workload-identity';
import type { AddonEnvironment, PlatformAddon } from './platform-addon';
import { POLICY_REPORTER_SECRETS, POLICY_REPORTER_WEBHOOK_KEY, type SlackTargetValues, slackTarget } from './policy-reporter-notifications';

/**
 * policy-reporter's `fullname` on every cluster: the name of its Service and ServiceAccount, and so
 * the Prometheus `job` of its metrics (prometheus-operator names the job after the Service; the
 * chart's ServiceMonitor selects that Service and sets no `jobLabel`: kyverno/policy-reporter
 * charts/policy-reporter/templates/service.yaml and templates/monitoring/servicemonitor.yaml at
 * policy-reporter-3.0.0 and 3.0.3).
 */
export const POLICY_REPORTER_FULLNAME = 'policy-reporter';

/** The values of policy-reporter chart 3.0 gitops-cdk sets; everything else keeps the chart default. */
type PolicyReporterValues = {
  readonly fullnameOverride: string;
  readonly serviceAccount: { readonly name: string; readonly annotations: Readonly<Record<string, string>> };
  readonly podLabels: Readonly<Record<string, string>>;
  /**
   * `policy_report_result` / `cluster_policy_report_result` gauges. Mode `detailed` (the chart's
   * default, pinned here) carries policy, rule, severity, status, category, source, kind, name
   * and namespace: the Kyverno alerts and the compliance score aggregate by severity and policy.
   */
  readonly metrics: { readonly enabled: boolean; readonly mode: 'detailed' };
  /** The monitoring sub-chart: the ServiceMonitor that makes Prometheus scrape `/metrics`. */
  readonly monitoring: { readonly enabled: boolean };
  readonly target: { readonly slack: SlackTargetValues };
};

/** What policy-reporter's values read: the clusters (its cloud identity) and the Slack channel. */
export type PolicyReporterEnvironment = Pick<AddonEnvironment, 'name' | 'clusters' | 'clouds' | 'notifications'>;

/**
 * policy-reporter turns Kyverno's PolicyReports into metrics and posts every serious violation to
 * the environment's Slack channel at once. Its ServiceAccount is POLICY_REPORTER_WORKLOAD, mapped
 * on each cluster to the cloud identity the cluster's Terraform stack creates
 * (workloadIdentityName): the compliance-report CronJob (constructs/compliance-report) runs as it
 * to upload the six-hourly JSON and HTML reports to the environment's object storage.
 *
 * policy-reporter's own object-store targets are not used: they write one JSON object per result
 * as results arrive (not a report), exist for S3 and GCS only (no Azure Blob), and the GCS one
 * authenticates with a service-account key only; its scheduled HTML reports are e-mails needing SMTP.
 */
export const POLICY_REPORTER_ADDON: PlatformAddon<PolicyReporterEnvironment> = {
  versionKey: 'policyReporter',
  name: 'policy-reporter',
  chart: { repoUrl: 'https://kyverno.github.io/policy-reporter', chart: 'policy-reporter' },
  namespace: POLICY_REPORTER_WORKLOAD.namespace,
  placement: 'every-cluster',
  serverSideApply: false,
  crds: [],
  values: (environment) => policyReporterValues(environment),
  secrets: (environment) => [
    {
      name: POLICY_REPORTER_SECRETS.slack,
      readBy: 'Slack target (target.slack.secretRef)',
      keys: [{ name: POLICY_REPORTER_WEBHOOK_KEY, holds: `Slack incoming-webhook URL of #${environment.notifications.slackChannel}` }],
    },
  ],
};

function policyReporterValues(environment: PolicyReporterEnvironment): HelmValues {
  const identity = workloadIdentityValues(environment, 'policy-reporter');
  const values: PolicyReporterValues = {
    // The release is named after the generated Application (`<cluster>-policy-reporter`); the
    // override keeps the ServiceAccount name the cloud identities trust.
    fullnameOverride: POLICY_REPORTER_FULLNAME,
    serviceAccount: { name: POLICY_REPORTER_WORKLOAD.serviceAccount, annotations: identity.serviceAccountAnnotations },
    podLabels: identity.podLabels,
    metrics: { enabled: true, mode: 'detailed' },
    monitoring: { enabled: true },
    target: { slack: slackTarget(environment) },
  };
  return values;
}
