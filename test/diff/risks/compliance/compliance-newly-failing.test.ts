import { complianceNewlyFailing } from '../../../../apps/diff/risks/compliance/compliance-newly-failing';
import { complianceChange, findings } from '../../change-builders';
import { devBudgetAlerts, devVnetFlowLogsSuppressed, failing, prodClusterSecretsEncryption } from './compliance-fixtures';

const NO_KMS_KEY = {
  field: 'encryption_config.provider.key_arn',
  value: 'missing',
  problem: 'the cluster does not encrypt Secrets with a KMS key',
  fix: 'set encryption_config with resources = ["secrets"] and a customer-managed key',
};

describe('compliance-newly-failing', () => {
  it('flags an error result in production going pass -> fail as high, with the field and the problem', () => {
    const base = prodClusterSecretsEncryption();
    expect(findings(complianceNewlyFailing, complianceChange(base, failing(base, NO_KMS_KEY)), 'production')).toEqual([
      {
        level: 'high',
        reason:
          'tf-cluster-secrets-encryption on aws_eks_cluster.cluster (prod, aws-cluster-prod-eks-euc1): pass -> fail (error) encryption_config.provider.key_arn = missing: the cluster does not encrypt Secrets with a KMS key',
        path: 'status',
      },
    ]);
  });

  it('flags a suppression that lapses (suppressed -> fail) outside production as medium', () => {
    const base = devVnetFlowLogsSuppressed();
    const head = failing(base, {
      field: 'azurerm_network_watcher_flow_log.target_resource_id',
      value: 'missing',
      problem: 'the virtual network has no enabled flow log',
      fix: 'add one',
    });
    expect(findings(complianceNewlyFailing, complianceChange(base, head), 'development')).toEqual([
      { level: 'medium', reason: expect.stringContaining('suppressed -> fail (error)'), path: 'status' },
    ]);
  });

  it('flags a new failing warning result as low outside production', () => {
    const head = failing(devBudgetAlerts(), { field: 'notification', value: 'missing', problem: 'the budget has no alert', fix: 'add a notification' });
    expect(findings(complianceNewlyFailing, complianceChange(undefined, head), 'development')).toEqual([
      {
        level: 'low',
        reason: expect.stringContaining('tf-budget-alerts on azurerm_consumption_budget_subscription.budget-monthly (dev, azure-foundation): absent -> fail (warning)'),
        path: 'status',
      },
    ]);
  });

  it('does not flag a result that already failed and changed its finding, one that starts to pass, or one newly suppressed', () => {
    const base = failing(prodClusterSecretsEncryption(), NO_KMS_KEY);
    const otherFinding = failing(prodClusterSecretsEncryption(), { ...NO_KMS_KEY, value: 'aws/eks' });
    expect(findings(complianceNewlyFailing, complianceChange(base, otherFinding), 'production')).toEqual([]);
    expect(findings(complianceNewlyFailing, complianceChange(base, prodClusterSecretsEncryption()), 'production')).toEqual([]);
    expect(findings(complianceNewlyFailing, complianceChange(undefined, devVnetFlowLogsSuppressed()), 'development')).toEqual([]);
  });
});
