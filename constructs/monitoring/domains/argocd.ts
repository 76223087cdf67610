import { Duration } from 'cdk8s';
import { ARGOCD_NAMESPACE } from '../../argocd/constants';
import type { Tier } from '../../core/tier';
import { ARGO_CD_CONTROLLER_SHARDS } from '../../platform/addons/argo-cd';
import type { MonitoringDomain } from '../alert-definition';
import { controllerDownAlert } from './controller-down';
import { pagingSeverity } from './paging-severity';
import { type AddonReleases, addonMetricsJobs } from './scrape-jobs';

/** Argo CD runs on the management cluster only; its namespace exists nowhere else (kube-state-metrics). */
const ARGOCD_RUNS_HERE = `kube_namespace_created{namespace="${ARGOCD_NAMESPACE}"}`;

const APP = { name: 'payments-api', project: 'platform' };

export interface ArgoCdMonitoringProps {
  /** Production pages; elsewhere alerts wait for working hours (pagingSeverity). */
  readonly tier: Tier;
  /** The argo-cd chart's release(s): its metrics Services are named after them. */
  readonly argoCd: AddonReleases;
}

/**
 * Argo CD's own health: its application metrics (`argocd_app_info`, `argocd_app_sync_total`,
 * exported by the application controller on the management cluster; on other clusters the series
 * do not exist and the alerts stay quiet) and its components being scraped. Drift by severity is
 * the gitops-drift domain. Job names: the argo-cd chart's metrics Services,
 * `<fullname>-<component>-metrics`, e.g. `argo-cd-argocd-repo-server-metrics`.
 */
export function argoCdMonitoring(props: ArgoCdMonitoringProps): MonitoringDomain {
  const severity = pagingSeverity(props);
  return {
    name: 'argocd',
    recordings: [
      {
        record: 'gitops:argocd_sync_success:ratio_rate1h',
        expr: 'sum(rate(argocd_app_sync_total{phase="Succeeded"}[1h])) / sum(rate(argocd_app_sync_total[1h]))',
        help: 'Share of Argo CD syncs in the last hour that succeeded (0 to 1), over every application.',
        cases: [
          {
            description: 'three syncs succeed for every one that fails',
            series: [
              { series: `argocd_app_sync_total{name="${APP.name}",project="${APP.project}",phase="Succeeded"}`, values: '0+3x60' },
              { series: `argocd_app_sync_total{name="${APP.name}",project="${APP.project}",phase="Failed"}`, values: '0+1x60' },
            ],
            at: '60m',
            samples: [{ labels: {}, value: 0.75 }],
          },
        ],
      },
    ],
    alerts: [
      {
        name: 'ArgoCdSyncFailed',
        expr: 'sum by (name, project) (increase(argocd_app_sync_total{phase=~"Error|Failed"}[10m])) > 0',
        for: Duration.minutes(1),
        severity,
        summary: 'Argo CD could not sync {{ $labels.name }}',
        description: '{{ $labels.name }} (project {{ $labels.project }}) had failed syncs in the last 10 minutes; retries are bounded, so it stays failed until someone looks.',
        cases: {
          fires: {
            description: 'a sync failed',
            series: [{ series: `argocd_app_sync_total{name="${APP.name}",project="${APP.project}",phase="Failed"}`, values: '0 0 1 1 1 1 1 1' }],
            at: '5m',
            firing: [APP],
          },
          quiet: {
            description: 'only successful syncs',
            series: [
              { series: `argocd_app_sync_total{name="${APP.name}",project="${APP.project}",phase="Failed"}`, values: '0x10' },
              { series: `argocd_app_sync_total{name="${APP.name}",project="${APP.project}",phase="Succeeded"}`, values: '0+1x10' },
            ],
            at: '5m',
            firing: [],
          },
        },
      },
      {
        name: 'ArgoCdAppDegraded',
        expr: 'sum by (name, project) (argocd_app_info{health_status="Degraded"}) > 0',
        for: Duration.minutes(5),
        severity,
        summary: 'Argo CD application {{ $labels.name }} is Degraded',
        description: '{{ $labels.name }} (project {{ $labels.project }}) has reported health Degraded for 5 minutes: a workload it deploys is failing.',
        cases: {
          fires: {
            description: 'degraded for 10 minutes',
            series: [{ series: `argocd_app_info{name="${APP.name}",project="${APP.project}",health_status="Degraded"}`, values: '1x15' }],
            at: '10m',
            firing: [APP],
          },
          quiet: {
            description: 'healthy',
            series: [{ series: `argocd_app_info{name="${APP.name}",project="${APP.project}",health_status="Healthy"}`, values: '1x15' }],
            at: '10m',
            firing: [],
          },
        },
      },
      controllerDownAlert({
        name: 'ArgoCdControllerDown',
        controller: 'Argo CD application controller',
        jobs: addonMetricsJobs(props.argoCd, (fullname) => `${fullname}-application-controller-metrics`),
        severity,
        impact: 'While a shard is down nothing is synced, self-healed or reported as drifted on its clusters (every cluster, with one shard).',
        onlyWhere: ARGOCD_RUNS_HERE,
        // Its replicas are shards: any one down stops its clusters (ARGO_CD_CONTROLLER_SHARDS).
        shards: ARGO_CD_CONTROLLER_SHARDS,
      }),
      controllerDownAlert({
        name: 'ArgoCdRepoServerDown',
        controller: 'Argo CD repo server',
        jobs: addonMetricsJobs(props.argoCd, (fullname) => `${fullname}-repo-server-metrics`),
        severity,
        impact: 'Argo CD cannot render manifests from Git, so no application can sync or be compared with a new revision.',
        onlyWhere: ARGOCD_RUNS_HERE,
      }),
    ],
  };
}
