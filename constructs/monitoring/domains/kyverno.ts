import type { Tier } from '../../core/tier';
import type { KyvernoSpec } from '../../kyverno/kyverno-spec';
import { KYVERNO_ADDON } from '../../platform/addons/kyverno';
import type { AlertDefinition, MonitoringDomain } from '../alert-definition';
import type { Severity } from '../types';
import { controllerDownAlert } from './controller-down';
import { type KyvernoWebhookEnvironment, kyvernoWebhookAlerts } from './kyverno-webhook-alerts';
import { pagingSeverity } from './paging-severity';
import { policyComplianceRecordings } from './policy-compliance';
import { POLICY_VIOLATION_CLASSES, type PolicyViolationAlertClass, type PolicyViolationEnvironment, policyViolationAlert } from './policy-violations';
import { type AddonReleases, addonMetricsJobs } from './scrape-jobs';

/** One of the four Deployments of the kyverno chart, each with a metrics Service its ServiceMonitor scrapes. */
interface KyvernoController {
  readonly alert: string;
  /** In words, for the summary: `Kyverno admission controller`. */
  readonly controller: string;
  /** The chart's metrics Service name, from the release's `kyverno.fullname`. */
  readonly metricsService: (fullname: string) => string;
  readonly severity: (environment: { readonly tier: Tier }) => Severity;
  readonly impact: (environment: { readonly tier: Tier }) => string;
}

/** `kyverno.name` of the chart: the chart name, as no `nameOverride` is set (constructs/platform/addons/kyverno.ts). */
const CHART_NAME = KYVERNO_ADDON.chart.chart;

/**
 * The kyverno chart's (3.3) metrics Services: the admission controller's is
 * `<kyverno.fullname>-svc-metrics` (templates/admission-controller/service.yaml), i.e. the release
 * `<cluster>-kyverno`; the other three are `<kyverno.name>-<controller>-metrics`, the same on every
 * cluster. prometheus-operator names the scrape `job` after the Service.
 */
const CONTROLLERS: readonly KyvernoController[] = [
  {
    alert: 'KyvernoAdmissionControllerDown',
    controller: 'Kyverno admission controller',
    metricsService: (fullname) => `${fullname}-svc-metrics`,
    severity: pagingSeverity,
    impact: (spec) =>
      spec.tier === 'production'
        ? 'Its webhooks fail closed here: every create and update a policy matches is refused until it is back, Argo CD syncs included.'
        : 'Its webhooks fail open here: resources are admitted without validation or mutation until it is back.',
  },
  {
    alert: 'KyvernoBackgroundControllerDown',
    controller: 'Kyverno background controller',
    metricsService: () => `${CHART_NAME}-background-controller-metrics`,
    severity: () => 'warning',
    impact: () =>
      'Generate and mutate-existing rules wait: new namespaces get their default NetworkPolicy and ResourceQuota only once it is back (the requests are queued, not lost).',
  },
  {
    alert: 'KyvernoReportsControllerDown',
    controller: 'Kyverno reports controller',
    metricsService: () => `${CHART_NAME}-reports-controller-metrics`,
    severity: () => 'warning',
    impact: () => 'Background scans and policy reports stop: the policy violation alerts and the compliance score show the state from before it went down.',
  },
  {
    alert: 'KyvernoCleanupControllerDown',
    controller: 'Kyverno cleanup controller',
    metricsService: () => `${CHART_NAME}-cleanup-controller-metrics`,
    severity: () => 'warning',
    impact: () => 'Cleanup policies and `cleanup.kyverno.io/ttl` deletions wait until it is back.',
  },
];

function controllerAlerts(spec: KyvernoMonitoringProps): AlertDefinition[] {
  return CONTROLLERS.map((c) =>
    controllerDownAlert({
      name: c.alert,
      controller: c.controller,
      jobs: addonMetricsJobs(spec.kyvernoReleases, c.metricsService),
      severity: c.severity(spec),
      impact: c.impact(spec),
    }),
  );
}

export interface KyvernoMonitoringProps extends Omit<PolicyViolationEnvironment, 'kyverno'>, Omit<KyvernoWebhookEnvironment, 'kyverno'> {
  /** How strictly policies apply (the violation alerts' text) and which may fail open (the webhook alerts'). */
  readonly kyverno: Pick<KyvernoSpec, 'mode' | 'failOpen'>;
  /** The kyverno chart's releases, one per cluster: the admission controller's metrics Service is named after them. */
  readonly kyvernoReleases: AddonReleases;
  /**
   * The alerts on failing policy results, one per group of policy severities.
   * @default POLICY_VIOLATION_CLASSES (high and critical page in production, medium warns, low informs)
   */
  readonly violationClasses?: readonly PolicyViolationAlertClass[];
}

/**
 * Kyverno on every cluster: policy violations by policy severity (from Policy Reporter's metrics),
 * its admission webhooks failing (from the API server's metrics), its four controllers down, and
 * the recordings of the policy-compliance dashboard (failures per policy and severity, the
 * severity-weighted compliance score).
 */
export function kyvernoMonitoring(spec: KyvernoMonitoringProps): MonitoringDomain {
  return {
    name: 'kyverno',
    recordings: policyComplianceRecordings(),
    alerts: [
      ...(spec.violationClasses ?? POLICY_VIOLATION_CLASSES).map((alertClass) => policyViolationAlert(spec, alertClass)),
      ...kyvernoWebhookAlerts(spec),
      ...controllerAlerts(spec),
    ],
  };
}
