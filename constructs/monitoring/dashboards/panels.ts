import * as bargauge from '@grafana/grafana-foundation-sdk/bargauge';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as gauge from '@grafana/grafana-foundation-sdk/gauge';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as statetimeline from '@grafana/grafana-foundation-sdk/statetimeline';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

/**
 * The panels of the gitops-cdk dashboards: every query goes to the Prometheus picked in the
 * dashboard's `datasource` variable and is scoped to the clusters picked in `cluster`, so one
 * dashboard works in each cluster's own Grafana and against a multi-cluster store alike.
 */

/** The dashboard variable every panel queries: a Prometheus data source chosen in the dashboard. */
export const PROMETHEUS_DATASOURCE: common.DataSourceRef = { type: 'prometheus', uid: '${datasource}' };

/**
 * `metric{cluster=~"$cluster"}`: the series of `metric` in the clusters picked in the dashboard.
 * `cluster` is the external label kube-prometheus-stack's Prometheus carries (its values in
 * addons/kube-prometheus-stack.ts). A cluster's own Prometheus stores its series without it, and
 * `.*` (the variable's "All") also matches an absent label, so the query works there too.
 */
export function inClusters(metric: string, matchers: string = ''): string {
  return `${metric}{cluster=~"$cluster"${matchers === '' ? '' : `,${matchers}`}}`;
}

/** One PromQL query of a panel. */
export interface PanelQuery {
  readonly expr: string;
  /**
   * Legend template, e.g. `{{drift_severity}}`.
   * @default - Grafana names each series by its labels
   */
  readonly legend?: string;
}

/** A threshold step: from `from` upwards the value is drawn in `color` (the first step starts at -inf). */
export interface ThresholdStep {
  readonly from: number;
  readonly color: string;
}

export interface PanelOptions {
  readonly title: string;
  /** What the panel shows and where the numbers come from (the recording rule or metric). */
  readonly description: string;
  readonly queries: readonly PanelQuery[];
  /** Grafana unit id (`units.Seconds`, `units.PercentUnit`, ...). @default units.Short */
  readonly unit?: string;
  /** Color of the value below the first step. @default 'green' */
  readonly baseColor?: string;
  /** Steps above the base color. @default - none: every value is drawn in the base color */
  readonly thresholds?: readonly ThresholdStep[];
  /**
   * What to show when the query returns no series, e.g. `0` for a count whose rule records nothing
   * while nothing is wrong.
   * @default - Grafana's "No data"
   */
  readonly noValue?: string;
  /** Width in grid columns (the grid is 24 wide). */
  readonly width: number;
  /** Height in grid rows. @default 8 */
  readonly height?: number;
  /**
   * Fixed colors of series by their name (legend), e.g. `SEVERITY_COLORS`.
   * @default - Grafana's palette, one color per series
   */
  readonly seriesColors?: Readonly<Record<string, string>>;
}

const DEFAULT_HEIGHT = 8;

/**
 * A count where anything above zero needs a look (drifted apps, aborted Rollouts, drifted
 * stacks): red from 1, and 0 instead of "No data" where nothing is recorded (a cluster without
 * Rollouts, Argo CD or drift checks has nothing to count).
 */
export const PROBLEM_COUNT: Pick<PanelOptions, 'thresholds' | 'noValue'> = { thresholds: [{ from: 1, color: 'red' }], noValue: '0' };

/**
 * The colors a severity is drawn in everywhere, so `critical` reads red on every dashboard: drift
 * severities (critical, warning, info) and Kyverno policy severities (critical, high, medium, low).
 */
export const SEVERITY_COLORS: Readonly<Record<string, string>> = {
  critical: 'red',
  high: 'orange',
  warning: 'orange',
  medium: 'yellow',
  low: 'blue',
  info: 'blue',
};

/** The builder methods every query panel kind of the SDK shares. */
interface QueryPanelBuilder<B> extends cog.Builder<dashboard.Panel> {
  title(title: string): B;
  description(description: string): B;
  datasource(datasource: common.DataSourceRef): B;
  targets(targets: cog.Builder<cog.Dataquery>[]): B;
  span(width: number): B;
  height(height: number): B;
  unit(unit: string): B;
  thresholds(thresholds: cog.Builder<dashboard.ThresholdsConfig>): B;
  overrideByName(name: string, properties: dashboard.DynamicConfigValue[]): B;
  noValue(noValue: string): B;
}

