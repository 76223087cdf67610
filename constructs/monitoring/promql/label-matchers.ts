/**
 * Label matchers of a PromQL series selector, as data, so an expression's selection can be
 * extended (the version under test, a job) without editing text.
 */

/** `=`, `!=`, `=~` (fully anchored RE2), `!~`. */
export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly label: string;
  readonly op: MatchOperator;
  /** The raw value; quoting happens when the selector renders. */
  readonly value: string;
}

/** The matchers of one selector, in the order they render. */
export type Selector = readonly LabelMatcher[];

/** Prometheus label names: `[a-zA-Z_][a-zA-Z0-9_]*` (names starting `__` are reserved, but legal). */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Metric names also allow `:` (recording rules). */
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function labelEquals(label: string, value: string): LabelMatcher {
  return { label, op: '=', value };
}

export function labelDiffers(label: string, value: string): LabelMatcher {
  return { label, op: '!=', value };
}

export function labelMatches(label: string, regex: string): LabelMatcher {
  return { label, op: '=~', value: regex };
}

export function labelDoesNotMatch(label: string, regex: string): LabelMatcher {
  return { label, op: '!~', value: regex };
}

/**
 * A PromQL string literal in double quotes: backslash, double quote and line breaks escaped (the
 * Go-style escapes PromQL's lexer accepts), so no value can end the string early. A regex's own
 * backslashes are doubled here too, which is what PromQL expects (`"a\\.b"` is the regex `a\.b`).
 */
export function promqlString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** RE2 text matching `text` literally (for a regex matcher built around a known name). */
export function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function assertLabelName(label: string): void {
  if (!LABEL_NAME.test(label)) throw new Error(`PromQL label name ${JSON.stringify(label)} is not valid: use letters, digits and _ (not first a digit)`);
}

export function assertMetricName(metric: string): void {
  if (!METRIC_NAME.test(metric)) throw new Error(`PromQL metric name ${JSON.stringify(metric)} is not valid: use letters, digits, _ and : (not first a digit)`);
}

/** `metric{a="x",b=~"y"}`; the metric alone when there is no matcher. */
export function seriesSelector(metric: string, selector: Selector): string {
  assertMetricName(metric);
  if (selector.length === 0) return metric;
  const rendered = selector.map((m) => {
    assertLabelName(m.label);
    return `${m.label}${m.op}${promqlString(m.value)}`;
  });
  return `${metric}{${rendered.join(', ')}}`;
}
