import type { RiskFinding, RiskRule } from '../risk-rule';
import { complianceLevel, factsOf, resultLabel } from './compliance-results';

/**
 * Levels (complianceLevel, the same as compliance-newly-failing: a suppressed result hides what a
 * failing one shows): an `error` result suppressed is high in production, medium elsewhere; a
 * `warning`, medium in production, low elsewhere.
 */
export const complianceNewlySuppressed: RiskRule<'compliance'> = {
  id: 'compliance-newly-suppressed',
  engine: 'compliance',
  title: 'a compliance result newly suppressed, or its suppression extended (a later expiry, or none)',
  check(change, context) {
    const { base, head } = change;
    if (head === undefined || head.status !== 'suppressed') return [];
    const after = factsOf(head);
    const level = complianceLevel(after.level, context.tier);
    const expiresAfter = after.suppression?.expires ?? '(none: never expires)';
    const reason = after.suppression !== undefined ? `reason "${after.suppression.reason}", expires ${expiresAfter}` : 'no suppression recorded';
    if (base === undefined || base.status !== 'suppressed') {
      const finding: RiskFinding = { level, reason: `${resultLabel(head)}: ${base?.status ?? 'absent'} -> suppressed (${after.level}): ${reason}`, path: 'status' };
      return [finding];
    }
    // Already suppressed: a later expiry, or a dropped one (defined -> undefined: it never lapses), extends it.
    // Suppression expiries are ISO dates (YYYY-MM-DD, constructs/rules/suppressions.ts), ordered as text.
    const before = factsOf(base).suppression?.expires;
    if (before === undefined || after.suppression === undefined) return [];
    const extended = after.suppression.expires === undefined || after.suppression.expires > before;
    if (!extended) return [];
    return [
      {
        level,
        reason: `${resultLabel(head)}: suppression extended, expires ${before} -> ${expiresAfter} (${after.level}): reason "${after.suppression.reason}"`,
        path: 'suppression.expires',
      },
    ];
  },
};
