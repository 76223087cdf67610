import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Testing } from 'cdktf';
import { SubscriptionBudget, type SubscriptionBudgetProps } from '../../../constructs/terraform/azure/subscription-budget';
import type { BudgetSpec } from '../../../environments/types';
import { block } from '../terraform-json';
import { AZURE_ENVIRONMENTS, azureJson, ProbeStack } from './azure-test-helpers';

const budget: BudgetSpec = { monthlyLimit: 2000, currency: 'USD', alertThresholds: [50, 80, 100], notifyEmails: ['finops@fixtureco.example'] };

function budgetJson(props: Partial<SubscriptionBudgetProps> = {}): Record<string, unknown> {
  const stack = new ProbeStack(Testing.app(), 'probe', 'probe');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new SubscriptionBudget(stack, 'budget', { name: 'budget-dev-monthly', subscriptionId: 'sub-id', budget, ...props });
  const json: unknown = JSON.parse(Testing.synth(stack));
  return block(json as Record<string, unknown>, 'azurerm_consumption_budget_subscription', 'budget-monthly');
}

describe('SubscriptionBudget', () => {
  it('alerts every recipient once per threshold when actual spend goes above it', () => {
    expect(budgetJson().notification).toEqual(
      [50, 80, 100].map((threshold) => ({
        enabled: true,
        operator: 'GreaterThan',
        threshold,
        threshold_type: 'Actual',
        contact_emails: ['finops@fixtureco.example'],
      })),
    );
  });

  it('budgets the monthly limit of the subscription from the month it is created in, never a fixed date time can overtake', () => {
    expect(budgetJson()).toMatchObject({
      amount: 2000,
      subscription_id: '/subscriptions/sub-id',
      time_grain: 'Monthly',
      // Evaluated by Terraform at the apply that creates the budget (issue 11, item 13).
      time_period: { start_date: '${formatdate("YYYY-MM-01\'T\'00:00:00Z", timestamp())}' },
      // Azure refuses to change the start of an existing budget, and timestamp() moves every plan.
      lifecycle: { ignore_changes: ['time_period'] },
    });
  });

  it('starts from another first of the month when asked', () => {
    expect(budgetJson({ startDate: '2027-01-01T00:00:00Z' }).time_period).toEqual({ start_date: '2027-01-01T00:00:00Z' });
  });

  it('rejects more thresholds than the five notifications Azure allows', () => {
    expect(() => budgetJson({ budget: { ...budget, alertThresholds: [10, 20, 30, 40, 50, 60] } })).toThrow('at most 5 notifications');
  });

  it('rejects a start that is not the first day of a month', () => {
    expect(() => budgetJson({ startDate: '2026-11-25T00:00:00Z' })).toThrow('must be the first day of a month');
  });
});

describe.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the budget of %s', (env, spec) => {
  const json = block(azureJson(spec, 'azure-foundation'), 'azurerm_consumption_budget_subscription', 'budget-monthly');
  const { monthlyLimit, alertThresholds, notifyEmails } = spec.infrastructure.budget;

  it("follows the spec's limit, thresholds and recipients for the environment's subscription", () => {
    expect(json).toMatchObject({ name: `budget-${env}-monthly`, amount: monthlyLimit, subscription_id: `/subscriptions/${spec.clouds.azure!.subscriptionId}` });
    expect(json.notification).toEqual(alertThresholds.map((threshold) => expect.objectContaining({ threshold, contact_emails: [...notifyEmails] })));
  });
});
