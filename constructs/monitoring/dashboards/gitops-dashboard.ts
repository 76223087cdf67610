import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { PROMETHEUS_DATASOURCE } from './panels';

/** Tag of every gitops-cdk dashboard: Grafana's search and each dashboard's links list them by it. */
export const DASHBOARD_TAG = 'gitops-cdk';

/** What names a dashboard in Grafana. */
export interface DashboardIdentity {
  /**
   * Grafana's id of the dashboard across instances (1-40 letters, digits, `-`, `_`): bookmarks and
   * links use it, so it never changes once shipped.
   */
  readonly uid: string;
  readonly title: string;
  readonly description: string;
}

/** A titled row of panels. */
export interface DashboardSection {
  readonly title: string;
  readonly panels: readonly cog.Builder<dashboard.Panel>[];
}

export interface GitopsDashboardOptions {
  /**
   * A metric present wherever the dashboard has data: the `cluster` variable offers the clusters
   * that report it (in a multi-cluster store; a cluster's own Prometheus offers only "All").
   */
  readonly clusterSource: string;
  readonly sections: readonly DashboardSection[];
}

/** Panels are numbered in order, so a link to `viewPanel=<id>` stays valid from one synth to the next. */
function numberPanels(built: dashboard.Dashboard): dashboard.Dashboard {
  (built.panels ?? []).forEach((panel, index) => {
    panel.id = index + 1;
  });
  return built;
}

/**
 * A gitops-cdk dashboard: the Prometheus data source and the clusters as variables, the other
 * gitops-cdk dashboards as links, read-only (Git is the source; the provisioned copy cannot be
 * saved from the UI anyway) and with nothing in it that changes between two synths.
 */
export function gitopsDashboard(identity: DashboardIdentity, options: GitopsDashboardOptions): dashboard.Dashboard {
  const builder = new dashboard.DashboardBuilder(identity.title)
    .uid(identity.uid)
    .description(identity.description)
    .tags([DASHBOARD_TAG])
    .readonly()
    // UTC like kube-prometheus-stack's own dashboards (defaultDashboardsTimezone), and like the alerts.
    .timezone('utc')
    .time({ from: 'now-24h', to: 'now' })
    .refresh('1m')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .withVariable(new dashboard.DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'))
    .withVariable(
      new dashboard.QueryVariableBuilder('cluster')
        .label('Cluster')
        .datasource(PROMETHEUS_DATASOURCE)
        .query(`label_values(${options.clusterSource}, cluster)`)
        .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
        .sort(dashboard.VariableSort.AlphabeticalAsc)
        .multi(true)
        .includeAll(true)
        .allValue('.*')
        .current({ selected: true, text: ['All'], value: ['$__all'] }),
    )
    .link(
      new dashboard.DashboardLinkBuilder('GitOps dashboards').type(dashboard.DashboardLinkType.Dashboards).tags([DASHBOARD_TAG]).asDropdown(true).includeVars(true).keepTime(true),
    );
  for (const section of options.sections) {
    builder.withRow(new dashboard.RowBuilder(section.title));
    for (const panel of section.panels) builder.withPanel(panel);
  }
  return numberPanels(builder.build());
}
