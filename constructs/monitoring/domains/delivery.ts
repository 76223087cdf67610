import { Duration } from 'cdk8s';
import type { Tier } from '../../core/tier';
import type { MonitoringDomain } from '../alert-definition';
import type { InputSeries } from '../types';
import { controllerDownAlert } from './controller-down';
import { pagingSeverity } from './paging-severity';
import { type AddonReleases, addonMetricsJobs, type MetricsJobs, withObjectNamespace } from './scrape-jobs';

/**
 * The `job` of the Argo Rollouts controller's metrics on each cluster: the chart's metrics Service
 * is `<fullname>-metrics` (argo-helm charts/argo-rollouts/templates/controller/metrics-service.yaml),
 * and `fullname` is the release name `<cluster>-argo-rollouts`, e.g. `dev-aks-weu-argo-rollouts-metrics`.
 */
export function argoRolloutsMetricsJobs(releases: AddonReleases): MetricsJobs {
  return addonMetricsJobs(releases, (fullname) => `${fullname}-metrics`);
}

/**
 * Rollouts as `rollout_info{namespace, name, strategy, traffic_router, phase}` (value 1) describes
 * them, one series per Rollout and per controller replica that exports it (the chart runs two), so
 * `max by (namespace, name)` counts each Rollout once. `phase` is the controller's own reading of
 * the Rollout (controller/metrics/rollouts.go calculatePhase): `Abort` while the Progressing
 * condition says RolloutAborted; also Completed, Progressing, Paused, Timeout, Error, InvalidSpec.
 */
function rollouts(phaseMatcher: string): string {
  return `max by (namespace, name) (${withObjectNamespace(`rollout_info${phaseMatcher}`)})`;
}

const ABORTED_ROLLOUTS = rollouts('{phase="Abort"}');

/** An aborted Rollout stays aborted until someone acts, so a minute only skips a scrape's worth of doubt. */
const ABORTED_FOR = Duration.minutes(1);

/** A Rollout as the controller's ServiceMonitor stores it: the object's namespace renamed to `exported_namespace`. */
function rolloutSeries(job: string, pod: string, rollout: { readonly namespace: string; readonly name: string }, phase: string, values: string): InputSeries {
  return {
    series: `rollout_info{job="${job}",pod="${pod}",namespace="argo-rollouts",exported_namespace="${rollout.namespace}",name="${rollout.name}",strategy="canary",phase="${phase}"}`,
    values,
  };
}

const PAYMENTS_API = { namespace: 'payments', name: 'payments-api' };
const PAYMENTS_WORKER = { namespace: 'payments', name: 'payments-worker' };
const CHECKOUT_WEB = { namespace: 'checkout', name: 'checkout-web' };

export interface DeliveryMonitoringProps {
  /** Production pages; elsewhere alerts wait for working hours (pagingSeverity). */
  readonly tier: Tier;
  /** The argo-rollouts chart's releases, one per cluster. */
  readonly argoRollouts: AddonReleases;
}

/**
 * Progressive delivery with Argo Rollouts, on every cluster: a Rollout aborted and the Rollouts
 * controller down, and the count of aborted Rollouts per namespace for the delivery dashboard.
 *
 * No alert of its own for failing AnalysisRuns: a Failed or Error AnalysisRun of a Rollout aborts
 * it (rollout/analysis.go setPauseOrAbort), so DeliveryRolloutAborted already fires, once; and
 * `analysis_run_info{phase="Failed"}` stays as long as the run is kept as history, so an alert on it
 * would not resolve when the Rollout is fixed.
 */
export function deliveryMonitoring(props: DeliveryMonitoringProps): MonitoringDomain {
  const severity = pagingSeverity(props);
  const jobs = argoRolloutsMetricsJobs(props.argoRollouts);
  const [job] = jobs;
  return {
    name: 'delivery',
    recordings: [
      {
        record: 'gitops:rollouts_aborted:count',
        // `or 0 * ...`: namespaces that have Rollouts but none aborted record 0, not nothing, so the
        // dashboard draws a line at zero instead of a gap.
        expr: `count by (namespace) (${ABORTED_ROLLOUTS}) or 0 * count by (namespace) (${rollouts('')})`,
        help: 'Aborted Argo Rollouts per namespace (0 where a namespace has Rollouts and none is aborted).',
        cases: [
          {
            description: 'two Rollouts aborted in payments, none in checkout, each exported by both controller replicas',
            series: [
              rolloutSeries(job, 'controller-a', PAYMENTS_API, 'Abort', '1x10'),
              rolloutSeries(job, 'controller-b', PAYMENTS_API, 'Abort', '1x10'),
              rolloutSeries(job, 'controller-a', PAYMENTS_WORKER, 'Abort', '1x10'),
              rolloutSeries(job, 'controller-a', CHECKOUT_WEB, 'Completed', '1x10'),
              rolloutSeries(job, 'controller-b', CHECKOUT_WEB, 'Completed', '1x10'),
            ],
            at: '5m',
            samples: [
              { labels: { namespace: 'checkout' }, value: 0 },
              { labels: { namespace: 'payments' }, value: 2 },
            ],
          },
          {
            description: 'a ServiceMonitor that honours the controller labels (no exported_namespace)',
            series: [{ series: `rollout_info{job="${job}",namespace="payments",name="payments-api",strategy="canary",phase="Abort"}`, values: '1x10' }],
            at: '5m',
            samples: [{ labels: { namespace: 'payments' }, value: 1 }],
          },
        ],
      },
    ],
    alerts: [
      {
        name: 'DeliveryRolloutAborted',
        expr: ABORTED_ROLLOUTS,
        for: ABORTED_FOR,
        severity,
        summary: 'Rollout {{ $labels.namespace }}/{{ $labels.name }} was aborted',
        description:
          'Argo Rollouts aborted {{ $labels.namespace }}/{{ $labels.name }}: a failed analysis or a manual abort sent all traffic back to the stable version. ' +
          'The version in Git is not running, and the Rollout stays aborted until it is retried or Git moves to a fixed or reverted version.',
        cases: {
          fires: {
            description: 'aborted for 5 minutes',
            series: [rolloutSeries(job, 'controller-a', PAYMENTS_API, 'Abort', '1x10')],
            at: '5m',
            firing: [PAYMENTS_API],
          },
          quiet: {
            description: 'paused at a canary step, as planned',
            series: [rolloutSeries(job, 'controller-a', PAYMENTS_API, 'Paused', '1x10')],
            at: '5m',
            firing: [],
          },
        },
      },
      controllerDownAlert({
        name: 'DeliveryRolloutsControllerDown',
        controller: 'Argo Rollouts controller',
        jobs,
        severity,
        impact: 'While it is down no Rollout progresses, no analysis runs and nothing is aborted: a bad canary keeps its share of traffic.',
      }),
    ],
  };
}
