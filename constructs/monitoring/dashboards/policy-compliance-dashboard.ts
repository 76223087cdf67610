import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { POLICY_COMPLIANCE_SCORE, POLICY_FAILURES, POLICY_FAILURES_BY_SEVERITY } from '../domains/policy-compliance';
import { gitopsDashboard } from './gitops-dashboard';
import { barGaugePanel, gaugePanel, inClusters, type PanelOptions, SEVERITY_COLORS, statPanel, type ThresholdStep, timeseriesPanel } from './panels';

/**
 * The severity-weighted pass rate is red below 90 %, orange below 98 %: a single failing critical
 * policy on a small cluster already pulls the score under 98 %.
 */
const SCORE_STEPS: readonly ThresholdStep[] = [
  { from: 0.9, color: 'orange' },
  { from: 0.98, color: 'green' },
];

const TOP_VIOLATIONS = 10;

/** Kyverno policy compliance of the environment (recording rules of the kyverno domain). */
export function policyComplianceDashboard(spec: { readonly name: string }): dashboard.Dashboard {
  const score: Omit<PanelOptions, 'title' | 'width'> = {
    description: 'Kyverno policy pass rate, each result weighted by the severity of its policy (gitops:policy_compliance_score:ratio; 1 = every check passes).',
    queries: [{ expr: inClusters(POLICY_COMPLIANCE_SCORE) }],
    unit: units.PercentUnit,
    baseColor: 'red',
    thresholds: SCORE_STEPS,
  };
  const failuresBySeverity = {
    expr: `sum by (severity) (${inClusters(POLICY_FAILURES_BY_SEVERITY)})`,
    legend: '{{severity}}',
  };
  return gitopsDashboard(
    {
      uid: 'gitops-cdk-policy-compliance',
      title: 'Policy compliance',
      description: `Kyverno policy compliance of ${spec.name}: the severity-weighted score, its trend, and the policies that fail most.`,
    },
    {
      clusterSource: POLICY_COMPLIANCE_SCORE,
      sections: [
        {
          title: 'Score',
          panels: [
            statPanel({ ...score, title: 'Compliance score', width: 6 }),
            gaugePanel({ ...score, title: 'Compliance score gauge', width: 6 }),
            statPanel({
              title: 'Failures by severity',
              description: 'Failing policy results now, by policy severity (gitops:policy_failures_by_severity:count).',
              queries: [failuresBySeverity],
              seriesColors: SEVERITY_COLORS,
              noValue: '0',
              width: 12,
            }),
          ],
        },
        {
          title: 'Trend and top violations',
          panels: [
            timeseriesPanel({ ...score, title: 'Compliance score trend', width: 12 }),
            barGaugePanel({
              title: 'Top violations',
              description: `The ${TOP_VIOLATIONS} policies with the most failing results now (gitops:policy_failures:count).`,
              queries: [
                {
                  expr: `sort_desc(topk(${TOP_VIOLATIONS}, sum by (policy, severity) (${inClusters(POLICY_FAILURES)})))`,
                  legend: '{{policy}} ({{severity}})',
                },
              ],
              baseColor: 'orange',
              width: 12,
            }),
          ],
        },
        {
          title: 'Failures over time',
          panels: [
            timeseriesPanel({
              title: 'Failures by severity over time',
              description: 'Failing policy results, stacked by policy severity.',
              queries: [failuresBySeverity],
              seriesColors: SEVERITY_COLORS,
              stacked: true,
              width: 24,
            }),
          ],
        },
      ],
    },
  );
}
