import type { RiskRule } from '../risk-rule';
import { complianceLevel, factsOf, resultLabel } from './compliance-results';

/**
 * Levels (complianceLevel, the same as compliance-newly-suppressed): an `error` result failing is
 * high in production, medium elsewhere; a `warning`, medium in production, low elsewhere.
 */

export const complianceNewlyFailing: RiskRule<'compliance'> = {
  id: 'compliance-newly-failing',
  engine: 'compliance',
  title: 'a compliance result that newly fails (was passing or suppressed, or is new and failing)',
  check(change, context) {
    const { base, head } = change;
    if (head === undefined || head.status !== 'fail') return [];
    if (base !== undefined && base.status === 'fail') return [];
    const facts = factsOf(head);
    const before = base !== undefined ? base.status : 'absent';
    const finding = facts.field !== undefined ? ` ${facts.field}${facts.value !== undefined ? ` = ${facts.value}` : ''}` : '';
    const problem = facts.problem !== undefined ? `: ${facts.problem}` : '';
    return [
      {
        level: complianceLevel(facts.level, context.tier),
        reason: `${resultLabel(head)}: ${before} -> fail (${facts.level})${finding}${problem}`,
        path: 'status',
      },
    ];
  },
};
