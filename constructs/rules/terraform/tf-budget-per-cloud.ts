import { resourcesOfType } from '../inspect/references';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/** Budget resources per provider: any one of them counts for its cloud. */
export const BUDGET_TYPES: Readonly<Record<string, readonly string[]>> = {
  aws: ['aws_budgets_budget'],
  azurerm: ['azurerm_consumption_budget_subscription', 'azurerm_consumption_budget_resource_group', 'azurerm_consumption_budget_management_group'],
  google: ['google_billing_budget'],
};

/**
 * Every cloud the environment deploys to has a budget somewhere in the environment's stacks. It
 * runs on each provider block (a cloud the environment uses), and looks across every stack of the
 * environment, so the budget may live in another stack (the foundation) than the resources.
 */
export const tfBudgetPerCloud: TerraformRule = {
  id: 'tf-budget-per-cloud',
  engine: 'terraform',
  level: 'error',
  title: 'Every cloud the environment uses has a budget',
  rationale:
    'Spend is the first signal of a runaway autoscaler, a forgotten test cluster or a stolen credential mining ' +
    'cryptocurrency. Without a budget nobody is told until the invoice arrives.',
  controls: {
    soc2: ['A1.1', 'CC7.2'],
    pciDss: [],
    iso27001: ['A.5.23', 'A.8.6'],
    gdpr: [],
  },
  resourceTypes: Object.keys(BUDGET_TYPES).map((provider) => `provider.${provider}`),
  check(resource, context) {
    const types = BUDGET_TYPES[resource.type] ?? [];
    if (resourcesOfType(context.environmentResources, ...types).length > 0) return COMPLIANT;
    return nonCompliant(
      types[0] ?? resource.type,
      undefined,
      `${context.environment.name} deploys to ${resource.type} but no stack of the environment declares a budget for it`,
      `add a ${types[0] ?? 'budget'} with the limit and thresholds of infrastructure.budget to the cloud's foundation stack`,
    );
  },
};
