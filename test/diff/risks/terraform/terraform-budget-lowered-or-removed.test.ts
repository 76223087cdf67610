import { terraformBudgetLoweredOrRemoved } from '../../../../apps/diff/risks/terraform/terraform-budget-lowered-or-removed';
import { findings, terraformChange } from '../../change-builders';

// Trimmed from dist/terraform/prod/aws-foundation/main.tf.
const AWS_BUDGET = `
resource "aws_budgets_budget" "budget-monthly" {
  budget_type  = "COST"
  limit_amount = "20000"
  limit_unit   = "USD"
  name         = "prod-monthly"
  time_unit    = "MONTHLY"
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    threshold      = 80
    threshold_type = "PERCENTAGE"
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    threshold      = 100
    threshold_type = "PERCENTAGE"
  }
}
`;
// Trimmed from dist/terraform/dev/azure-foundation/main.tf.
const AZURE_BUDGET = `
resource "azurerm_consumption_budget_subscription" "budget-monthly" {
  amount          = 2000
  name            = "budget-dev-monthly"
  subscription_id = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
  time_grain      = "Monthly"
  notification {
    contact_emails = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 80
    threshold_type = "Actual"
  }
}
`;
// Trimmed from dist/terraform/dev/gcp-foundation/main.tf.
const GCP_BUDGET = `
resource "google_billing_budget" "budget-budget" {
  billing_account = "0A1B2C-3D4E5F-6A7B8C"
  display_name    = "dev monthly (USD 2000)"
  all_updates_rule {
    disable_default_iam_recipients = false
    monitoring_notification_channels = [
      google_monitoring_notification_channel.budget-email-finops-acme-example.id
    ]
  }
  amount {
    specified_amount {
      currency_code = "USD"
      units         = "2000"
    }
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 0.8
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 1
  }
}
`;

describe('terraform-budget-lowered-or-removed', () => {
  it('flags the AWS budget removed: high in production, medium in staging', async () => {
    const change = await terraformChange('aws_budgets_budget.budget-monthly', AWS_BUDGET, '');
    const [finding] = findings(terraformBudgetLoweredOrRemoved, change, 'production');
    expect(finding?.level).toBe('high');
    expect(finding?.reason).toContain('aws-foundation: aws_budgets_budget.budget-monthly removed');
    expect(findings(terraformBudgetLoweredOrRemoved, change, 'staging')).toEqual([expect.objectContaining({ level: 'medium' })]);
  });

  it('flags the AWS budget lowered and its 80% alert removed (medium)', async () => {
    const head = AWS_BUDGET.replace('"20000"', '"5000"').replace(/ {2}notification \{[\s\S]*?threshold {6}= 80\n {4}threshold_type = "PERCENTAGE"\n {2}\}\n/, '');
    const result = findings(terraformBudgetLoweredOrRemoved, await terraformChange('aws_budgets_budget.budget-monthly', AWS_BUDGET, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'medium', path: 'limit_amount' }), expect.objectContaining({ level: 'medium' })]);
    expect(result[0]?.reason).toContain('budget lowered 20000 -> 5000');
    expect(result[1]?.reason).toContain('2 budget alert(s) removed (80% ACTUAL -> finops@acme.example; 80% ACTUAL -> platform-team@acme.example)');
  });

  it('flags a recipient dropped from the Azure budget and an alert switched off', async () => {
    const dropped = AZURE_BUDGET.replace('      "finops@acme.example",\n', '');
    const change = await terraformChange('azurerm_consumption_budget_subscription.budget-monthly', AZURE_BUDGET, dropped, { stack: 'azure-foundation', environment: 'dev' });
    expect(findings(terraformBudgetLoweredOrRemoved, change, 'development')[0]?.reason).toContain('1 budget alert(s) removed (80% Actual -> finops@acme.example)');
    const disabled = AZURE_BUDGET.replace('enabled        = true', 'enabled        = false');
    const off = await terraformChange('azurerm_consumption_budget_subscription.budget-monthly', AZURE_BUDGET, disabled, { stack: 'azure-foundation', environment: 'dev' });
    expect(findings(terraformBudgetLoweredOrRemoved, off, 'development')).toEqual([expect.objectContaining({ level: 'medium' })]);
  });

  it('flags a GCP threshold rule removed', async () => {
    const head = GCP_BUDGET.replace(/ {2}threshold_rules \{\n {4}spend_basis {7}= "CURRENT_SPEND"\n {4}threshold_percent = 0.8\n {2}\}\n/, '');
    const change = await terraformChange('google_billing_budget.budget-budget', GCP_BUDGET, head, { stack: 'gcp-foundation', environment: 'dev' });
    const result = findings(terraformBudgetLoweredOrRemoved, change, 'development');
    expect(result).toHaveLength(1);
    expect(result[0]?.reason).toContain('80% CURRENT_SPEND -> ${google_monitoring_notification_channel.budget-email-finops-acme-example.id}');
  });

  it('does not flag a budget raised above low, nor a budget added or renamed', async () => {
    const raised = await terraformChange('google_billing_budget.budget-budget', GCP_BUDGET, GCP_BUDGET.replace('"2000"', '"3000"'), {
      stack: 'gcp-foundation',
      environment: 'dev',
    });
    expect(findings(terraformBudgetLoweredOrRemoved, raised, 'production')).toEqual([
      expect.objectContaining({ level: 'low', reason: expect.stringContaining('budget raised 2000 -> 3000') }),
    ]);
    const added = await terraformChange('aws_budgets_budget.budget-monthly', undefined, AWS_BUDGET);
    expect(findings(terraformBudgetLoweredOrRemoved, added, 'production')).toEqual([]);
    const renamed = await terraformChange('aws_budgets_budget.budget-monthly', AWS_BUDGET, AWS_BUDGET.replace('"prod-monthly"', '"prod-monthly-cost"'));
    expect(findings(terraformBudgetLoweredOrRemoved, renamed, 'production')).toEqual([]);
  });
});
