import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { parser } from '@prometheus-io/lezer-promql';
import { App, Chart } from 'cdk8s';
import { monitoringDomains } from '../../apps/assembly/monitoring-domains';
import type { MonitoringDomain } from '../../constructs/monitoring/alert-definition';
import { DashboardConfigMap, MAX_DASHBOARD_BYTES } from '../../constructs/monitoring/dashboards/dashboard-config-map';
import { gitopsDashboard } from '../../constructs/monitoring/dashboards/gitops-dashboard';
import { gitopsDashboards } from '../../constructs/monitoring/dashboards/grafana-dashboards';
import { inClusters, statPanel, tablePanel } from '../../constructs/monitoring/dashboards/panels';
import { ObservabilityChart } from '../../constructs/platform/observability-chart';
import { renderChart } from '../../constructs/synth/render-chart';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

/** Grafana replaces its interval macros before Prometheus sees the query; the parser gets a duration. */
const GRAFANA_INTERVAL_MACROS = /\$__(rate_interval|interval|range)\b/g;

/** What a PromQL expression reads: the metric names of its selectors, and where it does not parse. */
interface PromqlReads {
  readonly metrics: string[];
  readonly errors: number[];
}

/**
 * The metric names a PromQL expression selects: `name{...}`, `{__name__="name"}` and
 * `{"name"}`. A selector whose name cannot be known (`{__name__=~"a|b"}`) is returned as its
 * text, so it is reported rather than silently passing.
 */
function promqlReads(expr: string): PromqlReads {
  const text = expr.replace(GRAFANA_INTERVAL_MACROS, '5m');
  const metrics: string[] = [];
  const errors: number[] = [];
  parser.parse(text).iterate({
    enter: (ref) => {
      if (ref.type.isError) errors.push(ref.from);
      if (ref.name !== 'VectorSelector') return;
      const selector = ref.node;
      const identifier = selector.getChild('Identifier');
      if (identifier !== null) {
        metrics.push(text.slice(identifier.from, identifier.to));
        return;
      }
      const matchers = selector.getChild('LabelMatchers');
      const quotedName = matchers?.getChild('QuotedLabelName')?.getChild('StringLiteral');
      const nameMatcher = matchers
        ?.getChildren('UnquotedLabelMatcher')
        .find(
          (m) =>
            m.getChild('LabelName') !== null &&
            text.slice(m.getChild('LabelName')!.from, m.getChild('LabelName')!.to) === '__name__' &&
            m.getChild('MatchOp')?.getChild('EqlSingle') !== null,
        )
        ?.getChild('StringLiteral');
      const literal = quotedName ?? nameMatcher;
      metrics.push(literal != null ? text.slice(literal.from + 1, literal.to - 1) : text.slice(selector.from, selector.to));
    },
  });
  return { metrics, errors };
}

/** One PromQL query of a dashboard, and where it is (dashboard / panel or variable / refId). */
interface DashboardQuery {
  readonly where: string;
  readonly expr: string;
}

/** `label_values(<selector>, <label>)`: the cluster variable's Grafana query; its selector is PromQL. */
const LABEL_VALUES = /^label_values\((.+),\s*\w+\)$/;

function panelsOf(model: dashboard.Dashboard): dashboard.Panel[] {
  return (model.panels ?? []).flatMap((p) => (p.type === 'row' ? ((p as dashboard.RowPanel).panels ?? []) : [p as dashboard.Panel]));
}

function queriesOf(model: dashboard.Dashboard): DashboardQuery[] {
  const panelQueries = panelsOf(model).flatMap((panel) =>
    (panel.targets ?? []).map((target) => {
      const { expr, refId } = target as unknown as { expr: string; refId: string };
      return { where: `${model.uid} / ${panel.title} / ${refId}`, expr };
    }),
  );
  const variableQueries = (model.templating.list ?? [])
    .filter((v) => v.type === 'query')
    .map((v) => ({ where: `${model.uid} / variable ${v.name}`, expr: LABEL_VALUES.exec(String(v.query))?.[1] ?? String(v.query) }));
  return [...panelQueries, ...variableQueries];
}

/**
 * The metrics our rules know: every recording rule's name, and every metric an alert or a
 * recording rule reads (so Prometheus scrapes or receives it, or the rule would be useless).
 */
