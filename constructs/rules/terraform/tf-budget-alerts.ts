import type { BudgetSpec } from '../../terraform/infrastructure-spec';
import { TENANT_TAG } from '../../terraform/tenant-budgets';
import { at, block, blocks, boolAt, numberAt, stringAt, stringMapAt, stringsAt } from '../inspect/attributes';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule, TerraformRuleEnvironment } from '../types';

/**
 * Budgets say what `infrastructure.budget` says (a tenant's budget: what `tenants[].budget` says): its monthly limit and currency, an alert on actual
 * spend at every threshold, sent to every address of `notifyEmails` (GCP sends to the billing
 * account's admins or to monitoring channels, so there an audience must exist rather than match).
 */
export const tfBudgetAlerts: TerraformRule = {
  id: 'tf-budget-alerts',
  engine: 'terraform',
  level: 'warning',
  title: 'Budgets match the environment spec and alert its recipients',
  rationale: 'A budget with the wrong limit, a missing threshold or nobody to tell is a budget in name only: the alert the ' + 'spec promises never arrives.',
  controls: {
    soc2: ['A1.1', 'CC7.2'],
    pciDss: [],
    iso27001: ['A.8.6'],
    gdpr: [],
  },
  resourceTypes: ['aws_budgets_budget', 'azurerm_consumption_budget_subscription', 'azurerm_consumption_budget_resource_group', 'google_billing_budget'],
  check(resource, context) {
    const budget = budgetOf(resource, context.environment);
    if (resource.type === 'aws_budgets_budget') return checkAws(resource, budget);
    if (resource.type === 'google_billing_budget') return checkGcp(resource, budget);
    return checkAzure(resource, budget);
  },
};

/**
 * The budget a resource implements: a tenant's when it filters on the tenant tag (AWS cost filter
 * `TagKeyValue` `user:tenant$<name>`, Azure tag filter, GCP label; constructs/terraform/tenant-budgets.ts),
 * else the environment's.
 */
function budgetOf(resource: TerraformResourceView, environment: TerraformRuleEnvironment): BudgetSpec {
  const tenant = tenantFilter(resource);
  return (tenant !== undefined ? environment.tenantBudgets?.[tenant] : undefined) ?? environment.infrastructure.budget;
}

function tenantFilter(resource: TerraformResourceView): string | undefined {
  const prefix = `user:${TENANT_TAG}$`;
  const aws = blocks(resource.attributes.cost_filter)
    .filter((f) => stringAt(f, 'name') === 'TagKeyValue')
    .flatMap((f) => stringsAt(f, 'values'))
    .find((v) => v.startsWith(prefix));
  if (aws !== undefined) return aws.slice(prefix.length);
  const azure = blocks(at(resource.attributes, 'filter.tag')).find((t) => stringAt(t, 'name') === TENANT_TAG);
  if (azure !== undefined) return stringsAt(azure, 'values')[0];
  return stringMapAt(block(resource.attributes.budget_filter), 'labels')[TENANT_TAG];
}

function checkAws(resource: TerraformResourceView, budget: BudgetSpec): RuleOutcome {
  const limit = numberAt(resource.attributes, 'limit_amount');
  if (limit !== budget.monthlyLimit)
    return nonCompliant('limit_amount', resource.attributes.limit_amount, `the limit is not the spec's ${budget.monthlyLimit}`, `set limit_amount = "${budget.monthlyLimit}"`);
  const unit = stringAt(resource.attributes, 'limit_unit');
  if (unit !== budget.currency) return nonCompliant('limit_unit', unit, `the currency is not the spec's ${budget.currency}`, `set limit_unit = "${budget.currency}"`);
  const notifications = blocks(resource.attributes.notification).filter((n) => stringAt(n, 'notification_type') === 'ACTUAL' && stringAt(n, 'threshold_type') === 'PERCENTAGE');
  return checkNotifications(
    notifications.map((n) => ({ threshold: numberAt(n, 'threshold'), recipients: stringsAt(n, 'subscriber_email_addresses') })),
    budget,
    'notification',
    'add a notification { notification_type = "ACTUAL", threshold_type = "PERCENTAGE", threshold, subscriber_email_addresses } per threshold',
  );
}

