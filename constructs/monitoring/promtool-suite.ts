import { toYaml } from '../core/yaml-text';
import type { AlertCase, AlertDefinition, RecordingCase, RecordingDefinition } from './alert-definition';
import type { PrometheusRules } from './prometheus-rules';
import type { AlertingRule, PromtoolTest } from './types';

/** Prometheus' default: promtool evaluates the rules every minute of the test timeline. */
const EVALUATION_INTERVAL = '1m';

/**
 * The alert's annotations as promtool expects them for one firing instance: `{{ $labels.x }}`
 * expanded with the instance's labels. Annotations use no other template.
 */
function expandedAnnotations(rule: AlertingRule, labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(rule.annotations).map(([key, text]) => [key, text.replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? '')]));
}

function caseTest(alert: AlertDefinition, rule: AlertingRule, kind: 'fires' | 'quiet', testCase: AlertCase): PromtoolTest {
  return {
    name: `${alert.name} ${kind}: ${testCase.description}`,
    interval: EVALUATION_INTERVAL,
    input_series: testCase.series,
    alert_rule_test: [
      {
        eval_time: testCase.at,
        alertname: alert.name,
        exp_alerts: testCase.firing.map((labels) => {
          const all = { ...labels, ...rule.labels };
          return { exp_labels: all, exp_annotations: expandedAnnotations(rule, all) };
        }),
      },
    ],
  };
}

/** `name{a="x",b="y"}`: how promtool expects a sample's series, labels sorted. */
export function seriesNotation(name: string, labels: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}="${labels[key]}"`);
  return pairs.length === 0 ? name : `${name}{${pairs.join(',')}}`;
}

function recordingTest(recording: RecordingDefinition, testCase: RecordingCase): PromtoolTest {
  return {
    name: `${recording.record}: ${testCase.description}`,
    interval: EVALUATION_INTERVAL,
    input_series: testCase.series,
    promql_expr_test: [
      {
        expr: recording.record,
        eval_time: testCase.at,
        exp_samples: testCase.samples.map((sample) => ({ labels: seriesNotation(recording.record, sample.labels), value: sample.value })),
      },
    ],
  };
}

/**
 * A domain's rules as a plain Prometheus rule file and its promtool unit tests (one test that
 * fires and one that stays quiet per alert, and the cases of each recording rule): `promtool check rules rules.yaml` and
 * `promtool test rules tests.yaml` run them in CI.
 */
export function promtoolSuite(rules: PrometheusRules): Map<string, string> {
  const tests = rules.domain.alerts.flatMap((alert) => {
    const rule = rules.group.rules.find((r): r is AlertingRule => 'alert' in r && r.alert === alert.name)!;
    return [
      ...[alert.cases.fires, ...(alert.cases.alsoFires ?? [])].map((c) => caseTest(alert, rule, 'fires', c)),
      ...[alert.cases.quiet, ...(alert.cases.alsoQuiet ?? [])].map((c) => caseTest(alert, rule, 'quiet', c)),
    ];
  });
  tests.push(...rules.domain.recordings.flatMap((recording) => recording.cases.map((c) => recordingTest(recording, c))));
  tests.push(...(rules.domain.queryTests ?? []));
  return new Map([
    ['rules.yaml', toYaml({ groups: [rules.group] })],
    ['tests.yaml', toYaml({ rule_files: ['rules.yaml'], evaluation_interval: EVALUATION_INTERVAL, tests })],
  ]);
}
