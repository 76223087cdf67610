import { unitLabel } from '../../estate-unit';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { budgetType } from './resources';

/** At most this many alerts are named in one reason line; the rest are counted. */
const NAMED_ALERTS = 3;

/**
 * A cost budget removed (nobody is told when the environment overspends), lowered, or with alerts
 * (a threshold or a recipient) gone. Raising a budget is noted low. How each cloud states its
 * amount and alerts is in the per-cloud tables (resources/*.ts).
 */
export const terraformBudgetLoweredOrRemoved: RiskRule<'terraform'> = {
  id: 'terraform-budget-lowered-or-removed',
  engine: 'terraform',
  title: 'a cost budget removed, lowered, or its alerts (thresholds, recipients) removed',
  check(change, context) {
    const { base, head } = change;
    if (base === undefined) return [];
    const budget = budgetType(base);
    if (budget === undefined) return [];
    const label = unitLabel(base);
    if (change.kind === 'removed') {
      return [
        { level: highInProduction(context.tier), reason: `${label} removed: spend in ${context.tier} is no longer compared with a budget and nobody is alerted when it overruns` },
      ];
    }
    if (head === undefined || head.type !== base.type) return [];
    const findings: RiskFinding[] = [];
    const before = budget.amount(base.body);
    const after = budget.amount(head.body);
    if (before !== undefined && after !== undefined && after < before) {
      findings.push({
        level: 'medium',
        reason: `${label}: budget lowered ${before} -> ${after}; below the usual spend it alerts every period until the alerts are ignored`,
        path: budget.amountPath,
      });
    } else if (before !== undefined && after !== undefined && after > before) {
      findings.push({ level: 'low', reason: `${label}: budget raised ${before} -> ${after}`, path: budget.amountPath });
    }
    const remaining = new Set(budget.alerts(head.body));
    const lost = budget.alerts(base.body).filter((alert) => !remaining.has(alert));
    if (lost.length > 0) {
      const named = lost.slice(0, NAMED_ALERTS).join('; ');
      const more = lost.length > NAMED_ALERTS ? ` and ${lost.length - NAMED_ALERTS} more` : '';
      findings.push({ level: 'medium', reason: `${label}: ${lost.length} budget alert(s) removed (${named}${more}); overspend is noticed later or not at all` });
    }
    return findings;
  },
};
