import { monitoringProps } from '../../apps/assembly/monitoring-domains';
import { argoDuration } from '../../constructs/argocd/argo-duration';
import type { AlertDefinition, RecordingCase, RecordingDefinition } from '../../constructs/monitoring/alert-definition';
import { kyvernoMonitoring } from '../../constructs/monitoring/domains/kyverno';
import { pagingSeverity } from '../../constructs/monitoring/domains/paging-severity';
import { COMPLIANCE_WEIGHTS, POLICY_SEVERITIES, policyResultSeries } from '../../constructs/monitoring/domains/policy-compliance';
import { POLICY_VIOLATION_CLASSES, policyViolationAlert } from '../../constructs/monitoring/domains/policy-violations';
import { helmFullname } from '../../constructs/monitoring/domains/scrape-jobs';
import { POLICY_REPORTER_ADDON } from '../../constructs/platform/addons/policy-reporter';
import type { EnvironmentSpec } from '../../environments/types';
import type { Severity as PolicySeverity } from '../../policies';
import { policiesAt } from '../../policies';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();
const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
const prod = ENVIRONMENTS.find((spec) => spec.tier === 'production')!;

function alertNamed(spec: EnvironmentSpec, name: string): AlertDefinition {
  const alert = kyvernoMonitoring(monitoringProps(spec)).alerts.find((a) => a.name === name);
  if (alert === undefined) throw new Error(`no alert ${name} in ${spec.name}`);
  return alert;
}

function recordingNamed(record: string): RecordingDefinition {
  const recording = kyvernoMonitoring(monitoringProps(dev)).recordings.find((r) => r.record === record);
  if (recording === undefined) throw new Error(`no recording ${record}`);
  return recording;
}

/** The regex of the `job=~"..."` matcher in `expr`, anchored as Prometheus anchors it. */
function jobRegex(expr: string): RegExp {
  const match = /job=~"([^"]+)"/.exec(expr);
  if (match?.[1] === undefined) throw new Error(`no job matcher in ${expr}`);
  return new RegExp(`^(?:${match[1]})$`);
}

