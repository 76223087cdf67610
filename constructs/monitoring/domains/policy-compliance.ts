import type { Severity as PolicySeverity } from '../../kyverno/policy-definition';
import { POLICY_REPORTER_FULLNAME } from '../../platform/addons/policy-reporter';
import type { RecordingDefinition } from '../alert-definition';
import type { InputSeries } from '../types';

/**
 * Every severity a catalog policy may declare (`policies.kyverno.io/severity`, which Kyverno copies
 * to each result of its policy reports), most severe first.
 */
export const POLICY_SEVERITIES: readonly PolicySeverity[] = ['critical', 'high', 'medium', 'low'];

/**
 * How much one result of a policy of each severity counts in the compliance score. Each step
 * doubles: one failing critical result costs as much as eight failing low ones, so the score
 * follows the risk rather than the number of findings.
 */
export const COMPLIANCE_WEIGHTS: Readonly<Record<PolicySeverity, number>> = { critical: 8, high: 4, medium: 2, low: 1 };

export const POLICY_FAILURES = 'gitops:policy_failures:count';
export const POLICY_FAILURES_BY_SEVERITY = 'gitops:policy_failures_by_severity:count';
export const POLICY_COMPLIANCE_SCORE = 'gitops:policy_compliance_score:ratio';

/**
 * Kyverno's results as Policy Reporter exports them (`metrics.enabled`, default `detailed` mode):
 * `policy_report_result` for PolicyReports, `cluster_policy_report_result` for ClusterPolicyReports,
 * one series of value 1 per result, labelled `policy`, `rule`, `kind`, `name`, `status`
 * (pass/fail/warn/error/skip), `severity`, `category` and `source` (`kyverno` for Kyverno's own
 * results, other scanners have their own). Sums count results; the `simple` and `custom` modes
 * export the same counts as values, so the sums hold in every mode that keeps these labels.
 */
export function kyvernoResults(matchers: string): string {
  return `{__name__=~"policy_report_result|cluster_policy_report_result",source="kyverno",${matchers}}`;
}

/** `{severity="<s>"}` with value `weight(s)`, one sample per catalog severity. */
const WEIGHT_VECTOR = POLICY_SEVERITIES.map((severity) => `label_replace(vector(${COMPLIANCE_WEIGHTS[severity]}), "severity", "${severity}", "", "")`).join(' or ');

/** Σ weight(severity) × results, over the results with a status matching `statusPattern`; severities without a weight drop out. */
function weightedResults(statusPattern: string): string {
  return `sum(sum by (severity) (${kyvernoResults(`status=~"${statusPattern}"`)}) * on (severity) (${WEIGHT_VECTOR}))`;
}

const WEIGHTS_IN_WORDS = POLICY_SEVERITIES.map((severity) => `${severity} ${COMPLIANCE_WEIGHTS[severity]}`).join(', ');

/** One result in a Policy Reporter series, as promtool input (detailed mode: value 1 while the result exists). */
export interface PolicyResult {
  readonly policy: string;
  readonly severity?: PolicySeverity;
  readonly status: 'pass' | 'fail' | 'warn' | 'error' | 'skip';
  /** The resource the result is about; one without a namespace (a Namespace, a ClusterRole) makes it a ClusterPolicyReport result. */
  readonly resource: { readonly kind: string; readonly name: string; readonly namespace?: string };
  /** Result source; Kyverno's unless another scanner is meant. */
  readonly source?: string;
}

/**
 * The Prometheus series of one result as scraped through Policy Reporter's ServiceMonitor: `job` is
 * its Service's name (POLICY_REPORTER_FULLNAME); the ServiceMonitor does not honour the exporter's
 * labels (`honorLabels: false`, the chart's default), so the target's `namespace` (policy-reporter)
 * wins and the resource's namespace becomes `exported_namespace`.
 */
export function policyResultSeries(result: PolicyResult, values: string): InputSeries {
  const { kind, name, namespace } = result.resource;
  const metric = namespace === undefined ? 'cluster_policy_report_result' : 'policy_report_result';
  const labels = [
    `job="${POLICY_REPORTER_FULLNAME}"`,
    'namespace="policy-reporter"',
    ...(namespace === undefined ? [] : [`exported_namespace="${namespace}"`]),
    `policy="${result.policy}"`,
    `kind="${kind}"`,
    `name="${name}"`,
    `status="${result.status}"`,
    ...(result.severity === undefined ? [] : [`severity="${result.severity}"`]),
    `source="${result.source ?? 'kyverno'}"`,
  ];
  return { series: `${metric}{${labels.join(',')}}`, values };
}

const POD = (name: string) => ({ kind: 'Pod', name, namespace: 'payments' });

/**
 * A result of each kind the recordings must leave out: another scanner's failure, a skipped rule
 * and a non-scored failure (reported as `warn`).
 */
const NOISE: readonly InputSeries[] = [
  policyResultSeries({ policy: 'CVE-2024-3094', severity: 'critical', status: 'fail', resource: POD('api-0'), source: 'Trivy Vulnerability' }, '1x10'),
  policyResultSeries({ policy: 'require-probes', severity: 'medium', status: 'skip', resource: POD('api-0') }, '1x10'),
  policyResultSeries({ policy: 'require-probes', severity: 'medium', status: 'warn', resource: POD('api-1') }, '1x10'),
];

