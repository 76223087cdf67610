import { Construct } from 'constructs';
import { ConsumptionBudgetSubscription } from '@cdktf/provider-azurerm/lib/consumption-budget-subscription';
import type { BudgetSpec } from '../../../environments/types';

/**
 * First month of every budget: a fixed date, never the current one, so that the synthesized HCL is
 * the same on every run. Azure refuses a monthly budget that starts before the month it is created
 * in and refuses any later change of the start, so the value only matters when a budget is created
 * (`ignore_changes` keeps existing budgets untouched when it moves): November 2026, when the
 * Azure budgets were introduced. A subscription added later needs its creation month here.
 */
export const BUDGET_START_DATE = '2026-11-01T00:00:00Z';

/** Azure accepts at most five notifications per budget. */
const MAX_NOTIFICATIONS = 5;

export interface SubscriptionBudgetProps {
  readonly name: string;
  readonly subscriptionId: string;
  readonly budget: BudgetSpec;
  /**
   * First month the budget counts.
   * @default BUDGET_START_DATE
   */
  readonly startDate?: string;
}

/**
 * The monthly cost budget of a subscription: one e-mail notification per alert threshold of the
 * spec, on actual (not forecast) spend above the threshold.
 *
 * The amount is in the billing currency of the subscription, which Azure decides (the budget API has
 * no currency): the spec's `currency` must match the billing account's.
 */
export class SubscriptionBudget extends Construct {
  readonly budget: ConsumptionBudgetSubscription;

  constructor(scope: Construct, id: string, props: SubscriptionBudgetProps) {
    super(scope, id);
    const { alertThresholds, notifyEmails, monthlyLimit } = props.budget;
    if (alertThresholds.length > MAX_NOTIFICATIONS) {
      throw new Error(
        `${this.node.path}: budget.alertThresholds has ${alertThresholds.length} thresholds (${alertThresholds.join(', ')}); ` +
          `an Azure budget accepts at most ${MAX_NOTIFICATIONS} notifications (keep the ${MAX_NOTIFICATIONS} that matter)`,
      );
    }
    const startDate = props.startDate ?? BUDGET_START_DATE;
    if (!/^\d{4}-\d{2}-01T00:00:00Z$/.test(startDate)) {
      throw new Error(`${this.node.path}: startDate ${startDate} must be the first day of a month, e.g. 2026-11-01T00:00:00Z`);
    }

    this.budget = new ConsumptionBudgetSubscription(this, 'monthly', {
        name: props.name,
        subscriptionId: `/subscriptions/${props.subscriptionId}`,
        amount: monthlyLimit,
        timeGrain: 'Monthly',
        timePeriod: { startDate },
        notification: alertThresholds.map((threshold) => ({
          enabled: true,
          operator: 'GreaterThan',
          threshold,
          thresholdType: 'Actual',
          contactEmails: [...notifyEmails],
        })),
        lifecycle: { ignoreChanges: ['time_period'] },
      });
  }
}
