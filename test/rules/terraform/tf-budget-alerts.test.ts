import { tfBudgetAlerts as rule } from '../../../constructs/rules/terraform/tf-budget-alerts';
import { fixtureTenant } from '../../support/fixture-tenant';
import { checkTerraform, dev, expectCompliant, expectFailure, prod, resource } from '../fixtures';

const budget = prod.infrastructure.budget;

function awsBudget(overrides: Record<string, unknown> = {}) {
  return resource('aws_budgets_budget', 'budget', {
    budget_type: 'COST',
    limit_amount: String(budget.monthlyLimit),
    limit_unit: budget.currency,
    time_unit: 'MONTHLY',
    notification: budget.alertThresholds.map((threshold) => ({
      comparison_operator: 'GREATER_THAN',
      notification_type: 'ACTUAL',
      threshold,
      threshold_type: 'PERCENTAGE',
      subscriber_email_addresses: [...budget.notifyEmails],
    })),
    ...overrides,
  });
}

describe('tf-budget-alerts', () => {
  it('is a warning: a mismatched budget is reported, not refused', () => {
    expect(rule.level).toBe('warning');
  });

  it('accepts an AWS budget with the spec limit, every threshold and every recipient', () => {
    const b = awsBudget();
    expectCompliant(checkTerraform(rule, b, [b], prod));
  });

  it('rejects another limit, a missing threshold or a missing recipient', () => {
    const limit = awsBudget({ limit_amount: '1' });
    expectFailure(checkTerraform(rule, limit, [limit], prod), { field: 'limit_amount', value: '1' });
    const fewer = awsBudget({ notification: [] });
    expectFailure(checkTerraform(rule, fewer, [fewer], prod), { field: 'notification', problem: new RegExp(`${budget.alertThresholds[0]}%`) });
    const nobody = awsBudget({
      notification: budget.alertThresholds.map((threshold) => ({ notification_type: 'ACTUAL', threshold, threshold_type: 'PERCENTAGE', subscriber_email_addresses: [] })),
    });
    expectFailure(checkTerraform(rule, nobody, [nobody], prod), { field: 'notification.recipients', problem: new RegExp(budget.notifyEmails[0]!) });
  });

  it('accepts an Azure subscription budget with the spec amount, thresholds and recipients', () => {
    const spec = dev.infrastructure.budget;
    const good = resource('azurerm_consumption_budget_subscription', 'budget', {
      amount: spec.monthlyLimit,
      notification: spec.alertThresholds.map((threshold) => ({ enabled: true, operator: 'GreaterThanOrEqualTo', threshold, contact_emails: [...spec.notifyEmails] })),
    });
    expectCompliant(checkTerraform(rule, good, [good], dev));
  });

  it('rejects an Azure budget that alerts on forecasts only', () => {
    const spec = dev.infrastructure.budget;
    const forecastOnly = resource('azurerm_consumption_budget_subscription', 'budget', {
      amount: spec.monthlyLimit,
      notification: spec.alertThresholds.map((threshold) => ({ threshold, threshold_type: 'Forecasted', contact_emails: [...spec.notifyEmails] })),
    });
    expectFailure(checkTerraform(rule, forecastOnly, [forecastOnly], dev), { field: 'notification' });
  });

  it('accepts a GCP billing budget with the spec amount, thresholds as fractions and a channel', () => {
    const spec = dev.infrastructure.budget;
    const attributes = {
      amount: { specified_amount: { currency_code: spec.currency, units: String(spec.monthlyLimit) } },
      threshold_rules: spec.alertThresholds.map((t) => ({ threshold_percent: t / 100 })),
      all_updates_rule: { monitoring_notification_channels: ['${google_monitoring_notification_channel.finops.id}'], disable_default_iam_recipients: true },
    };
    const good = resource('google_billing_budget', 'budget', attributes);
    expectCompliant(checkTerraform(rule, good, [good], dev));
  });

  it('rejects a GCP budget that notifies nobody or misses a threshold', () => {
    const spec = dev.infrastructure.budget;
    const attributes = {
      amount: { specified_amount: { currency_code: spec.currency, units: String(spec.monthlyLimit) } },
      threshold_rules: spec.alertThresholds.map((t) => ({ threshold_percent: t / 100 })),
      all_updates_rule: { monitoring_notification_channels: ['${google_monitoring_notification_channel.finops.id}'], disable_default_iam_recipients: true },
    };
    const silent = resource('google_billing_budget', 'budget', { ...attributes, all_updates_rule: { disable_default_iam_recipients: true } });
    expectFailure(checkTerraform(rule, silent, [silent], dev), { field: 'all_updates_rule.monitoring_notification_channels' });
    const missing = resource('google_billing_budget', 'budget', { ...attributes, threshold_rules: [{ threshold_percent: 0.5 }] });
    expectFailure(checkTerraform(rule, missing, [missing], dev), { field: 'threshold_rules', value: [50] });
  });

  it("compares a budget filtered on a tenant's tag with that tenant's budget, not the environment's", () => {
    const tenant = fixtureTenant({ budget: { monthlyLimit: 120, currency: 'USD', alertThresholds: [80, 100], notifyEmails: ['alpha@fixture.example'] } });
    const withTenant = { ...prod, tenants: [tenant] };
    const tenantBudget = (limit: number) =>
      awsBudget({
        limit_amount: String(limit),
        cost_filter: [{ name: 'TagKeyValue', values: ['user:tenant$alpha'] }],
        notification: tenant.budget.alertThresholds.map((threshold) => ({
          notification_type: 'ACTUAL',
          threshold,
          threshold_type: 'PERCENTAGE',
          subscriber_email_addresses: [...tenant.budget.notifyEmails],
        })),
      });
    const right = tenantBudget(120);
    expectCompliant(checkTerraform(rule, right, [right], withTenant));
    const environments = tenantBudget(budget.monthlyLimit);
    expectFailure(checkTerraform(rule, environments, [environments], withTenant), { field: 'limit_amount', value: String(budget.monthlyLimit) });
  });
});
