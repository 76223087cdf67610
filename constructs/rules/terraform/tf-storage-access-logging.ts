import { blocks, stringAt } from '../inspect/attributes';
import { companionsOf } from '../inspect/references';
import { isAccessLogTarget, nameAttributes, STORAGE_TYPES } from '../inspect/storage';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { TerraformResourceView, TerraformRule } from '../types';

/** Azure storage log categories that record data access, and the groups that include them. */
const AZURE_ACCESS_CATEGORIES: ReadonlySet<string> = new Set(['StorageRead', 'StorageWrite', 'StorageDelete']);
const AZURE_ACCESS_GROUPS: ReadonlySet<string> = new Set(['audit', 'allLogs']);

/**
 * Every read and write of state storage is logged somewhere else: an S3 logging target, a GCS log
 * bucket, or an Azure diagnostic setting on the blob service. Log sinks themselves are not checked
 * (logging a log bucket into itself loops).
 */
export const tfStorageAccessLogging: TerraformRule = {
  id: 'tf-storage-access-logging',
  engine: 'terraform',
  level: 'error',
  title: 'Access to state storage is logged',
  rationale:
    'The state is the most sensitive object of the estate. Access logs show who read or replaced it, which an ' +
    'incident investigation needs and which cannot be recreated afterwards.',
  controls: {
    soc2: ['CC7.2', 'CC7.3'],
    pciDss: ['10.2.1', '10.2.1.1'],
    iso27001: ['A.8.15'],
    gdpr: ['Art. 5(1)(f)', 'Art. 32'],
  },
  resourceTypes: STORAGE_TYPES,
  check(resource, context) {
    if (isAccessLogTarget(resource, context.environmentResources)) return NOT_APPLICABLE;
    if (resource.type === 'aws_s3_bucket') {
      const logging = companionsOf(resource, context.stackResources, 'aws_s3_bucket_logging', 'bucket', nameAttributes(resource));
      if (logging.some((l) => typeof l.attributes.target_bucket === 'string' && l.attributes.target_bucket !== '')) return COMPLIANT;
      return nonCompliant(
        'aws_s3_bucket_logging.target_bucket',
        undefined,
        'S3 server access logging is off',
        'add an aws_s3_bucket_logging that sends the access logs to a separate log bucket',
      );
    }
    if (resource.type === 'google_storage_bucket') {
      const target = stringAt(resource.attributes, 'logging.log_bucket');
      if (target !== undefined && target !== '') return COMPLIANT;
      return nonCompliant('logging.log_bucket', target, 'usage and storage logs of the bucket are off', 'set logging { log_bucket } to a separate log bucket');
    }
    if (azureAccessLogged(resource, context.stackResources)) return COMPLIANT;
    return nonCompliant(
      'azurerm_monitor_diagnostic_setting.enabled_log',
      undefined,
      'no diagnostic setting records reads and writes of the account',
      'add an azurerm_monitor_diagnostic_setting on "${id}/blobServices/default" with enabled_log category_group "audit" (or StorageRead, StorageWrite, StorageDelete)',
    );
  },
};

function azureAccessLogged(account: TerraformResourceView, resources: readonly TerraformResourceView[]): boolean {
  return companionsOf(account, resources, 'azurerm_monitor_diagnostic_setting', 'target_resource_id').some((d) =>
    blocks(d.attributes.enabled_log).some(
      (log) =>
        (typeof log.category === 'string' && AZURE_ACCESS_CATEGORIES.has(log.category)) || (typeof log.category_group === 'string' && AZURE_ACCESS_GROUPS.has(log.category_group)),
    ),
  );
}