function checkAzure(resource: TerraformResourceView, budget: BudgetSpec): RuleOutcome {
  const amount = numberAt(resource.attributes, 'amount');
  if (amount !== budget.monthlyLimit) return nonCompliant('amount', amount, `the amount is not the spec's ${budget.monthlyLimit}`, `set amount = ${budget.monthlyLimit}`);
  const notifications = blocks(resource.attributes.notification).filter((n) => boolAt(n, 'enabled') !== false && (stringAt(n, 'threshold_type') ?? 'Actual') === 'Actual');
  return checkNotifications(
    notifications.map((n) => ({ threshold: numberAt(n, 'threshold'), recipients: stringsAt(n, 'contact_emails') })),
    budget,
    'notification',
    'add a notification { operator = "GreaterThanOrEqualTo", threshold, contact_emails } per threshold',
  );
}

function checkGcp(resource: TerraformResourceView, budget: BudgetSpec): RuleOutcome {
  const amount = block(at(resource.attributes, 'amount.specified_amount'));
  const units = numberAt(amount, 'units');
  if (units !== budget.monthlyLimit)
    return nonCompliant(
      'amount.specified_amount.units',
      amount?.units,
      `the amount is not the spec's ${budget.monthlyLimit}`,
      `set amount.specified_amount.units = "${budget.monthlyLimit}"`,
    );
  const currency = stringAt(amount, 'currency_code');
  if (currency !== undefined && currency !== budget.currency)
    return nonCompliant('amount.specified_amount.currency_code', currency, `the currency is not the spec's ${budget.currency}`, `set currency_code = "${budget.currency}"`);
  const rules = blocks(resource.attributes.threshold_rules).filter((r) => (stringAt(r, 'spend_basis') ?? 'CURRENT_SPEND') === 'CURRENT_SPEND');
  const percents = rules
    .map((r) => numberAt(r, 'threshold_percent'))
    .filter((p): p is number => p !== undefined)
    .map((p) => Math.round(p * 100));
  const missing = budget.alertThresholds.find((t) => !percents.includes(t));
  if (missing !== undefined) {
    return nonCompliant('threshold_rules', percents, `no alert on current spend at ${missing}%`, `add threshold_rules { threshold_percent = ${missing / 100} } per threshold`);
  }
  const channels = stringsAt(resource.attributes, 'all_updates_rule.monitoring_notification_channels');
  const defaultRecipients = boolAt(resource.attributes, 'all_updates_rule.disable_default_iam_recipients') !== true;
  if (channels.length > 0 || defaultRecipients) return COMPLIANT;
  return nonCompliant(
    'all_updates_rule.monitoring_notification_channels',
    channels,
    'the budget alerts nobody',
    'add email notification channels for infrastructure.budget.notifyEmails',
  );
}

interface Alert {
  readonly threshold: number | undefined;
  readonly recipients: readonly string[];
}

function checkNotifications(alerts: readonly Alert[], budget: BudgetSpec, field: string, fix: string): RuleOutcome {
  for (const threshold of budget.alertThresholds) {
    const alert = alerts.find((a) => a.threshold === threshold);
    if (alert === undefined) {
      return nonCompliant(
        field,
        alerts.map((a) => a.threshold),
        `no alert on actual spend at ${threshold}%`,
        fix,
      );
    }
    const missing = budget.notifyEmails.find((email) => !alert.recipients.includes(email));
    if (missing !== undefined) {
      return nonCompliant(`${field}.recipients`, alert.recipients, `the ${threshold}% alert does not notify ${missing}`, `add every address of infrastructure.budget.notifyEmails`);
    }
  }
  return COMPLIANT;
}
