import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { Construct } from 'constructs';
import type { BudgetSpec } from '../infrastructure-spec';
import type { CostTag } from '../tenant-budgets';

/** AWS Budgets quotas: notifications per budget, e-mail subscribers per notification. */
const MAX_NOTIFICATIONS = 5;
const MAX_EMAIL_SUBSCRIBERS = 10;

export interface MonthlyBudgetProps {
  /** Budget name, unique in the account. */
  readonly name: string;
  readonly budget: BudgetSpec;
  /**
   * Count only the spend tagged so (`TagKeyValue` `user:<key>$<value>`, the form AWS gives
   * user-defined cost allocation tags). The tag must be activated as a cost allocation tag in the
   * organisation's management (payer) account, outside this estate's Terraform; until then the
   * budget reads 0 and never alerts.
   * @default - the whole account
   */
  readonly tag?: CostTag;
}

/**
 * The environment's monthly cost budget in its AWS account: one e-mail alert per threshold of
 * `budget.alertThresholds`, when the actual spend of the month passes that percentage of the
 * limit.
 *
 * The budget covers the whole account, without a `TagKeyValue` filter on `user:env$<env>`: every
 * environment has an account of its own (test/terraform/aws/monthly-budget.test.ts checks it),
 * so the account's spend is the environment's, including the charges that carry no tag (data
 * transfer, support, tax). A tag filter would also read zero, and never alert, until the `env`
 * tag is activated as a cost allocation tag, which only the organisation's payer account can do
 * (outside this estate's Terraform).
 */
export class MonthlyBudget extends Construct {
  readonly resource: BudgetsBudget;

  constructor(scope: Construct, id: string, props: MonthlyBudgetProps) {
    super(scope, id);
    const { budget } = props;
    if (budget.alertThresholds.length > MAX_NOTIFICATIONS) {
      throw new Error(
        `${this.node.path}: budget.alertThresholds has ${budget.alertThresholds.length} thresholds; AWS Budgets allows ${MAX_NOTIFICATIONS} notifications per budget (drop some)`,
      );
    }
    if (budget.notifyEmails.length === 0 || budget.notifyEmails.length > MAX_EMAIL_SUBSCRIBERS) {
      throw new Error(
        `${this.node.path}: budget.notifyEmails has ${budget.notifyEmails.length} addresses; AWS Budgets needs 1 to ${MAX_EMAIL_SUBSCRIBERS} per alert (use a mailing list)`,
      );
    }
    this.resource = new BudgetsBudget(this, 'monthly', {
      name: props.name,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      limitAmount: String(budget.monthlyLimit),
      limitUnit: budget.currency,
      ...(props.tag === undefined ? {} : { costFilter: [{ name: 'TagKeyValue', values: [`user:${props.tag.key}$${props.tag.value}`] }] }),
      notification: budget.alertThresholds.map((threshold) => ({
        notificationType: 'ACTUAL',
        comparisonOperator: 'GREATER_THAN',
        threshold,
        thresholdType: 'PERCENTAGE',
        subscriberEmailAddresses: [...budget.notifyEmails],
      })),
    });
  }
}
