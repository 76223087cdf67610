import { Testing } from 'cdktf';
import { AwsFoundationStack } from '../../constructs/terraform/aws/foundation-stack';
import { foundationStackName } from '../../constructs/terraform/stack-names';
import { TENANT_TAG, tenantCloudBudgets, tenantTags } from '../../constructs/terraform/tenant-budgets';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureTenant } from '../support/fixture-tenant';
import { AWS_ENVIRONMENTS } from './aws/aws-test-helpers';
import { AZURE_ENVIRONMENTS, foundationJson as azureFoundationJson } from './azure/azure-test-helpers';
import { GCP_ENVIRONMENTS, foundationJson as gcpFoundationJson } from './gcp/gcp-test-helpers';
import { blocksOf, synthJson } from './terraform-json';

const alpha = fixtureTenant({ budget: { monthlyLimit: 250, currency: 'USD', alertThresholds: [80, 100], notifyEmails: ['alpha-leads@fixture.example'] } });
const beta = fixtureTenant({ name: 'beta' });

function withTenants(spec: EnvironmentSpec | undefined): EnvironmentSpec {
  if (spec === undefined) throw new Error('no fixture environment on this cloud');
  return { ...spec, tenants: [alpha, beta] };
}

/** The blocks of `type` whose `field` starts with `prefix`, by that field. */
function budgetsNamed(json: Record<string, unknown>, type: string, field: string, prefix: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.values(blocksOf(json, type))
      .filter((b) => String(b[field]).startsWith(prefix))
      .map((b) => [String(b[field]), b]),
  );
}

describe('tenantCloudBudgets', () => {
  it('gives each tenant a budget named after the environment and the tenant, on its own tag, with its budget', () => {
    expect(tenantCloudBudgets({ name: 'dev', tenants: [alpha] })).toEqual([
      { tenant: 'alpha', name: 'dev-tenant-alpha', budget: alpha.budget, tag: { key: 'tenant', value: 'alpha' } },
    ]);
    expect(tenantCloudBudgets({ name: 'dev' })).toEqual([]);
  });

  it('tags a resource made for a tenant with the key the budgets filter on', () => {
    expect(tenantTags(alpha)).toEqual({ [TENANT_TAG]: 'alpha' });
  });
});

describe('cloud budgets per tenant', () => {
  it('AWS: one budget per tenant in the account, on the spend tagged user:tenant$<name>, alerting at its thresholds', () => {
    const spec = withTenants(AWS_ENVIRONMENTS[0]);
    const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));
    const budgets = budgetsNamed(json, 'aws_budgets_budget', 'name', `${spec.name}-tenant-`);
    expect(Object.keys(budgets).sort()).toEqual([`${spec.name}-tenant-alpha`, `${spec.name}-tenant-beta`]);
    const budget = budgets[`${spec.name}-tenant-alpha`]!;
    expect(budget).toMatchObject({ budget_type: 'COST', time_unit: 'MONTHLY', limit_amount: '250', limit_unit: 'USD' });
    expect(budget.cost_filter).toEqual([{ name: 'TagKeyValue', values: ['user:tenant$alpha'] }]);
    expect((budget.notification as { threshold: number; subscriber_email_addresses: string[] }[]).map((n) => [n.threshold, n.subscriber_email_addresses])).toEqual([
      [80, ['alpha-leads@fixture.example']],
      [100, ['alpha-leads@fixture.example']],
    ]);
    // The environment's own budget stays unfiltered.
    expect(budgetsNamed(json, 'aws_budgets_budget', 'name', `${spec.name}-monthly`)[`${spec.name}-monthly`]!.cost_filter).toBeUndefined();
  });

  it('Azure: one subscription budget per tenant, on the usage tagged tenant=<name>', () => {
    const spec = withTenants(AZURE_ENVIRONMENTS[0]);
    const budgets = budgetsNamed(azureFoundationJson(spec), 'azurerm_consumption_budget_subscription', 'name', `budget-${spec.name}-tenant-`);
    expect(Object.keys(budgets).sort()).toEqual([`budget-${spec.name}-tenant-alpha`, `budget-${spec.name}-tenant-beta`]);
    const budget = budgets[`budget-${spec.name}-tenant-alpha`]!;
    expect(budget.amount).toBe(250);
    expect(budget.filter).toEqual({ tag: [{ name: 'tenant', values: ['alpha'] }] });
    expect((budget.notification as { threshold: number }[]).map((n) => n.threshold)).toEqual([80, 100]);
  });

  it('GCP: one billing budget per tenant, on the environment project’s spend labelled tenant=<name>', () => {
    const spec = withTenants(GCP_ENVIRONMENTS[0]);
    const budgets = budgetsNamed(gcpFoundationJson(spec), 'google_billing_budget', 'display_name', `${spec.name} tenant `);
    expect(Object.keys(budgets).sort()).toEqual([`${spec.name} tenant alpha monthly (USD 250)`, `${spec.name} tenant beta monthly (USD 100)`]);
    const filter = budgets[`${spec.name} tenant alpha monthly (USD 250)`]!.budget_filter as { labels: Record<string, string>; projects: string[] };
    expect(filter.labels).toEqual({ tenant: 'alpha' });
    expect(filter.projects).toHaveLength(1);
    const channels = Object.values(blocksOf(gcpFoundationJson(spec), 'google_monitoring_notification_channel')).map((c) => c.display_name);
    expect(channels).toContain(`Budget ${spec.name} tenant alpha: alpha-leads@fixture.example`);
  });

  it('renders none where the environment has no tenants', () => {
    const spec = AWS_ENVIRONMENTS[0]!;
    const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec: { ...spec, tenants: undefined } }));
    expect(Object.keys(budgetsNamed(json, 'aws_budgets_budget', 'name', `${spec.name}-tenant-`))).toEqual([]);
  });
});