function knownMetrics(domains: readonly MonitoringDomain[]): Set<string> {
  const rules = domains.flatMap((d) => [...d.recordings, ...d.alerts]);
  return new Set([...domains.flatMap((d) => d.recordings.map((r) => r.record)), ...rules.flatMap((r) => promqlReads(r.expr).metrics)]);
}

/** `where: metric` for each metric a dashboard queries that no rule records or reads. */
function unknownMetrics(models: readonly dashboard.Dashboard[], domains: readonly MonitoringDomain[]): string[] {
  const known = knownMetrics(domains);
  return models.flatMap((m) =>
    queriesOf(m).flatMap((q) =>
      promqlReads(q.expr)
        .metrics.filter((metric) => !known.has(metric))
        .map((metric) => `${q.where}: ${metric}`),
    ),
  );
}

const DRIFT_DOMAIN: MonitoringDomain = {
  name: 'example',
  alerts: [],
  recordings: [{ record: 'gitops:drifted_apps:count', expr: 'count by (drift_severity) (gitops:argocd_app_out_of_sync:bool == 1)', help: 'x', cases: [] }],
};

describe('promqlReads', () => {
  it('finds the metric of each selector, however it is named', () => {
    expect(promqlReads('sum by (a) (rate(x_total[$__rate_interval])) / on() {__name__="y"} + time() - max(z offset 5m) + {"w.v"}')).toEqual({
      metrics: ['x_total', 'y', 'z', 'w.v'],
      errors: [],
    });
  });

  it('returns a selector whose name it cannot know as its text, and reports syntax errors', () => {
    expect(promqlReads('{__name__=~"a|b"}').metrics).toEqual(['{__name__=~"a|b"}']);
    expect(promqlReads('sum by (a (x)').errors.length).toBeGreaterThan(0);
  });
});

describe('unknownMetrics', () => {
  const model = (expr: string): dashboard.Dashboard =>
    gitopsDashboard(
      { uid: 'example', title: 'Example', description: 'x' },
      { clusterSource: 'gitops:drifted_apps:count', sections: [{ title: 'Row', panels: [statPanel({ title: 'Panel', description: 'x', queries: [{ expr }], width: 6 })] }] },
    );

  it('accepts recording rules and the metrics rules read', () => {
    expect(unknownMetrics([model(inClusters('gitops:drifted_apps:count'))], [DRIFT_DOMAIN])).toEqual([]);
    expect(unknownMetrics([model(inClusters('gitops:argocd_app_out_of_sync:bool'))], [DRIFT_DOMAIN])).toEqual([]);
  });

  it('fails a panel that queries a made-up metric, naming the dashboard, panel and query', () => {
    expect(unknownMetrics([model(`sum(${inClusters('gitops:made_up:count')})`)], [DRIFT_DOMAIN])).toEqual(['example / Panel / A: gitops:made_up:count']);
  });

  it('fails a cluster variable that reads a made-up metric', () => {
    const withVariable = gitopsDashboard({ uid: 'example', title: 'Example', description: 'x' }, { clusterSource: 'made_up_info', sections: [] });
    expect(unknownMetrics([withVariable], [DRIFT_DOMAIN])).toEqual(['example / variable cluster: made_up_info']);
  });
});

describe('panels', () => {
  const built = (options: Parameters<typeof statPanel>[0]): dashboard.Panel => statPanel(options).build();
  const minimal = { title: 'T', description: 'D', queries: [{ expr: 'x' }], width: 6 };

  it('defaults to 8 rows high, unit short, green below any threshold and series named by their labels', () => {
    const panel = built(minimal);
    expect(panel.gridPos).toMatchObject({ h: 8, w: 6 });
    expect(panel.fieldConfig?.defaults.unit).toBe('short');
    expect(panel.fieldConfig?.defaults.thresholds?.steps).toEqual([{ value: null, color: 'green' }]);
    expect(panel.targets).toEqual([expect.objectContaining({ refId: 'A', expr: 'x', legendFormat: '__auto', datasource: { type: 'prometheus', uid: '${datasource}' } })]);
    expect(panel.fieldConfig?.defaults.noValue).toBeUndefined();
    expect(panel.fieldConfig?.overrides).toEqual([]);
  });

  it('reads tables as instant queries in table format', () => {
    expect(tablePanel(minimal).build().targets).toEqual([expect.objectContaining({ instant: true, format: 'table' })]);
  });

  it('scopes a selector to the clusters picked in the dashboard, keeping other matchers', () => {
    expect(inClusters('rollout_info')).toBe('rollout_info{cluster=~"$cluster"}');
    expect(inClusters('rollout_info', 'phase!="Healthy"')).toBe('rollout_info{cluster=~"$cluster",phase!="Healthy"}');
  });
});

