import type { RuleControls } from './spec-rule';
import { SUPPRESSION_RULE } from './suppressions';
import type { RuleLevel } from './types';

/**
 * What a rule reads: Kubernetes objects, Terraform resources, both engines' output of an
 * environment together (`estate`), one environment spec (`spec`) or all of them (`fleet`).
 */
export type RuleEngine = 'terraform' | 'kubernetes' | 'estate' | 'spec' | 'fleet';

/** `pass`: the rule holds; `fail`: it does not; `suppressed`: it does not, and a valid suppression says why. */
export type RuleStatus = 'pass' | 'fail' | 'suppressed';

/** One rule evaluated on one resource (or one suppression checked): a row of the compliance report. */
export interface RuleResult {
  readonly environment: string;
  readonly engine: RuleEngine;
  /**
   * Terraform stack name (`aws-foundation`), Kubernetes component (`policies`), `(estate)` for the
   * checks of both engines together, or the environment file (`environments/prod.ts`) of a spec check.
   */
  readonly unit: string;
  /**
   * Terraform address (`aws_s3_bucket.bucket`), Kubernetes object (`Namespace/monitoring`,
   * `Secret/argocd/x`), the environment (estate checks) or the spec field path (spec checks).
   */
  readonly resource: string;
  /**
   * Where a reader finds it: the construct path of the resource (or of the construct carrying a
   * suppression), a file of dist/ (estate checks), or the environment file (spec checks).
   */
  readonly path: string;
  readonly rule: string;
  readonly level: RuleLevel;
  readonly status: RuleStatus;
  /** Failing and suppressed results: the offending field, its value (rendered), what is wrong, the fix. */
  readonly field?: string;
  readonly value?: string;
  readonly problem?: string;
  readonly fix?: string;
  /** Suppressed results: the suppression that holds. */
  readonly suppression?: { readonly reason: string; readonly expires: string };
  readonly controls: RuleControls;
}

/**
 * Collects results. Idempotent: recording the same rule on the same resource again replaces the
 * earlier result, so that re-running an aspect or a validation (cdktf and cdk8s may both invoke
 * them) never counts a result twice.
 */
export class ResultRecorder {
  private readonly byKey = new Map<string, RuleResult>();

  record(result: RuleResult): void {
    this.byKey.set(resultKey(result), result);
  }

  /** Every result, in report order (environment, rule, resource, unit, path). */
  get results(): readonly RuleResult[] {
    return sortResults([...this.byKey.values()]);
  }
}

/**
 * One rule on one resource; the findings of one rule on one resource (and a construct's
 * suppressions, `suppressions[1].reason`) are told apart by their field.
 */
function resultKey(r: RuleResult): string {
  const finding = r.status === 'pass' && r.rule !== SUPPRESSION_RULE.id ? '' : (r.field ?? '');
  return [r.environment, r.engine, r.unit, r.resource, r.path, r.rule, finding].join('\u0000');
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Results in report order: environment, rule, resource, then unit and path. */
export function sortResults(results: readonly RuleResult[]): RuleResult[] {
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
export function blockingResults(results: readonly RuleResult[]): RuleResult[] {
  return results.filter((r) => r.status === 'fail' && r.level === 'error');
}
