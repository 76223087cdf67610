/**
 * The parts of prometheus-operator's `monitoring.coreos.com/v1` PrometheusRule that gitops-cdk
 * writes, and of Prometheus' own rule and `promtool test rules` file formats. Validated against the
 * upstream CRD schema in the tests and by promtool in CI.
 */

export type Severity = 'critical' | 'warning' | 'info';

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  /** Prometheus duration, e.g. `5m`. */
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
}

export interface RuleGroup {
  readonly name: string;
  /** Evaluation interval of the group, e.g. `1m`; absent: Prometheus' global one. */
  readonly interval?: string;
  readonly rules: readonly (AlertingRule | RecordingRule)[];
}

/** One series of a promtool test: `metric{labels}` and its values, e.g. `0+1x10`. */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

export interface ExpectedAlert {
  readonly exp_labels: Readonly<Record<string, string>>;
  readonly exp_annotations?: Readonly<Record<string, string>>;
}

export interface AlertRuleTest {
  readonly eval_time: string;
  readonly alertname: string;
  readonly exp_alerts: readonly ExpectedAlert[];
}

export interface SampleExpectation {
  /** The series in PromQL notation, e.g. `record{name="x"}`. */
  readonly labels: string;
  readonly value: number;
}

export interface PromqlExprTest {
  readonly expr: string;
  readonly eval_time: string;
  readonly exp_samples: readonly SampleExpectation[];
}

export interface PromtoolTest {
  readonly name: string;
  readonly interval: string;
  readonly input_series: readonly InputSeries[];
  readonly alert_rule_test?: readonly AlertRuleTest[];
  readonly promql_expr_test?: readonly PromqlExprTest[];
}
