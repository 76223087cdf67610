import { matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/** Each cloud budget has a limit, alert thresholds and someone to tell. */
export const specBudget: SpecRule<EnvironmentSpec> = {
  id: 'spec-budget',
  engine: 'spec',
  level: 'error',
  title: 'Cloud budgets alert someone before the limit',
  rationale: 'A budget without a positive limit, ordered thresholds or a reachable address never warns: the first sign of a runaway cost is the invoice.',
  controls: NO_CONTROLS,
  check: (spec) => {
    const { budget } = spec.infrastructure;
    const thresholds = budget.alertThresholds;
    return [
      ...unless(
        Number.isFinite(budget.monthlyLimit) && budget.monthlyLimit > 0,
        'infrastructure.budget.monthlyLimit',
        budget.monthlyLimit,
        'a budget needs a positive monthly limit',
        'set the monthly limit per cloud, e.g. 5000',
      ),
      ...unless(
        thresholds.length > 0 && thresholds.every((t, i) => Number.isInteger(t) && t > 0 && t <= 200 && (i === 0 || t > thresholds[i - 1]!)),
        'infrastructure.budget.alertThresholds',
        thresholds,
        'must be ascending whole percentages of the limit between 1 and 200: each becomes one alert',
        'e.g. [50, 80, 100]',
      ),
      ...unless(
        budget.notifyEmails.length > 0 && budget.notifyEmails.every((e) => matches(e, EMAIL)),
        'infrastructure.budget.notifyEmails',
        budget.notifyEmails,
        'budget alerts need at least one valid e-mail address to reach',
        "e.g. ['finops@acme.example']",
      ),
    ];
  },
};
