import { TerraformStack, Testing } from 'cdktf';
import { AwsFoundationStack } from '../../../constructs/terraform/aws/foundation-stack';
import { MonthlyBudget } from '../../../constructs/terraform/aws/monthly-budget';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import type { BudgetSpec } from '../../../environments/types';
import { FIXTURE_DOMAIN } from '../../support/fixture-environment';
import { block, synthJson } from '../terraform-json';
import { AWS_ENVIRONMENTS } from './aws-test-helpers';

describe.each(AWS_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the monthly budget of %s', (env, spec) => {
  const { budget } = spec.infrastructure;
  const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));
  const resource = block(json, 'aws_budgets_budget', 'budget-monthly');

  it('is a monthly cost budget of the spec limit and currency', () => {
    expect(resource).toMatchObject({
      name: `${env}-monthly`,
      budget_type: 'COST',
      time_unit: 'MONTHLY',
      limit_amount: String(budget.monthlyLimit),
      limit_unit: budget.currency,
    });
  });

  it(`alerts ${budget.notifyEmails.join(' and ')} once per threshold of the spec (${budget.alertThresholds.join(', ')} %) on actual spend`, () => {
    expect(resource.notification).toEqual(
      budget.alertThresholds.map((threshold) => ({
        notification_type: 'ACTUAL',
        comparison_operator: 'GREATER_THAN',
        threshold,
        threshold_type: 'PERCENTAGE',
        subscriber_email_addresses: [...budget.notifyEmails],
      })),
    );
  });

  it('covers the whole account rather than a cost allocation tag', () => {
    expect(resource.cost_filter).toBeUndefined();
  });
});

describe('MonthlyBudget', () => {
  // The budget is unfiltered, so it relies on every environment having an AWS account of its
  // own: test/estate/reference-estate.test.ts checks that of the example estate.
  it('is built for fixtures that keep one environment per AWS account, as an unfiltered budget needs', () => {
    const accounts = AWS_ENVIRONMENTS.map((spec) => spec.clouds.aws!.accountId);
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  const valid: BudgetSpec = { monthlyLimit: 100, currency: 'USD', alertThresholds: [50, 100], notifyEmails: [`a@${FIXTURE_DOMAIN}`] };
  const build = (budget: BudgetSpec) => () => new MonthlyBudget(new TerraformStack(Testing.app(), 'probe'), 'budget', { name: 'probe', budget });

  it('builds with a valid budget', () => {
    expect(build(valid)).not.toThrow();
  });

  it('rejects more thresholds than AWS Budgets has notifications', () => {
    expect(build({ ...valid, alertThresholds: [10, 20, 30, 40, 50, 60] })).toThrow(/allows 5 notifications per budget/);
  });

  it('rejects a budget nobody is told about', () => {
    expect(build({ ...valid, notifyEmails: [] })).toThrow(/needs 1 to 10/);
  });
});
