import { ConsumptionBudgetSubscription } from '@cdktf/provider-azurerm/lib/consumption-budget-subscription';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { BudgetSpec } from '../infrastructure-spec';
import type { CostTag } from '../tenant-budgets';

/**
 * First month of every budget: the month of the apply that creates it, computed by Terraform, so
 * no fixed date can fall behind (Azure refuses a monthly budget that starts before the month it is
 * created in). The text is the same on every synth; `ignore_changes` keeps the start of an existing
 * budget as it was created (Azure refuses to change it, and `timestamp()` moves every plan).
 */
export const BUDGET_START_OF_CREATION_MONTH = Fn.formatdate("YYYY-MM-01'T'00:00:00Z", Fn.timestamp());

/** Azure accepts at most five notifications per budget. */
const MAX_NOTIFICATIONS = 5;

export interface SubscriptionBudgetProps {
  readonly name: string;
  readonly subscriptionId: string;
  readonly budget: BudgetSpec;
  /**
   * First month the budget counts, `YYYY-MM-01T00:00:00Z`.
   * @default the month of the apply that creates the budget
   */
  readonly startDate?: string;
  /** Count only the usage of resources tagged so (no activation needed in Azure). @default - the whole subscription */
  readonly tag?: CostTag;
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
    if (props.startDate !== undefined && !/^\d{4}-\d{2}-01T00:00:00Z$/.test(props.startDate)) {
      throw new Error(`${this.node.path}: startDate ${props.startDate} must be the first day of a month, e.g. 2027-01-01T00:00:00Z`);
    }
    const startDate = props.startDate ?? BUDGET_START_OF_CREATION_MONTH;

    this.budget = new ConsumptionBudgetSubscription(this, 'monthly', {
      name: props.name,
      subscriptionId: `/subscriptions/${props.subscriptionId}`,
      amount: monthlyLimit,
      timeGrain: 'Monthly',
      timePeriod: { startDate },
      ...(props.tag === undefined ? {} : { filter: { tag: [{ name: props.tag.key, values: [props.tag.value] }] } }),
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
