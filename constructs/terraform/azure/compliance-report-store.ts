import type { Construct } from 'constructs';
import type { ComplianceReportStore } from '../../core/observability-contract';
import type { AzureSubscription } from '../cloud-accounts';
import { REPORT_RETENTION_DAYS } from '../compliance-report-retention';
import { AzureEncryptedBlobStore, type AzureStorePlacement } from './encrypted-blob-store';

export interface AzureComplianceReportStoreProps extends AzureStorePlacement {
  /** Account and container names from the observability contract (`complianceReportStore`). */
  readonly store: ComplianceReportStore;
  /** Days a replaced report version, a deleted report and the change feed are kept. */
  readonly versionRetentionDays: number;
}

/**
 * The storage account and private container policy-reporter uploads the environment's compliance
 * reports to (`AzureEncryptedBlobStore`: customer-managed key of its own vault, TLS 1.2, Entra ID
 * only, versioning, soft delete, access logged), reports deleted after `REPORT_RETENTION_DAYS`
 * and replaced versions after `versionRetentionDays`. Access is the one identity granted write on
 * the container in each cluster stack.
 */
export class AzureComplianceReportStore extends AzureEncryptedBlobStore {
  constructor(scope: Construct, id: string, props: AzureComplianceReportStoreProps) {
    const { store, subscription, ...placement } = props;
    const container = checkBlobStore(`${scope.node.path}/${id}`, 'report store', store, subscription);
    super(scope, id, {
      ...placement,
      subscription,
      label: 'reports',
      accountName: store.bucket,
      containerName: container,
      keyName: 'compliance-reports',
      retentionRuleName: 'expire-compliance-reports',
      currentVersionDays: REPORT_RETENTION_DAYS,
    });
  }
}

/** The store's container; refuses a store without one or outside the subscription's location. */
export function checkBlobStore(path: string, what: string, store: { readonly container?: string; readonly region: string }, subscription: AzureSubscription): string {
  const { container } = store;
  if (container === undefined) throw new Error(`${path}: the contract names no container for the Azure ${what}`);
  if (store.region !== subscription.location) {
    throw new Error(`${path}: the ${what} is in ${store.region}, the subscription's location is ${subscription.location}; the foundation creates it there`);
  }
  return container;
}
