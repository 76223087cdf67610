import { Duration } from 'cdk8s';
import type { Tier } from '../../core/tier';
import type { MonitoringDomain } from '../alert-definition';
import type { InputSeries } from '../types';
import { controllerDownAlert } from './controller-down';
import { pagingSeverity } from './paging-severity';
import { type AddonReleases, addonMetricsJobs, type MetricsJobs } from './scrape-jobs';

/**
 * The `job` of the Sealed Secrets controller's metrics: the chart's second Service,
 * `<fullname>-metrics` with port `metrics` (sealed-secrets helm/sealed-secrets/templates/service.yaml),
 * and our values fix `fullname` to `sealed-secrets-controller` on every cluster.
 */
export function sealedSecretsMetricsJobs(releases: AddonReleases): MetricsJobs {
  return addonMetricsJobs(releases, (fullname) => `${fullname}-metrics`);
}

/**
 * `sealed_secrets_controller_unseal_errors_total{reason, namespace}` (pkg/controller/metrics.go)
 * counts failed attempts to turn a SealedSecret into its Secret. Reasons: `unseal` (cannot decrypt:
 * sealed with another cluster's key, or for another namespace/name/scope), `unmanaged` (a Secret of
 * that name exists and the SealedSecret does not own it), `update` (writing the Secret failed),
 * `fetch` (reading the informer cache failed). `status` is left out: the Secret was written, only
 * the SealedSecret's status update failed.
 */
const UNSEAL_ERRORS = 'sealed_secrets_controller_unseal_errors_total{reason!="status"}';

/**
 * The controller retries a failing SealedSecret five times within a second and then gives up
 * (pkg/controller/controller.go maxRetries), so the counter moves in one burst and then stands
 * still while the SealedSecret stays broken. The alert holds for an hour after the burst, long
 * enough for someone to see it; the series of a (namespace, reason) is created by its first error,
 * so a series new within the hour counts as errors too (`increase` needs two samples).
 */
const UNSEAL_WINDOW = '1h';

/** The counter has already moved past every retry when Prometheus sees it: nothing to wait for. */
const UNSEAL_FOR = Duration.seconds(0);

/**
 * The counter as Prometheus stores it. The chart's ServiceMonitor keeps the controller's own labels
 * (`honorLabels: true`, the chart's default, which our values state: sealed-secrets
 * helm/sealed-secrets/templates/servicemonitor.yaml and values.yaml at helm-v2.16.2 and
 * helm-v2.17.1), so `namespace` is the SealedSecret's namespace, as the controller labels it, and
 * there is no `exported_namespace`; `job` and `instance` come from the target.
 */
function unsealErrorSeries(job: string, namespace: string, reason: string, values: string): InputSeries {
  return {
    series: `sealed_secrets_controller_unseal_errors_total{job="${job}",instance="10.0.0.1:8081",namespace="${namespace}",reason="${reason}"}`,
    values,
  };
}

export interface SecretsMonitoringProps {
  /** Production pages; elsewhere alerts wait for working hours (pagingSeverity). */
  readonly tier: Tier;
  /** The sealed-secrets chart's releases, one per cluster. */
  readonly sealedSecrets: AddonReleases;
}

/**
 * Secrets: the Sealed Secrets controller down or failing to unseal, on every cluster.
 *
 * No certificate alert here: we run no cert-manager, the Sealed Secrets controller exports no
 * metric about its sealing keys (it renews them itself and keeps the old ones for decryption), and
 * the certificates Kubernetes itself checks already alert through kube-prometheus-stack's default
 * rules (KubeClientCertificateExpiration, KubeletClientCertificateExpiration,
 * KubeletServerCertificateExpiration from kubernetes-mixin); a copy here would page twice.
 */
export function secretsMonitoring(props: SecretsMonitoringProps): MonitoringDomain {
  const severity = pagingSeverity(props);
  const recentErrors = `increase(${UNSEAL_ERRORS}[${UNSEAL_WINDOW}]) > 0 or (${UNSEAL_ERRORS} unless ${UNSEAL_ERRORS} offset ${UNSEAL_WINDOW})`;
  const failed = { namespace: 'payments', reason: 'unseal' };
  const jobs = sealedSecretsMetricsJobs(props.sealedSecrets);
  const [job] = jobs;
  return {
    name: 'secrets',
    recordings: [],
    alerts: [
      {
        name: 'SecretsSealedSecretUnsealFailed',
        // `namespace` is already the SealedSecret's: the ServiceMonitor honours the controller's labels.
        expr: `sum by (namespace, reason) (${recentErrors}) > 0`,
        for: UNSEAL_FOR,
        severity,
        summary: 'A SealedSecret in {{ $labels.namespace }} could not be unsealed ({{ $labels.reason }})',
        description:
          'The Sealed Secrets controller failed to turn a SealedSecret in {{ $labels.namespace }} into its Secret (reason {{ $labels.reason }}) within the last hour and gave up retrying: ' +
          'the Secret in the cluster is not what Git holds. The alert clears an hour after the last error, fixed or not; the SealedSecret condition Synced tells.',
        cases: {
          fires: {
            description: 'a new SealedSecret fails to decrypt: its error series appears with the retry burst',
            series: [unsealErrorSeries(job, failed.namespace, failed.reason, '_x10 6x50')],
            at: '15m',
            firing: [failed],
          },
          quiet: {
            description: 'the last decrypt error is older than an hour; a status update just failed',
            series: [unsealErrorSeries(job, failed.namespace, failed.reason, '6x100'), unsealErrorSeries(job, failed.namespace, 'status', '0x80 1x20')],
            at: '90m',
            firing: [],
          },
        },
      },
      controllerDownAlert({
        name: 'SecretsSealedSecretsControllerDown',
        controller: 'Sealed Secrets controller',
        jobs,
        severity,
        impact:
          'While it is down new and changed SealedSecrets are not unsealed (existing Secrets stay as they are) and kubeseal cannot fetch the sealing certificate from the cluster.',
      }),
    ],
  };
}
