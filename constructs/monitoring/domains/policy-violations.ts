import { Duration } from 'cdk8s';
import { argoDuration } from '../../argocd/argo-duration';
import type { Tier } from '../../core/tier';
import type { KyvernoMode, KyvernoSpec } from '../../kyverno/kyverno-spec';
import type { Severity as PolicySeverity } from '../../kyverno/policy-definition';
import type { AlertDefinition } from '../alert-definition';
import type { InputSeries, Severity } from '../types';
import { pagingSeverity } from './paging-severity';
import { POLICY_FAILURES, POLICY_SEVERITIES, policyResultSeries } from './policy-compliance';

/** What the policy violation alerts read of an environment: its name (for errors), tier and Kyverno mode. */
export interface PolicyViolationEnvironment {
  readonly name: string;
  readonly tier: Tier;
  readonly kyverno: Pick<KyvernoSpec, 'mode'>;
}

/** One alert on failing policy results: the policy severities it covers, how loud it is and after how long. */
export interface PolicyViolationAlertClass {
  /** PascalCase alert name. */
  readonly name: string;
  /** Values of the policies' `policies.kyverno.io/severity` the alert covers. */
  readonly policySeverities: readonly PolicySeverity[];
  readonly severity: (environment: { readonly tier: Tier }) => Severity;
  /** How long a result must keep failing: long enough to skip findings that go away by themselves. */
  readonly for: Duration;
  /** What the finding asks of the reader, for the description. */
  readonly urgency: string;
}

/**
 * Every policy severity has exactly one alert (the tests check it). Policy reports describe a
 * state, not events, so `for` decides how long a finding must last before it counts.
 */
export const POLICY_VIOLATION_CLASSES: readonly PolicyViolationAlertClass[] = [
  {
    name: 'KyvernoHighSeverityPolicyViolation',
    policySeverities: ['critical', 'high'],
    // Pages in production, where nothing violating these policies should run at all.
    severity: pagingSeverity,
    // Longer than Argo CD takes to self-heal a drifted object (a reconciliation of 2-3 minutes and a
    // sync) or a rollout takes to replace violating pods; short enough that a real breach is seen
    // within a quarter of an hour.
    for: Duration.minutes(15),
    urgency: 'Fix or remove the resources now, or record a time-limited PolicyException with its reason.',
  },
  {
    name: 'KyvernoMediumSeverityPolicyViolation',
    policySeverities: ['medium'],
    severity: () => 'warning',
    // One background scan (Kyverno's reports controller rescans existing resources hourly by
    // default): a finding still there after a full rescan is real, and a ticket an hour later costs nothing.
    for: Duration.hours(1),
    urgency: 'Open a ticket for the owning team; fix it within the sprint.',
  },
  {
    name: 'KyvernoLowSeverityPolicyViolation',
    policySeverities: ['low'],
    // For the record only: Alertmanager shows it, nobody is notified.
    severity: () => 'info',
    // One reporting period: compliance reports go out every 6 hours and list the finding anyway.
    for: Duration.hours(6),
    urgency: 'No action needed now; it is listed in the next compliance report.',
  },
];

/** What a failing result means where the environment applies policies this strictly. */
const MODE_MEANING: Readonly<Record<KyvernoMode, string>> = {
  audit: 'This environment audits: Kyverno admits violating resources and only reports them, so fix them before the policy enforces in production.',
  canary:
    'This environment enforces policy revisions that passed their canary and audits newer ones outside canary namespaces: the resources predate the policy or run under a revision still in canary.',
  enforce:
    'This environment enforces every policy, so admission refuses new violations: the resources predate the policy, were admitted while the webhook failed open, or the background scan found a change admission never saw.',
};

/** A policy of each severity for the promtool cases (the catalog has no low policy yet; any name does). */
const EXAMPLE_POLICY: Readonly<Record<PolicySeverity, string>> = {
  critical: 'verify-image-signatures',
  high: 'disallow-host-path',
  medium: 'disallow-latest-tag',
  low: 'require-namespace-owner',
};

function failingPod(severity: PolicySeverity, values: string): InputSeries {
  return policyResultSeries({ policy: EXAMPLE_POLICY[severity], severity, status: 'fail', resource: { kind: 'Pod', name: 'api-0', namespace: 'payments' } }, values);
}

/** The alert of one class: its policies' failing results, per policy, from the failures recording. */
export function policyViolationAlert(spec: PolicyViolationEnvironment, alertClass: PolicyViolationAlertClass): AlertDefinition {
  const window = argoDuration(alertClass.for);
  const minutes = Math.ceil(alertClass.for.toSeconds() / 60);
  const fixedAfter = Math.ceil(minutes / 3);
  const covered = alertClass.policySeverities;
  const outside = POLICY_SEVERITIES.find((severity) => !covered.includes(severity));
  const first = covered[0];
  if (first === undefined) throw new Error(`${spec.name}/monitoring/kyverno/${alertClass.name}: policySeverities is empty; list the policy severities the alert covers`);
  return {
    name: alertClass.name,
    // The policy's severity moves to `policy_severity`: the `severity` label is the alert's own.
    expr: `sum by (policy, policy_severity) (label_replace(${POLICY_FAILURES}{severity=~"${covered.join('|')}"}, "policy_severity", "$1", "severity", "(.+)")) > 0`,
    for: alertClass.for,
    severity: alertClass.severity(spec),
    summary: 'Resources fail the {{ $labels.policy_severity }} severity Kyverno policy {{ $labels.policy }}',
    description:
      `Kyverno's policy reports have listed resources failing {{ $labels.policy }} (severity {{ $labels.policy_severity }}) for more than ${window}. ` +
      `${MODE_MEANING[spec.kyverno.mode]} ${alertClass.urgency} Find them in Policy Reporter or with \`kubectl get policyreports -A\`.`,
    cases: {
      fires: {
        description: `a resource fails a ${covered.join(' and a ')} policy for longer than ${window}`,
        series: covered.map((severity) => failingPod(severity, `1x${minutes + 10}`)),
        at: `${minutes + 5}m`,
        firing: covered.map((severity) => ({ policy: EXAMPLE_POLICY[severity], policy_severity: severity })),
      },
      quiet: {
        description: `a ${first} failure fixed after ${fixedAfter} minutes${outside === undefined ? '' : `, and a lasting ${outside} failure this alert does not cover`}`,
        series: [
          failingPod(first, `1x${fixedAfter}`),
          policyResultSeries(
            { policy: EXAMPLE_POLICY[first], severity: first, status: 'pass', resource: { kind: 'Pod', name: 'api-0', namespace: 'payments' } },
            `_x${fixedAfter + 1} 1x${minutes + 10}`,
          ),
          ...(outside === undefined ? [] : [failingPod(outside, `1x${minutes + 10}`)]),
        ],
        at: `${minutes + 5}m`,
        firing: [],
      },
    },
  };
}
