import type { IConstruct } from 'constructs';
import { isIsoDate } from '../core/calendar';
import type { RuleMetadata } from './spec-rule';
import type { ComplianceSuppression } from './types';

/** Shortest reason a suppression may give: long enough to say why, not just "n/a". */
export const MIN_SUPPRESSION_REASON = 10;

/**
 * The rule every suppression is checked against. A suppression that is expired, has no real reason,
 * an invalid date or names no rule fails it (level `error`) and suppresses nothing: a waiver
 * nobody can read or that outlived its review is never a silent pass.
 */
export const SUPPRESSION_RULE: RuleMetadata = {
  id: 'compliance-suppression',
  level: 'error',
  title: 'Every suppression names a rule, gives a reason of 10+ characters and has not expired',
  rationale:
    'A suppression is a reviewed exception. Without a reason the review cannot be audited; without an expiry ' +
    'it becomes permanent; an unknown rule id means the exception protects nothing and hides a typo.',
  controls: {
    soc2: ['CC3.2', 'CC8.1'],
    pciDss: ['12.3.1', '12.4.1'],
    iso27001: ['A.5.36', 'A.8.32'],
    gdpr: ['Art. 5(2)'],
  },
};

const SUPPRESSIONS = new WeakMap<IConstruct, ComplianceSuppression[]>();

/**
 * Suppresses rules on `construct` and everything below it (cdk-nag's `applyToChildren`). Each
 * suppression needs a reason (10+ characters) and an expiry date (`YYYY-MM-DD`, the last day it
 * holds); both are checked when the rules run, and a bad one fails `compliance-suppression`
 * instead of suppressing. Suppressions appear in the compliance report with their reasons.
 */
export function suppressCompliance(construct: IConstruct, suppressions: readonly ComplianceSuppression[]): void {
  const own = SUPPRESSIONS.get(construct) ?? [];
  own.push(...suppressions);
  SUPPRESSIONS.set(construct, own);
}

/** Suppressions declared on this construct itself. */
export function suppressionsOn(construct: IConstruct): readonly ComplianceSuppression[] {
  return SUPPRESSIONS.get(construct) ?? [];
}

/** Suppressions that apply to `construct`: its own and those of every scope above it, nearest first. */
export function suppressionsFor(construct: IConstruct): readonly ComplianceSuppression[] {
  return [...construct.node.scopes].reverse().flatMap((scope) => suppressionsOn(scope));
}

export interface SuppressionProblem {
  /** `rule`, `reason` or `expires`. */
  readonly field: 'rule' | 'reason' | 'expires';
  readonly problem: string;
  readonly fix: string;
}

/** What is wrong with a suppression on `today`, or `undefined` when it holds. */
export function suppressionProblem(suppression: ComplianceSuppression, today: string, knownRules: ReadonlySet<string>): SuppressionProblem | undefined {
  if (!knownRules.has(suppression.rule)) {
    return {
      field: 'rule',
      problem: `the suppression names no rule of this engine, so it suppresses nothing`,
      fix: 'use the id of a rule from the compliance report catalogue, or remove the suppression',
    };
  }
  if (suppression.reason.trim().length < MIN_SUPPRESSION_REASON) {
    return {
      field: 'reason',
      problem: `the suppression of ${suppression.rule} gives no reason a reviewer can audit (fewer than ${MIN_SUPPRESSION_REASON} characters)`,
      fix: 'say why the rule does not apply here and what mitigates the risk',
    };
  }
  if (!isIsoDate(suppression.expires)) {
    return {
      field: 'expires',
      problem: `the suppression of ${suppression.rule} has no valid expiry date (YYYY-MM-DD)`,
      fix: 'set expires to the last day (UTC) the exception may hold, e.g. 2026-06-30',
    };
  }
  if (suppression.expires < today) {
    return {
      field: 'expires',
      problem: `the suppression of ${suppression.rule} expired on ${suppression.expires} (today is ${today})`,
      fix: 'fix the resource so the rule passes, or review the exception again and set a new expiry',
    };
  }
  return undefined;
}