describe('DashboardConfigMap', () => {
  const chart = (): Chart => new Chart(new App(), 'prod');
  const model = (uid: string): dashboard.Dashboard => gitopsDashboard({ uid, title: 'Example', description: 'x' }, { clusterSource: 'up', sections: [] });

  it('rejects a uid that is not a DNS label, naming the construct path and the fix', () => {
    expect(() => new DashboardConfigMap(chart(), 'bad', { dashboard: model('GitOps_Drift') })).toThrow(
      `prod/bad: dashboard uid is "GitOps_Drift"; use 1-40 lower-case letters, digits and '-' (e.g. 'gitops-cdk-drift')`,
    );
  });

  it('rejects a dashboard too large for Argo CD to apply', () => {
    const huge = { ...model('huge'), description: 'x'.repeat(MAX_DASHBOARD_BYTES) };
    expect(() => new DashboardConfigMap(chart(), 'huge', { dashboard: huge })).toThrow(
      /prod\/huge: dashboard huge is \d+ bytes of JSON; Argo CD's client-side apply allows 204800 \(split it into two dashboards\)/,
    );
  });
});

/** The dashboards and the titles of the panels each must have (issue 5). */
const EXPECTED_PANELS: Readonly<Record<string, readonly string[]>> = {
  'gitops-cdk-drift': ['Apps out of sync by severity', 'Drift duration per app', 'MTTD', 'MTTR', 'Sync success rate', 'Applications out of sync'],
  'gitops-cdk-policy-compliance': ['Compliance score', 'Compliance score gauge', 'Compliance score trend', 'Top violations', 'Failures by severity'],
  'gitops-cdk-delivery': ['Rollouts aborted', 'Rollouts by phase', 'Rollouts not completed'],
  'gitops-cdk-terraform-drift': ['Drifted stacks', 'Stacks with drift', 'Time since last drift check', 'Failed drift checks'],
  'gitops-cdk-backup': ['RPO target', 'RTO target', 'Newest backup age over its allowance', 'Newest successful backup per schedule', 'Backup duration'],
};

/** The recording rules and metrics each dashboard must read (the issue's contract names). */
const EXPECTED_METRICS: Readonly<Record<string, readonly string[]>> = {
  'gitops-cdk-drift': [
    'gitops:drifted_apps:count',
    'gitops:drift_duration_seconds:sum1h',
    'gitops:drift_mttd_seconds:avg1h',
    'gitops:drift_mttr_seconds:avg1d',
    'gitops:argocd_sync_success:ratio_rate1h',
  ],
  'gitops-cdk-policy-compliance': ['gitops:policy_compliance_score:ratio', 'gitops:policy_failures:count', 'gitops:policy_failures_by_severity:count'],
  'gitops-cdk-delivery': ['gitops:rollouts_aborted:count'],
  'gitops-cdk-terraform-drift': ['gitops_terraform_drift_detected', 'gitops_terraform_drift_check_last_run_timestamp_seconds', 'gitops:terraform_drifted_stacks:count'],
  'gitops-cdk-backup': ['velero_backup_last_successful_timestamp', 'velero_backup_failure_total', 'schedule:velero_backup_duration_seconds:mean1d'],
};

function panelNamed(model: dashboard.Dashboard, title: string): dashboard.Panel {
  const panel = panelsOf(model).find((p) => p.title === title);
  if (panel === undefined) throw new Error(`${model.uid} has no panel "${title}"`);
  return panel;
}

