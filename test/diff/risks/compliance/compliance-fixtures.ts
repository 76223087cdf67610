/**
 * Results of dist/compliance/results/<env>.jsonl, copied from the real report: a passing `error`
 * result, a passing `warning` result and a suppressed one (with the suppression the report records).
 * Like the real lines they carry no `controls`: those of their rule, listed in report.json's catalogue.
 */

/** A result as a line of results/<env>.jsonl holds it. */
export type Result = { readonly [key: string]: unknown };

export const prodClusterSecretsEncryption = (): Result => ({
  environment: 'prod',
  engine: 'terraform',
  unit: 'aws-cluster-prod-eks-euc1',
  resource: 'aws_eks_cluster.cluster',
  path: 'aws-cluster-prod-eks-euc1/cluster',
  rule: 'tf-cluster-secrets-encryption',
  level: 'error',
  status: 'pass',
});

export const devBudgetAlerts = (): Result => ({
  environment: 'dev',
  engine: 'terraform',
  unit: 'azure-foundation',
  resource: 'azurerm_consumption_budget_subscription.budget-monthly',
  path: 'azure-foundation/budget/monthly',
  rule: 'tf-budget-alerts',
  level: 'warning',
  status: 'pass',
});

export const devVnetFlowLogsSuppressed = (): Result => ({
  environment: 'dev',
  engine: 'terraform',
  unit: 'azure-network-dev-aks-weu',
  resource: 'azurerm_virtual_network.vnet',
  path: 'azure-network-dev-aks-weu/vnet',
  rule: 'tf-network-flow-logs',
  level: 'error',
  status: 'suppressed',
  field: 'azurerm_network_watcher_flow_log.target_resource_id',
  value: 'missing',
  problem: 'the virtual network has no enabled flow log',
  fix: 'add an azurerm_network_watcher_flow_log with target_resource_id = the VNet id and enabled = true',
  suppression: {
    reason: 'azurerm 4.x flow logs need a shared-key storage account, which the storage rules forbid; tracked in PLAT-231',
    expires: '2027-02-26',
  },
});

/** The same result failing, with the finding fields a failing result carries. */
export function failing(result: Result, finding: { field: string; value: string; problem: string; fix: string }): Result {
  const { suppression: _dropped, ...rest } = result;
  return { ...rest, status: 'fail', ...finding };
}

/** The same result suppressed by `suppression`. */
export function suppressed(result: Result, suppression: { reason: string; expires: string }): Result {
  return { ...result, status: 'suppressed', suppression };
}