/** `metric{a="x",b="y"}` of a promtool input series as its name and labels. */
function parseSeries(series: string): { name: string; labels: Record<string, string> } {
  const match = /^([^{]+)\{(.*)\}$/.exec(series);
  if (match === null) throw new Error(`not a series: ${series}`);
  const labels = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  return { name: match[1]!, labels };
}

/**
 * The compliance score as the recording's help defines it, computed here from a case's input
 * series (each present result counts 1): Σ weight × pass / Σ weight × (pass + fail).
 */
function documentedScore(testCase: RecordingCase): number {
  let passed = 0;
  let judged = 0;
  for (const input of testCase.series) {
    const { name, labels } = parseSeries(input.series);
    if (!['policy_report_result', 'cluster_policy_report_result'].includes(name) || labels.source !== 'kyverno') continue;
    const weight = COMPLIANCE_WEIGHTS[labels.severity as PolicySeverity];
    if (weight === undefined || !['pass', 'fail'].includes(labels.status!)) continue;
    judged += weight;
    if (labels.status === 'pass') passed += weight;
  }
  return passed / judged;
}

describe('policy violation alerts', () => {
  it('cover every policy severity with exactly one alert', () => {
    const covering = POLICY_SEVERITIES.map((severity) => [severity, POLICY_VIOLATION_CLASSES.filter((c) => c.policySeverities.includes(severity)).map((c) => c.name)]);
    expect(covering).toEqual([
      ['critical', ['KyvernoHighSeverityPolicyViolation']],
      ['high', ['KyvernoHighSeverityPolicyViolation']],
      ['medium', ['KyvernoMediumSeverityPolicyViolation']],
      ['low', ['KyvernoLowSeverityPolicyViolation']],
    ]);
  });

  it('select the failures of exactly their policy severities, and fire for each of them in their case', () => {
    for (const alertClass of POLICY_VIOLATION_CLASSES) {
      const alert = alertNamed(dev, alertClass.name);
      expect(alert.expr).toContain(`gitops:policy_failures:count{severity=~"${alertClass.policySeverities.join('|')}"}`);
      expect(alert.cases.fires.firing.map((labels) => labels.policy_severity)).toEqual(alertClass.policySeverities);
    }
  });

  it('rejects an alert class that covers no policy severity, naming the environment and the field', () => {
    const empty = { ...POLICY_VIOLATION_CLASSES[0]!, name: 'KyvernoNothingPolicyViolation', policySeverities: [] };
    expect(() => policyViolationAlert(dev, empty)).toThrow('lab/monitoring/kyverno/KyvernoNothingPolicyViolation: policySeverities is empty');
  });

  it('explain a failure by how strictly the environment applies policies', () => {
    const description = (spec: EnvironmentSpec) => alertNamed(spec, 'KyvernoHighSeverityPolicyViolation').description;
    expect(description(dev)).toContain('This environment audits');
    expect(description(prod)).toContain('This environment enforces every policy');
  });
});

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec: EnvironmentSpec) => {
  const paging = pagingSeverity(spec);

  it(`maps policy severities to alert severities: critical and high ${paging}, medium warning, low info`, () => {
    const severities = ['KyvernoHighSeverityPolicyViolation', 'KyvernoMediumSeverityPolicyViolation', 'KyvernoLowSeverityPolicyViolation'].map(
      (name) => alertNamed(spec, name).severity,
    );
    expect(severities).toEqual([paging, 'warning', 'info']);
  });

  it('waits 15 minutes for critical and high failures, an hour for medium, 6 hours for low', () => {
    const windows = ['KyvernoHighSeverityPolicyViolation', 'KyvernoMediumSeverityPolicyViolation', 'KyvernoLowSeverityPolicyViolation'].map((name) =>
      argoDuration(alertNamed(spec, name).for),
    );
    expect(windows).toEqual(['15m', '1h', '6h']);
  });

  it("has an alert for the severity of every policy in the environment's catalog release", () => {
    const alerted = new Set(POLICY_VIOLATION_CLASSES.flatMap((c) => c.policySeverities));
    const uncovered = policiesAt(spec.kyverno.catalog).filter((policy) => !alerted.has(policy.severity));
    expect(uncovered.map((p) => `${p.name}: ${p.severity}`)).toEqual([]);
  });

  it(`alerts at ${paging} after 5 minutes when the admission webhooks fail, closed or open`, () => {
    for (const name of ['KyvernoAdmissionWebhookFailingClosed', 'KyvernoAdmissionWebhookFailingOpen']) {
      const alert = alertNamed(spec, name);
      expect([name, alert.severity, argoDuration(alert.for)]).toEqual([name, paging, '5m']);
      expect(alert.expr).toContain('name=~".*kyverno.*"');
    }
  });

  it(`alerts at ${paging} when the admission controller is down, at warning when another controller is`, () => {
    const severities = ['KyvernoAdmissionControllerDown', 'KyvernoBackgroundControllerDown', 'KyvernoReportsControllerDown', 'KyvernoCleanupControllerDown'].map(
      (name) => alertNamed(spec, name).severity,
    );
    expect(severities).toEqual([paging, 'warning', 'warning', 'warning']);
  });

  it("scrapes the admission controller under each cluster's release, the other controllers under the chart's name", () => {
    const admission = jobRegex(alertNamed(spec, 'KyvernoAdmissionControllerDown').expr);
    for (const cluster of spec.clusters) expect(admission.test(`${cluster.name}-kyverno-svc-metrics`)).toBe(true);
    expect(admission.test('kyverno-svc-metrics')).toBe(false);
    expect(jobRegex(alertNamed(spec, 'KyvernoReportsControllerDown').expr).test('kyverno-reports-controller-metrics')).toBe(true);
  });
});

