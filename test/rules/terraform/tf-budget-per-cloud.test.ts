import { tfBudgetPerCloud as rule } from '../../../constructs/rules/terraform/tf-budget-per-cloud';
import { checkTerraform, dev, expectCompliant, expectFailure, providerBlock, resource } from '../fixtures';

describe('tf-budget-per-cloud', () => {
  const google = providerBlock('google', {}, { stack: 'gcp-cluster' });
  const azure = providerBlock('azurerm', { features: [{}] }, { stack: 'azure-cluster' });

  it('accepts a cloud whose budget lives in another stack of the environment', () => {
    const budget = resource('google_billing_budget', 'budget', {}, { stack: 'gcp-foundation' });
    expectCompliant(checkTerraform(rule, google, [google], dev, [google, budget]));
  });

  it('rejects a cloud without any budget in the environment, even when another cloud has one', () => {
    const budget = resource('google_billing_budget', 'budget', {}, { stack: 'gcp-foundation' });
    expectFailure(checkTerraform(rule, azure, [azure], dev, [azure, google, budget]), {
      field: 'azurerm_consumption_budget_subscription',
      problem: /no stack of the environment declares a budget/,
    });
  });

  it('counts every Azure budget scope', () => {
    const budget = resource('azurerm_consumption_budget_resource_group', 'budget', {});
    expectCompliant(checkTerraform(rule, azure, [azure], dev, [azure, budget]));
  });

  it('runs on provider blocks, not on resources', () => {
    expect(rule.resourceTypes).toEqual(['provider.aws', 'provider.azurerm', 'provider.google']);
  });
});
