import { complianceNewlySuppressed } from '../../../../apps/diff/risks/compliance/compliance-newly-suppressed';
import { complianceChange, findings } from '../../change-builders';
import { devBudgetAlerts, devVnetFlowLogsSuppressed, failing, prodClusterSecretsEncryption, suppressed } from './compliance-fixtures';

const REASON = { reason: 'the KMS key moves to the shared security account in PLAT-300', expires: '2027-01-31' };

describe('compliance-newly-suppressed', () => {
  it('flags an error result in production going pass -> suppressed as high, naming the reason and the expiry', () => {
    const base = prodClusterSecretsEncryption();
    expect(findings(complianceNewlySuppressed, complianceChange(base, suppressed(base, REASON)), 'production')).toEqual([
      {
        level: 'high',
        reason:
          'tf-cluster-secrets-encryption on aws_eks_cluster.cluster (prod, aws-cluster-prod-eks-euc1): pass -> suppressed (error): reason "the KMS key moves to the shared security account in PLAT-300", expires 2027-01-31',
        path: 'status',
      },
    ]);
  });

  it('flags a warning result suppressed in production, and a result added suppressed elsewhere, as medium', () => {
    const warning = devBudgetAlerts();
    expect(findings(complianceNewlySuppressed, complianceChange(warning, suppressed(warning, REASON)), 'production')).toEqual([
      { level: 'medium', reason: expect.stringContaining('pass -> suppressed (warning)'), path: 'status' },
    ]);
    expect(findings(complianceNewlySuppressed, complianceChange(undefined, devVnetFlowLogsSuppressed()), 'development')).toEqual([
      { level: 'medium', reason: expect.stringContaining('absent -> suppressed (error): reason "azurerm 4.x flow logs need a shared-key storage account'), path: 'status' },
    ]);
  });

  it('flags a suppression whose expiry moves later', () => {
    const base = devVnetFlowLogsSuppressed();
    const head = suppressed(base, { reason: 'still tracked in PLAT-231', expires: '2027-08-31' });
    expect(findings(complianceNewlySuppressed, complianceChange(base, head), 'development')).toEqual([
      {
        level: 'medium',
        reason:
          'tf-network-flow-logs on azurerm_virtual_network.vnet (dev, azure-network-dev-aks-weu): suppression extended, expires 2027-02-26 -> 2027-08-31 (error): reason "still tracked in PLAT-231"',
        path: 'suppression.expires',
      },
    ]);
  });

  it('flags a suppression whose expiry is dropped (it never lapses), as an error in development: medium', () => {
    const base = devVnetFlowLogsSuppressed();
    const head = { ...base, suppression: { reason: 'tracked in PLAT-231' } };
    expect(findings(complianceNewlySuppressed, complianceChange(base, head), 'development')).toEqual([
      {
        level: 'medium',
        reason:
          'tf-network-flow-logs on azurerm_virtual_network.vnet (dev, azure-network-dev-aks-weu): suppression extended, expires 2027-02-26 -> (none: never expires) (error): reason "tracked in PLAT-231"',
        path: 'suppression.expires',
      },
    ]);
  });

  it('flags a warning suppressed in development as low, the level of the same warning newly failing there', () => {
    const warning = devBudgetAlerts();
    expect(findings(complianceNewlySuppressed, complianceChange(warning, suppressed(warning, REASON)), 'development')).toEqual([
      {
        level: 'low',
        reason: expect.stringContaining('tf-budget-alerts on azurerm_consumption_budget_subscription.budget-monthly (dev, azure-foundation): pass -> suppressed (warning)'),
        path: 'status',
      },
    ]);
  });

  it('does not flag a suppression that gains an expiry (it now lapses)', () => {
    const base = { ...devVnetFlowLogsSuppressed(), suppression: { reason: 'tracked in PLAT-231' } };
    expect(findings(complianceNewlySuppressed, complianceChange(base, devVnetFlowLogsSuppressed()), 'development')).toEqual([]);
  });

  it('does not flag a suppression shortened or reworded, nor a suppressed result that fails or passes again', () => {
    const base = devVnetFlowLogsSuppressed();
    const sooner = suppressed(base, { reason: 'reworded: tracked in PLAT-231', expires: '2027-01-15' });
    expect(findings(complianceNewlySuppressed, complianceChange(base, sooner), 'development')).toEqual([]);
    const lapsed = failing(base, { field: 'x', value: 'missing', problem: 'no flow log', fix: 'add one' });
    expect(findings(complianceNewlySuppressed, complianceChange(base, lapsed), 'development')).toEqual([]);
    const { suppression: _dropped, ...rest } = base;
    expect(findings(complianceNewlySuppressed, complianceChange(base, { ...rest, status: 'pass' }), 'development')).toEqual([]);
  });
});
