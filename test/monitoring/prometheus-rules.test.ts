import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { App, Chart } from 'cdk8s';
import { parse } from 'yaml';
import { buildKubernetesEstate } from '../../apps/assembly/kubernetes-estate';
import { argoDuration } from '../../constructs/argocd/argo-duration';
import type { AlertDefinition } from '../../constructs/monitoring/alert-definition';
import { complianceReportMonitoring } from '../../constructs/monitoring/domains/compliance-report';
import { PrometheusRules } from '../../constructs/monitoring/prometheus-rules';
import { promtoolSuite } from '../../constructs/monitoring/promtool-suite';
import { runbookUrls } from '../../constructs/monitoring/runbooks';
import type { AlertingRule, PromtoolTest } from '../../constructs/monitoring/types';
import type { EnvironmentSpec } from '../../environments/types';
import { FIXTURE_REPOSITORY, fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The positions of PromQL syntax errors in `expr`; empty when it parses. */
function promqlErrors(expr: string): number[] {
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

describe('promqlErrors', () => {
  it('finds the error in broken PromQL, and none in valid PromQL', () => {
    expect(promqlErrors('sum by (name) (rate(x[5m])) > 0')).toEqual([]);
    expect(promqlErrors('sum by (name (rate(x[5m])) > 0').length).toBeGreaterThan(0);
  });
});

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec: EnvironmentSpec) => {
  const rules = buildKubernetesEstate(spec).prometheusRules;
  const alerts = rules.flatMap((r) => r.group.rules.filter((rule): rule is AlertingRule => 'alert' in rule));
  const definitions: AlertDefinition[] = rules.flatMap((r) => [...r.domain.alerts]);

  it('writes PromQL that parses, in every alert and recording rule', () => {
    for (const rule of rules.flatMap((r) => r.group.rules)) expect([rule.expr, promqlErrors(rule.expr)]).toEqual([rule.expr, []]);
  });

  it('gives every alert a severity, a summary, a description and a runbook in this repository', () => {
    for (const alert of alerts) {
      expect(['critical', 'warning', 'info']).toContain(alert.labels.severity);
      expect(alert.annotations.summary!.length).toBeGreaterThan(10);
      expect(alert.annotations.description!.length).toBeGreaterThan(20);
      expect(alert.annotations.runbook_url).toBe(`https://github.com/${FIXTURE_REPOSITORY}/blob/main/README.md#${alert.alert.toLowerCase()}`);
    }
  });

  it(`pages (critical) in production only: ${spec.tier}`, () => {
    const critical = alerts.filter((a) => a.labels.severity === 'critical').map((a) => a.alert);
    if (spec.tier === 'production') expect(critical).toEqual(expect.arrayContaining(['ArgoCdSyncFailed', 'ArgoCdControllerDown', 'GitOpsDriftCritical']));
    else expect(critical).toEqual([]);
  });

  it.each(['critical', 'warning', 'info'] as const)("waits the drift policy's window for %s drift and labels its remediation", (severity) => {
    const name = `GitOpsDrift${severity.charAt(0).toUpperCase()}${severity.slice(1)}`;
    const { strategy, alertAfter } = spec.driftDetection.remediation[severity];
    expect(alerts.find((a) => a.alert === name)).toMatchObject({
      for: argoDuration(alertAfter),
      labels: { remediation: strategy },
      expr: `gitops:argocd_app_out_of_sync:bool{drift_severity="${severity}"} == 1`,
    });
  });

  it('links every alert to a README section that exists (the runbook_url anchor)', () => {
    const headings = new Set([...README.matchAll(/^#### (\w+)$/gm)].map((m) => m[1]!.toLowerCase()));
    const missing = alerts.map((a) => a.alert.toLowerCase()).filter((anchor) => !headings.has(anchor));
    expect(missing).toEqual([]);
  });

  it('pins the arithmetic of every recording rule with a promtool case', () => {
    for (const recording of rules.flatMap((r) => r.domain.recordings)) expect([recording.record, recording.cases.length > 0]).toEqual([recording.record, true]);
  });

  it('has a promtool case where each alert fires and one where it stays quiet', () => {
    for (const definition of definitions) {
      expect([definition.name, definition.cases.fires.firing.length > 0, definition.cases.quiet.firing.length]).toEqual([definition.name, true, 0]);
    }
  });

  it('emits each domain as a rule file and promtool tests that read it', () => {
    for (const domain of rules) {
      const files = promtoolSuite(domain);
      const tests = parse(files.get('tests.yaml')!) as { rule_files: string[]; tests: PromtoolTest[] };
      expect(tests.rule_files).toEqual(['rules.yaml']);
      expect(parse(files.get('rules.yaml')!)).toEqual({ groups: [domain.group] });
      expect(tests.tests.flatMap((t) => t.alert_rule_test ?? []).map((t) => t.alertname)).toEqual(
        domain.domain.alerts.flatMap((a) => Array<string>(2 + (a.cases.alsoFires?.length ?? 0) + (a.cases.alsoQuiet?.length ?? 0)).fill(a.name)),
      );
      expect(tests.tests.flatMap((t) => t.promql_expr_test ?? []).map((t) => t.expr)).toEqual(domain.domain.recordings.flatMap((r) => r.cases.map(() => r.record)));
    }
  });
});

describe('PrometheusRules for another organisation', () => {
  const domain = complianceReportMonitoring();

  it('names the PrometheusRule and its group with the prefix it is given, the tool name by default', () => {
    const chart = new Chart(new App(), 'rules');
    const named = new PrometheusRules(chart, 'named', { domain, runbookUrl: () => 'x', namePrefix: 'example' });
    const unnamed = new PrometheusRules(chart, 'unnamed', { domain, runbookUrl: () => 'x' });
    expect([named.group.name, unnamed.group.name]).toEqual(['example.compliance-report', 'gitops-cdk.compliance-report']);
    expect(chart.toJson().map((o: { metadata: { name: string } }) => o.metadata.name)).toEqual(['example-compliance-report', 'gitops-cdk-compliance-report']);
  });

  it('links runbooks on the branch and document it is given, main and README.md by default', () => {
    const gitops = { repoUrl: 'https://git.example.org/platform.git' };
    expect(runbookUrls({ gitops })('ArgoCdSyncFailed')).toBe('https://git.example.org/platform/blob/main/README.md#argocdsyncfailed');
    expect(runbookUrls({ gitops, branch: 'trunk', document: 'RUNBOOKS.md' })('ArgoCdSyncFailed')).toBe('https://git.example.org/platform/blob/trunk/RUNBOOKS.md#argocdsyncfailed');
  });
});
