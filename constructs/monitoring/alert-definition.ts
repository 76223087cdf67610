import type { Duration } from 'cdk8s';
import type { InputSeries, PromtoolTest, Severity } from './types';

/**
 * A promtool case: series over time and, at `at`, whether the alert is firing. Every alert has a
 * case where it fires and one where it does not, next to its definition.
 */
export interface AlertCase {
  readonly description: string;
  readonly series: readonly InputSeries[];
  /** Evaluation time, e.g. `10m`. */
  readonly at: string;
  /** Labels of each alert expected to fire (besides the alert's own); empty when it must stay quiet. */
  readonly firing: readonly Readonly<Record<string, string>>[];
}

/** One alert as the monitoring domains declare it; severity, window and runbook are added centrally. */
export interface AlertDefinition {
  /** CamelCase alert name, e.g. `ArgoCdSyncFailed`. */
  readonly name: string;
  readonly expr: string;
  /** How long the condition must hold before the alert fires. */
  readonly for: Duration;
  readonly severity: Severity;
  /** Labels besides `severity` that Alertmanager routes or groups on (e.g. the remediation). */
  readonly labels?: Readonly<Record<string, string>>;
  /** One line: what is wrong, with `{{ $labels.* }}` for the instance. */
  readonly summary: string;
  /** What it means and what to look at first. */
  readonly description: string;
  /** A case where it fires, one where it stays quiet, and any other case worth pinning down. */
  readonly cases: {
    readonly fires: AlertCase;
    readonly quiet: AlertCase;
    readonly alsoFires?: readonly AlertCase[];
    readonly alsoQuiet?: readonly AlertCase[];
  };
}

/** One sample a recording rule is expected to produce: its labels (besides the name) and value. */
export interface ExpectedSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** A promtool `promql_expr_test` of a recording rule: series over time and what it records at `at`. */
export interface RecordingCase {
  readonly description: string;
  readonly series: readonly InputSeries[];
  readonly at: string;
  readonly samples: readonly ExpectedSample[];
}

export interface RecordingDefinition {
  /** `level:metric:operations`, the Prometheus naming convention. */
  readonly record: string;
  readonly expr: string;
  /** What the rule computes, for readers of the rule file and the dashboards. */
  readonly help: string;
  /** At least one promtool case that pins down the arithmetic. */
  readonly cases: readonly RecordingCase[];
}

/** One PrometheusRule: the alerts and recordings of one domain (Argo CD, Kyverno, ...). */
export interface MonitoringDomain {
  /** DNS label; names the PrometheusRule and its rule group. */
  readonly name: string;
  readonly alerts: readonly AlertDefinition[];
  readonly recordings: readonly RecordingDefinition[];
  /**
   * How often Prometheus evaluates the group, when recordings count their own samples (one sample
   * per evaluation); otherwise Prometheus' global evaluation interval.
   */
  readonly evaluationInterval?: Duration;
  /**
   * promtool cases of queries that are not rules of the domain but must agree with them (an
   * AnalysisTemplate's queries), run in the domain's tests.yaml beside the rules' own cases.
   * @default - none
   */
  readonly queryTests?: readonly PromtoolTest[];
}