describe('admission webhook alerts per tier', () => {
  it('say that a fail-closed webhook blocks deployments in production, and name the policies allowed to fail open', () => {
    const withException: EnvironmentSpec = { ...prod, kyverno: { ...prod.kyverno, failOpen: [{ policy: 'require-probes', reason: 'probes are advisory' }] } };
    expect(alertNamed(prod, 'KyvernoAdmissionWebhookFailingClosed').description).toContain('Every policy fails closed here: ');
    expect(alertNamed(withException, 'KyvernoAdmissionWebhookFailingClosed').description).toContain('Every policy fails closed here (except require-probes)');
    expect(alertNamed(withException, 'KyvernoAdmissionWebhookFailingOpen').description).toContain('the policies allowed to fail open (require-probes)');
  });

  it('say that policies fail open by design outside production', () => {
    expect(alertNamed(dev, 'KyvernoAdmissionWebhookFailingOpen').description).toContain('fail open in this environment by design');
    expect(alertNamed(dev, 'KyvernoAdmissionControllerDown').description).toContain('Its webhooks fail open here');
    expect(alertNamed(prod, 'KyvernoAdmissionControllerDown').description).toContain('Its webhooks fail closed here');
  });
});

describe('compliance recordings', () => {
  const score = recordingNamed('gitops:policy_compliance_score:ratio');

  it('record the contract names with the contract labels', () => {
    const labelsOf = (record: string) => [...new Set(recordingNamed(record).cases.flatMap((c) => c.samples.map((s) => Object.keys(s.labels).sort().join(','))))];
    expect(labelsOf('gitops:policy_failures:count')).toEqual(['policy,severity']);
    expect(labelsOf('gitops:policy_failures_by_severity:count')).toEqual(['severity']);
    expect(labelsOf('gitops:policy_compliance_score:ratio')).toEqual(['']);
  });

  it('weigh critical 8, high 4, medium 2 and low 1, as the help says and the expression computes', () => {
    expect(COMPLIANCE_WEIGHTS).toEqual({ critical: 8, high: 4, medium: 2, low: 1 });
    expect(score.help).toContain('weights by policy severity critical 8, high 4, medium 2, low 1');
    for (const severity of POLICY_SEVERITIES) {
      expect(score.expr).toContain(`label_replace(vector(${COMPLIANCE_WEIGHTS[severity]}), "severity", "${severity}", "", "")`);
    }
  });

  it("expect in every promtool case the score the help's formula gives for the case's results", () => {
    for (const testCase of score.cases) expect([testCase.description, testCase.samples[0]?.value]).toEqual([testCase.description, documentedScore(testCase)]);
  });

  it('are the same in every environment: the score does not depend on how strictly policies apply', () => {
    const recordings = ENVIRONMENTS.map((spec) => kyvernoMonitoring(monitoringProps(spec)).recordings);
    for (const other of recordings.slice(1)) expect(other).toEqual(recordings[0]);
  });
});

describe('Policy Reporter series in the promtool cases', () => {
  // prometheus-operator names the job after the Service the ServiceMonitor selects: policy-reporter's
  // own Service, `policyreporter.fullname` (kyverno/policy-reporter charts/policy-reporter/templates/
  // service.yaml and templates/monitoring/servicemonitor.yaml at 3.0.0 and 3.0.3).
  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('carry the job of the policy-reporter Service on every %s cluster', (_name, spec) => {
    const series = policyResultSeries({ policy: 'require-labels', severity: 'medium', status: 'fail', resource: { kind: 'Pod', name: 'api-0', namespace: 'payments' } }, '1x10');
    const values = POLICY_REPORTER_ADDON.values(spec);
    for (const cluster of spec.clusters) {
      expect(series.series).toContain(`job="${helmFullname(`${cluster.name}-policy-reporter`, POLICY_REPORTER_ADDON.chart.chart, values)}"`);
    }
    expect(series.series).toContain('job="policy-reporter"');
  });
});