function thresholdValues(panel: dashboard.Panel): (number | null)[] {
  return (panel.fieldConfig?.defaults.thresholds?.steps ?? []).map((s) => s.value);
}

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec: EnvironmentSpec) => {
  const observability = new ObservabilityChart(new App(), 'observability', { spec, domains: monitoringDomains(spec) });
  const configMaps = renderChart(observability)
    .map((o) => o.manifest)
    .filter((m) => m.kind === 'ConfigMap');
  const models = observability.dashboards.configMaps.map((c) => JSON.parse(c.json) as dashboard.Dashboard);
  const byUid = new Map(models.map((m) => [m.uid!, m]));

  it('ships each dashboard as a ConfigMap in monitoring that the Grafana sidecar loads (label grafana_dashboard: "1")', () => {
    expect(configMaps.map((m) => [m.metadata.name, m.metadata.namespace, m.metadata.labels?.grafana_dashboard])).toEqual(
      Object.keys(EXPECTED_PANELS).map((uid) => [`${uid}-dashboard`, 'monitoring', '1']),
    );
  });

  it('stores the dashboard JSON under <uid>.json, parseable, with the uid it is named after', () => {
    for (const manifest of configMaps) {
      const data = (manifest as unknown as { data: Record<string, string> }).data;
      const [key] = Object.keys(data);
      const model = JSON.parse(data[key!]!) as dashboard.Dashboard;
      expect(key).toBe(`${model.uid}.json`);
      expect(model.title!.length).toBeGreaterThan(0);
    }
  });

  it('keeps stable, unique uids and writes the same JSON on every synth', () => {
    expect(models.map((m) => m.uid)).toEqual(Object.keys(EXPECTED_PANELS));
    expect(gitopsDashboards(spec).map((m) => `${JSON.stringify(m, null, 2)}\n`)).toEqual(observability.dashboards.configMaps.map((c) => c.json));
    for (const model of models) expect(model).not.toHaveProperty('id');
  });

  it('numbers the panels of each dashboard 1, 2, 3, ... in order', () => {
    for (const model of models) expect((model.panels ?? []).map((p) => p.id)).toEqual((model.panels ?? []).map((_, i) => i + 1));
  });

  it('queries the Prometheus of the datasource variable, in the clusters of the cluster variable', () => {
    for (const model of models) {
      expect(model.templating.list?.map((v) => [v.name, v.type])).toEqual([
        ['datasource', 'datasource'],
        ['cluster', 'query'],
      ]);
      for (const panel of panelsOf(model).filter((p) => p.type !== 'row')) {
        expect([panel.title, panel.datasource]).toEqual([panel.title, { type: 'prometheus', uid: '${datasource}' }]);
        for (const target of panel.targets ?? []) expect((target as unknown as { expr: string }).expr).toContain('cluster=~"$cluster"');
      }
    }
  });

  it.each(Object.entries(EXPECTED_PANELS))('%s has the panels of the issue', (uid, titles) => {
    const model = byUid.get(uid)!;
    for (const title of titles) expect(panelNamed(model, title).title).toBe(title);
  });

  it.each(Object.entries(EXPECTED_METRICS))('%s reads the contract metrics', (uid, metrics) => {
    const read = new Set(queriesOf(byUid.get(uid)!).flatMap((q) => promqlReads(q.expr).metrics));
    expect(metrics.filter((m) => !read.has(m))).toEqual([]);
  });

  it('writes PromQL that parses in every panel and variable', () => {
    for (const query of models.flatMap(queriesOf)) expect([query.where, promqlReads(query.expr).errors]).toEqual([query.where, []]);
  });

  it('reads only recording rules of our domains or metrics our rules read', () => {
    expect(unknownMetrics(models, monitoringDomains(spec))).toEqual([]);
  });

  it("colors MTTD against the environment's reconciliation interval", () => {
    const interval = spec.driftDetection.interval.toSeconds();
    expect(thresholdValues(panelNamed(byUid.get('gitops-cdk-drift')!, 'MTTD'))).toEqual([null, interval, 2 * interval]);
  });

  it("colors the age of Terraform drift checks against the environment's check interval", () => {
    const interval = spec.infrastructure.driftCheckIntervalMinutes * 60;
    expect(thresholdValues(panelNamed(byUid.get('gitops-cdk-terraform-drift')!, 'Time since last drift check'))).toEqual([null, 2 * interval, 2.5 * interval]);
  });
});