const FAILING_RESULTS_IN_WORDS = 'two pods fail disallow-latest-tag (medium), one fails require-labels (medium), one disallow-host-path (high)';

/**
 * The Kyverno recordings the policy-compliance dashboard reads: failing results per policy and per
 * severity, and the severity-weighted compliance score.
 */
export function policyComplianceRecordings(): RecordingDefinition[] {
  const signed = { policy: 'verify-image-signatures', severity: 'critical' } as const;
  const hostPath = { policy: 'disallow-host-path', severity: 'high' } as const;
  const latestTag = { policy: 'disallow-latest-tag', severity: 'medium' } as const;
  const requireLabels = { policy: 'require-labels', severity: 'medium' } as const;
  const failingResults = [
    policyResultSeries({ ...latestTag, status: 'fail', resource: POD('api-0') }, '1x10'),
    policyResultSeries({ ...latestTag, status: 'fail', resource: POD('api-1') }, '1x10'),
    policyResultSeries({ ...latestTag, status: 'pass', resource: POD('worker-0') }, '1x10'),
    policyResultSeries({ ...requireLabels, status: 'fail', resource: POD('api-0') }, '1x10'),
    policyResultSeries({ ...hostPath, status: 'fail', resource: POD('worker-0') }, '1x10'),
    ...NOISE,
  ];
  return [
    {
      record: POLICY_FAILURES,
      expr: `sum by (policy, severity) (${kyvernoResults('status="fail"')})`,
      help: 'Failing Kyverno policy results per policy and policy severity (PolicyReports and ClusterPolicyReports): the top violations.',
      cases: [
        {
          description: `${FAILING_RESULTS_IN_WORDS}; other scanners, skips and warnings do not count`,
          series: failingResults,
          at: '5m',
          samples: [
            { labels: { policy: latestTag.policy, severity: latestTag.severity }, value: 2 },
            { labels: { policy: requireLabels.policy, severity: requireLabels.severity }, value: 1 },
            { labels: { policy: hostPath.policy, severity: hostPath.severity }, value: 1 },
          ],
        },
      ],
    },
    {
      record: POLICY_FAILURES_BY_SEVERITY,
      expr: `sum by (severity) (${POLICY_FAILURES})`,
      help: 'Failing Kyverno policy results per policy severity (critical, high, medium, low).',
      cases: [
        {
          description: `${FAILING_RESULTS_IN_WORDS}: 3 medium, 1 high`,
          series: failingResults,
          at: '5m',
          samples: [
            { labels: { severity: 'medium' }, value: 3 },
            { labels: { severity: 'high' }, value: 1 },
          ],
        },
      ],
    },
    {
      record: POLICY_COMPLIANCE_SCORE,
      // `or vector(0)`: with no passing result at all the numerator is empty, and the score is 0, not missing.
      expr: `(${weightedResults('pass')} or vector(0))\n/ ${weightedResults('pass|fail')}`,
      help:
        `Severity-weighted pass rate of Kyverno's policy results, 0 to 1: sum of weight × passing results / sum of weight × (passing + failing results), ` +
        `weights by policy severity ${WEIGHTS_IN_WORDS}. Skipped, warning (not scored) and error results, other scanners' results and results of ` +
        'policies without a severity do not count. No sample while there are no results.',
      cases: [
        {
          description: 'critical 1 pass, high 1 pass and 1 fail, medium 2 fail: (8 + 4) / (8 + 8 + 4) = 0.6, where the unweighted rate would be 0.4',
          series: [
            policyResultSeries({ ...signed, status: 'pass', resource: POD('api-0') }, '1x10'),
            policyResultSeries({ ...hostPath, status: 'pass', resource: POD('api-0') }, '1x10'),
            policyResultSeries({ ...hostPath, status: 'fail', resource: POD('worker-0') }, '1x10'),
            policyResultSeries({ ...latestTag, status: 'fail', resource: POD('api-0') }, '1x10'),
            policyResultSeries({ ...latestTag, status: 'fail', resource: POD('api-1') }, '1x10'),
            policyResultSeries({ policy: 'unannotated-policy', status: 'fail', resource: POD('api-0') }, '1x10'),
            ...NOISE,
          ],
          at: '5m',
          samples: [{ labels: {}, value: 0.6 }],
        },
        {
          description: 'critical 1 pass, low 1 pass and 1 fail (a ClusterPolicyReport result): (8 + 1) / (8 + 1 + 1) = 0.9',
          series: [
            policyResultSeries({ ...signed, status: 'pass', resource: POD('api-0') }, '1x10'),
            policyResultSeries({ policy: 'require-namespace-owner', severity: 'low', status: 'pass', resource: { kind: 'Namespace', name: 'payments' } }, '1x10'),
            policyResultSeries({ policy: 'require-namespace-owner', severity: 'low', status: 'fail', resource: { kind: 'Namespace', name: 'checkout' } }, '1x10'),
          ],
          at: '5m',
          samples: [{ labels: {}, value: 0.9 }],
        },
        {
          description: 'only failing results: the score is 0',
          series: [policyResultSeries({ ...hostPath, status: 'fail', resource: POD('worker-0') }, '1x10')],
          at: '5m',
          samples: [{ labels: {}, value: 0 }],
        },
      ],
    },
  ];
}
