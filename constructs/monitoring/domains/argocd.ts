import { Duration } from 'cdk8s';
import type { EnvironmentSpec } from '../../../environments/types';
import { argoDuration } from '../../argocd/argo-duration';
import type { MonitoringDomain } from '../alert-definition';
import { pagingSeverity } from './paging-severity';

const APP = { name: 'payments-api', project: 'platform' };

/**
 * Argo CD's application metrics (`argocd_app_info`, `argocd_app_sync_total`, exported by the
 * application controller on the management cluster; on other clusters the series do not exist and
 * the alerts stay quiet). The out-of-sync window is the environment's `driftDetection.alertAfter`.
 */
export function argoCdMonitoring(spec: EnvironmentSpec): MonitoringDomain {
  const window = spec.driftDetection.alertAfter;
  const windowMinutes = Math.ceil(window.toSeconds() / 60);
  const severity = pagingSeverity(spec);
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
        name: 'ArgoCdAppOutOfSync',
        expr: 'sum by (name, project) (argocd_app_info{sync_status="OutOfSync"}) > 0',
        for: window,
        severity,
        summary: 'Argo CD application {{ $labels.name }} has drifted from Git',
        description: `{{ $labels.name }} (project {{ $labels.project }}) has been OutOfSync for more than ${argoDuration(window)}: live objects differ from Git and self-heal has not restored them.`,
        cases: {
          fires: {
            description: `out of sync for longer than ${argoDuration(window)}`,
            series: [{ series: `argocd_app_info{name="${APP.name}",project="${APP.project}",sync_status="OutOfSync"}`, values: `1x${windowMinutes + 5}` }],
            at: `${windowMinutes + 2}m`,
            firing: [APP],
          },
          quiet: {
            description: 'out of sync for less than the window, then synced',
            series: [
              { series: `argocd_app_info{name="${APP.name}",project="${APP.project}",sync_status="OutOfSync"}`, values: `1x${Math.max(windowMinutes - 2, 0)} 0x10` },
            ],
            at: `${windowMinutes + 2}m`,
            firing: [],
          },
        },
      },
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
      {
        name: 'ArgoCdControllerDown',
        expr: 'max by (job) (up{job=~".*argocd-application-controller.*"}) == 0',
        for: Duration.minutes(5),
        severity,
        summary: 'The Argo CD application controller is down',
        description: 'Prometheus cannot scrape {{ $labels.job }}: while it is down nothing is synced, self-healed or reported as drifted.',
        cases: {
          fires: {
            description: 'the controller target is down',
            series: [{ series: 'up{job="argocd-application-controller-metrics",instance="10.0.0.1:8082"}', values: '0x15' }],
            at: '10m',
            firing: [{ job: 'argocd-application-controller-metrics' }],
          },
          quiet: {
            description: 'the controller target is up',
            series: [{ series: 'up{job="argocd-application-controller-metrics",instance="10.0.0.1:8082"}', values: '1x15' }],
            at: '10m',
            firing: [],
          },
        },
      },
    ],
  };
}