/** How a panel reads its queries: a time range (graphs) or the value at the end of it (tables, bars). */
type QueryKind = 'range' | 'instant';

function queries(options: PanelOptions, kind: QueryKind, format: prometheus.PromQueryFormat): prometheus.DataqueryBuilder[] {
  return options.queries.map((q, index) => {
    const query = new prometheus.DataqueryBuilder()
      // Fixed refIds (A, B, ...) so the JSON does not change when Grafana would number them.
      .refId(String.fromCharCode(65 + index))
      .datasource(PROMETHEUS_DATASOURCE)
      .editorMode(prometheus.QueryEditorMode.Code)
      .expr(q.expr)
      .format(format)
      .legendFormat(q.legend ?? '__auto');
    return kind === 'instant' ? query.instant() : query.range();
  });
}

function thresholdsOf(options: PanelOptions): dashboard.ThresholdsConfigBuilder {
  const steps: dashboard.Threshold[] = [
    { value: null, color: options.baseColor ?? 'green' },
    ...(options.thresholds ?? []).map((step) => ({ value: step.from, color: step.color })),
  ];
  return new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps(steps);
}

/** Applies what every panel has (title, queries, size, unit, thresholds) to a builder of any kind. */
function configured<B extends QueryPanelBuilder<B>>(
  builder: B,
  options: PanelOptions,
  kind: QueryKind,
  format: prometheus.PromQueryFormat = prometheus.PromQueryFormat.TimeSeries,
): B {
  let panel = builder
    .title(options.title)
    .description(options.description)
    .datasource(PROMETHEUS_DATASOURCE)
    .targets(queries(options, kind, format))
    .span(options.width)
    .height(options.height ?? DEFAULT_HEIGHT)
    .unit(options.unit ?? 'short')
    .thresholds(thresholdsOf(options));
  if (options.noValue !== undefined) panel = panel.noValue(options.noValue);
  for (const [series, color] of Object.entries(options.seriesColors ?? {})) {
    panel = panel.overrideByName(series, [{ id: 'color', value: { mode: 'fixed', fixedColor: color } }]);
  }
  return panel;
}

/** The last value of each series (in the dashboard's time range) as a big number. */
export function statPanel(options: PanelOptions): stat.PanelBuilder {
  return configured(new stat.PanelBuilder(), options, 'range')
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .colorMode(common.BigValueColorMode.Value)
    .graphMode(common.BigValueGraphMode.Area);
}

/** The last value of a 0..1 ratio on a dial. */
export function gaugePanel(options: PanelOptions): gauge.PanelBuilder {
  return configured(new gauge.PanelBuilder(), options, 'range')
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .min(0)
    .max(1)
    .showThresholdMarkers(true);
}

/** The series over the dashboard's time range. */
export function timeseriesPanel(options: PanelOptions & { readonly stacked?: boolean }): timeseries.PanelBuilder {
  return configured(new timeseries.PanelBuilder(), options, 'range')
    .fillOpacity(10)
    .stacking(new common.StackingConfigBuilder().mode(options.stacked === true ? common.StackingMode.Normal : common.StackingMode.None))
    .legend(
      new common.VizLegendOptionsBuilder().displayMode(common.LegendDisplayMode.Table).placement(common.LegendPlacement.Right).showLegend(true).calcs(['lastNotNull', 'max']),
    );
}

/** The current value of each series as a horizontal bar, largest first when the query sorts. */
export function barGaugePanel(options: PanelOptions): bargauge.PanelBuilder {
  return configured(new bargauge.PanelBuilder(), options, 'instant')
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .orientation(common.VizOrientation.Horizontal)
    .displayMode(common.BarGaugeDisplayMode.Basic)
    .showUnfilled(true);
}

/** The current series as rows, one column per label; the `Time` column is left out. */
export function tablePanel(options: PanelOptions): table.PanelBuilder {
  return configured(new table.PanelBuilder(), options, 'instant', prometheus.PromQueryFormat.Table)
    .filterable(true)
    .withTransformation({ id: 'organize', options: { excludeByName: { Time: true } } });
}

/** A 0/1 series per instance as colored bands over time (e.g. drift of each Terraform stack). */
export function stateTimelinePanel(options: PanelOptions): statetimeline.PanelBuilder {
  return configured(new statetimeline.PanelBuilder(), options, 'range').mergeValues(true).showValue(common.VisibilityMode.Never);
}
