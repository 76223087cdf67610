/**
 * Results of dist/compliance/report.json, copied from the real report: a passing `error` result, a
 * passing `warning` result and a suppressed one (with the suppression the report records).
 */

/** A result as report.json holds it. */
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
  controls: { soc2: ['CC6.1'], pciDss: ['3.5.1', '8.3.2'], iso27001: ['A.8.24'], gdpr: ['Art. 5(1)(f)', 'Art. 32'] },
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
  controls: { soc2: ['A1.1', 'CC7.2'], pciDss: [], iso27001: ['A.8.6'], gdpr: [] },
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
  controls: { soc2: ['CC7.2'], pciDss: ['10.2.1'], iso27001: ['A.8.15', 'A.8.16', 'A.8.20'], gdpr: ['Art. 32'] },
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
