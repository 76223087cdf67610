import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { MonitoringDomain } from '../monitoring/alert-definition';
import { GrafanaDashboards, type GrafanaDashboardsProps } from '../monitoring/dashboards/grafana-dashboards';
import { PrometheusRules } from '../monitoring/prometheus-rules';
import { runbookUrls } from '../monitoring/runbooks';

/**
 * What the dashboards and runbook links read of the environment: handed through unchanged to the
 * monitoring constructs (constructs/monitoring/), whose signatures say which fields they read.
 */
export type ObservabilityEnvironment = Parameters<typeof runbookUrls>[0] & GrafanaDashboardsProps['spec'];

export interface ObservabilityChartProps extends ChartProps {
  readonly spec: ObservabilityEnvironment;
  /** The monitoring domains of the environment: one PrometheusRule each. */
  readonly domains: readonly MonitoringDomain[];
}

/**
 * Monitoring content synced to every cluster (seed WS3's observability sync): one PrometheusRule
 * per monitoring domain, picked up by kube-prometheus-stack (its rule selector takes every
 * PrometheusRule), and the gitops-cdk Grafana dashboards as ConfigMaps its Grafana sidecar loads.
 * Scrape targets come from the add-on charts' ServiceMonitors (addon-catalog.ts).
 */
export class ObservabilityChart extends Chart {
  readonly rules: readonly PrometheusRules[];
  readonly dashboards: GrafanaDashboards;

  constructor(scope: Construct, id: string, props: ObservabilityChartProps) {
    super(scope, id, props);
    const runbookUrl = runbookUrls(props.spec);
    this.rules = props.domains.map((domain) => new PrometheusRules(this, domain.name, { domain, runbookUrl }));
    this.dashboards = new GrafanaDashboards(this, 'dashboards', { spec: props.spec });
  }
}
