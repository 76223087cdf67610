import { nestedBlocks, numberAt, stringsAt } from '../terraform-body';
import type { BudgetType, CloudResources } from './types';

/**
 * The consumption budgets of azurerm 4.55.0 (internal/services/consumption/consumption_budget_base.go) share one
 * schema: `amount`, and `notification` blocks with a threshold, `enabled` (default true) and contacts.
 */
function consumptionBudget(type: string): BudgetType {
  return {
    type,
    amountPath: 'amount',
    amount: (body) => numberAt(body, 'amount'),
    alerts: (body) =>
      nestedBlocks(body, 'notification')
        .filter((notification) => notification.enabled !== false)
        .flatMap((notification) => {
          const threshold = `${numberAt(notification, 'threshold') ?? '?'}% ${String(notification.threshold_type ?? 'Actual')}`;
          const recipients = [...stringsAt(notification, 'contact_emails'), ...stringsAt(notification, 'contact_groups'), ...stringsAt(notification, 'contact_roles')];
          return recipients.map((recipient) => `${threshold} -> ${recipient}`);
        }),
  };
}

/** Azure (hashicorp/azurerm 4.55.0) resource types of the estate that need a second look when destroyed, added or lowered. */
export const AZURE_RESOURCES: CloudResources = {
  cloud: 'azure',
  stateful: [
    { type: 'azurerm_storage_account', why: 'every container and blob in it (state, reports) goes with it' },
    { type: 'azurerm_storage_container', why: 'the state or reports it holds go with it', onlyStateOrReports: true },
    { type: 'azurerm_key_vault', why: 'its keys go with it; storage encrypted with them becomes unreadable' },
    { type: 'azurerm_key_vault_key', why: 'whatever it encrypted (state, reports, secrets) becomes unreadable' },
    { type: 'azurerm_kubernetes_cluster', why: 'the cluster and every workload on it go with it' },
  ],
  clusterTypes: ['azurerm_kubernetes_cluster'],
  budgets: ['azurerm_consumption_budget_subscription', 'azurerm_consumption_budget_resource_group', 'azurerm_consumption_budget_management_group'].map(consumptionBudget),
};
