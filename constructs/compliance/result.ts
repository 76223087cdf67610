import { showValue, type Violation } from '../guardrails/violation';
import { SUPPRESSION_RULE } from './suppressions';
import type { ComplianceLevel, ControlMappings } from './types';

export type ComplianceEngine = 'terraform' | 'kubernetes';

/** `pass`: the rule holds; `fail`: it does not; `suppressed`: it does not, and a valid suppression says why. */
export type ComplianceStatus = 'pass' | 'fail' | 'suppressed';

/** One rule evaluated on one resource (or one suppression checked): a row of the compliance report. */
export interface ComplianceResult {
  readonly environment: string;
  readonly engine: ComplianceEngine;
  /** Terraform stack name (`aws-foundation`) or Kubernetes component (`policies`). */
  readonly unit: string;
  /** Terraform address (`aws_s3_bucket.bucket`) or Kubernetes object (`Namespace/monitoring`, `Secret/argocd/x`). */
  readonly resource: string;
  /** Construct path of the resource (or of the construct carrying a suppression). */
  readonly path: string;
  readonly rule: string;
  readonly level: ComplianceLevel;
  readonly status: ComplianceStatus;
  /** Failing and suppressed results: the offending field, its value (rendered), what is wrong, the fix. */
  readonly field?: string;
  readonly value?: string;
  readonly problem?: string;
  readonly fix?: string;
  /** Suppressed results: the suppression that holds. */
  readonly suppression?: { readonly reason: string; readonly expires: string };
  readonly controls: ControlMappings;
}

/**
 * Collects results. Idempotent: recording the same rule on the same resource again replaces the
 * earlier result, so that re-running an aspect or a validation (cdktf and cdk8s may both invoke
 * them) never counts a result twice.
 */
export class ComplianceRecorder {
  private readonly byKey = new Map<string, ComplianceResult>();

  record(result: ComplianceResult): void {
    this.byKey.set(resultKey(result), result);
  }

  /** Every result, in report order (environment, rule, resource, unit, path). */
  get results(): readonly ComplianceResult[] {
    return sortResults([...this.byKey.values()]);
  }
}

/** One rule on one resource; a construct's suppressions are told apart by their field (`suppressions[1].reason`). */
function resultKey(r: ComplianceResult): string {
  const suppression = r.rule === SUPPRESSION_RULE.id ? (r.field ?? '') : '';
  return [r.environment, r.engine, r.unit, r.resource, r.path, r.rule, suppression].join('\u0000');
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Results in report order: environment, rule, resource, then unit and path. */
export function sortResults(results: readonly ComplianceResult[]): ComplianceResult[] {
  return [...results].sort(
    (a, b) =>
      compareText(a.environment, b.environment) ||
      compareText(a.rule, b.rule) ||
      compareText(a.resource, b.resource) ||
      compareText(a.unit, b.unit) ||
      compareText(a.path, b.path) ||
      compareText(a.field ?? '', b.field ?? ''),
  );
}

/** Failing `error` results: the ones that refuse the synth. */
export function blockingResults(results: readonly ComplianceResult[]): ComplianceResult[] {
  return results.filter((r) => r.status === 'fail' && r.level === 'error');
}

/**
 * Failing `error` results as synth violations (`<env>: <path>: <field> is <value>; <problem>
 * [<rule>] (fix: <fix>)`). For Terraform results; Kubernetes failures already come back as chart
 * validation messages (see `addKubernetesComplianceValidations`).
 */
export function complianceViolations(results: readonly ComplianceResult[]): Violation[] {
  return blockingResults(results).map((r) => ({
    environment: r.environment,
    path: r.path,
    field: r.field ?? 'compliance',
    value: r.value ?? showValue(r.resource),
    problem: `${r.resource}: ${r.problem ?? 'fails the rule'} [${r.rule}]`,
    fix: r.fix ?? 'see the rule in the compliance report',
  }));
}
