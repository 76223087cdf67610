import { labelDoesNotMatch, type Selector } from '../../monitoring/promql/label-matchers';
import type { ExcludedRequestsSpec, WorkloadMetricsSpec } from '../delivery-spec';

/**
 * The requests a workload's judgement leaves out (WorkloadMetricsSpec.excludedRequests): the
 * matcher the success ratio and the latency histogram are read with, what a pattern must be for
 * Prometheus to read it as meant, and label values for the promtool cases.
 */

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The histogram's bucket bound: excluding by it would cut buckets, not requests. */
const BUCKET_LABEL = 'le';

/** The `!~` matcher that leaves the excluded requests out; none without an exclusion. */
export function excludedRequestsSelector(metrics: Pick<WorkloadMetricsSpec, 'excludedRequests'>): Selector {
  const excluded = metrics.excludedRequests;
  return excluded === undefined ? [] : [labelDoesNotMatch(excluded.label, excluded.pattern)];
}

/** RE2's leading case-insensitive flag, which JavaScript writes as a RegExp flag instead. */
const CASE_INSENSITIVE = '(?i)';

/**
 * The pattern as Prometheus applies it, anchored at both ends (`^(?:pattern)$`, prometheus/prometheus
 * model/labels/regexp.go), in JavaScript's dialect: undefined when it does not compile.
 */
function anchored(pattern: string): RegExp | undefined {
  const insensitive = pattern.startsWith(CASE_INSENSITIVE);
  const body = insensitive ? pattern.slice(CASE_INSENSITIVE.length) : pattern;
  try {
    return new RegExp(`^(?:${body})$`, insensitive ? 'i' : '');
  } catch {
    return undefined;
  }
}

/** An unescaped `^` or `$` outside a character class (`[^...]` is a negated class, not an anchor), or RE2's `\A` and `\z`. */
function hasAnchor(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (!inClass && (pattern[i + 1] === 'A' || pattern[i + 1] === 'z')) return true;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
    } else if (c === '^' || c === '$') {
      return true;
    }
  }
  return false;
}

/** JavaScript syntax RE2 (Go's regexp) refuses: lookaround and backreferences. */
const NOT_RE2 = /\(\?<?[=!]|\\[1-9]/;

export interface ExclusionProblem {
  /** `label` or `pattern`. */
  readonly field: keyof ExcludedRequestsSpec;
  readonly value: string;
  readonly problem: string;
  readonly fix: string;
}

/** What an exclusion cannot be: each problem names its field, the value, why and the fix. */
export function excludedRequestsProblems(metrics: WorkloadMetricsSpec): ExclusionProblem[] {
  const excluded = metrics.excludedRequests;
  if (excluded === undefined) return [];
  const { label, pattern } = excluded;
  const problems: ExclusionProblem[] = [];
  if (!LABEL_NAME.test(label)) {
    problems.push({ field: 'label', value: label, problem: 'is not a Prometheus label name', fix: 'use letters, digits and _ (not first a digit), e.g. path' });
  } else if (label === metrics.statusLabel || label === BUCKET_LABEL) {
    problems.push({
      field: 'label',
      value: label,
      problem:
        label === BUCKET_LABEL
          ? "is the histogram's bucket bound: excluding by it cuts buckets, not requests"
          : 'is the status label: excluding by status would hide the errors the analysis judges',
      fix: 'exclude by a label naming the request, e.g. path',
    });
  }
  const regex = anchored(pattern);
  if (pattern.trim() === '') {
    problems.push({ field: 'pattern', value: pattern, problem: 'is empty', fix: 'give the values to leave out, e.g. healthz|readyz' });
  } else if (regex === undefined || NOT_RE2.test(pattern)) {
    problems.push({
      field: 'pattern',
      value: pattern,
      problem: 'is not a regular expression Prometheus (RE2) reads',
      fix: 'use alternatives and character classes, no lookaround or backreferences, e.g. healthz|readyz',
    });
  } else if (hasAnchor(pattern)) {
    problems.push({
      field: 'pattern',
      value: pattern,
      problem: 'has an anchor (^, $, \\A or \\z): Prometheus anchors label regexes itself',
      fix: 'drop the anchors, e.g. healthz|readyz',
    });
  } else if (regex.test('')) {
    problems.push({
      field: 'pattern',
      value: pattern,
      problem: 'matches the empty value, so series without the label would be left out too',
      fix: 'match only the values to leave out, e.g. healthz|readyz',
    });
  }
  return problems;
}

/**
 * Values the pattern leaves out, for the promtool cases: its top-level alternatives that are plain
 * label text and match it whole (`healthz|readyz` gives both); none for a pattern without one.
 */
export function excludedExamples(excluded: ExcludedRequestsSpec): string[] {
  const regex = anchored(excluded.pattern);
  if (regex === undefined) return [];
  return excluded.pattern.split('|').filter((alternative) => /^[A-Za-z0-9_/.-]+$/.test(alternative) && regex.test(alternative));
}

/**
 * A value of the label the pattern does not match, for the client requests of the promtool cases;
 * undefined when the pattern matches every candidate (the client series then go without the label,
 * which the pattern never matches).
 */
export function includedExample(excluded: ExcludedRequestsSpec): string | undefined {
  const regex = anchored(excluded.pattern);
  const candidates = ['client_request', 'api', 'root', 'x'];
  return candidates.find((candidate) => regex === undefined || !regex.test(candidate));
}
