import type { BudgetSpec } from '../../constructs/terraform/infrastructure-spec';
import { array, number, object, oneOf, type Schema, string } from './schema';

/** The shape of a monthly budget: the environment's (`infrastructure.budget`) and each tenant's. */
export const BUDGET_SCHEMA: Schema<BudgetSpec> = object<BudgetSpec>({
  monthlyLimit: number(),
  currency: oneOf({ USD: true, EUR: true }),
  alertThresholds: array(number()),
  notifyEmails: array(string()),
});
