import type { RiskLevel, RiskRule } from '../risk-rule';
import { factsOf, resultLabel } from './compliance-results';

/**
 * A failing `error` result is what the project's own checks refuse (constructs/rules/report.ts
 * counts failErrors apart); a `warning` is worth a look.
 */
function levelOf(resultLevel: string, production: boolean): RiskLevel {
  if (resultLevel === 'warning') return production ? 'medium' : 'low';
  return production ? 'high' : 'medium';
}

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
        level: levelOf(facts.level, context.tier === 'production'),
        reason: `${resultLabel(head)}: ${before} -> fail (${facts.level})${finding}${problem}`,
        path: 'status',
      },
    ];
  },
};
