import type { RiskFinding, RiskLevel, RiskRule } from '../risk-rule';
import { factsOf, resultLabel } from './compliance-results';

/** A suppressed `error` in production hides what the project's own checks would refuse there. */
function levelOf(resultLevel: string, production: boolean): RiskLevel {
  return production && resultLevel === 'error' ? 'high' : 'medium';
}

export const complianceNewlySuppressed: RiskRule<'compliance'> = {
  id: 'compliance-newly-suppressed',
  engine: 'compliance',
  title: 'a compliance result newly suppressed, or its suppression extended',
  check(change, context) {
    const { base, head } = change;
    if (head === undefined || head.status !== 'suppressed') return [];
    const after = factsOf(head);
    const level = levelOf(after.level, context.tier === 'production');
    const reason = after.suppression !== undefined ? `reason "${after.suppression.reason}", expires ${after.suppression.expires}` : 'no suppression recorded';
    if (base === undefined || base.status !== 'suppressed') {
      const finding: RiskFinding = { level, reason: `${resultLabel(head)}: ${base?.status ?? 'absent'} -> suppressed (${after.level}): ${reason}`, path: 'status' };
      return [finding];
    }
    // Already suppressed: only a later (or dropped) expiry extends it. Suppression expiries are ISO dates (YYYY-MM-DD), ordered as text.
    const expiresBefore = factsOf(base).suppression?.expires;
    const expiresAfter = after.suppression?.expires;
    if (expiresBefore === undefined || expiresAfter === undefined || expiresAfter <= expiresBefore) return [];
    return [
      {
        level,
        reason: `${resultLabel(head)}: suppression extended, expires ${expiresBefore} -> ${expiresAfter} (${after.level}): reason "${after.suppression?.reason ?? ''}"`,
        path: 'suppression.expires',
      },
    ];
  },
};
