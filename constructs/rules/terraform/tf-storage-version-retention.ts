import { type Attributes, blocks, numberAt, stringAt } from '../inspect/attributes';
import { companionsOf } from '../inspect/references';
import { isAccessLogTarget, isVersioned, nameAttributes, STORAGE_TYPES } from '../inspect/storage';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { TerraformResourceView, TerraformRule, TerraformRuleEnvironment } from '../types';

/**
 * Old versions of versioned storage expire: state storage after exactly the environment's
 * `infrastructure.stateVersionRetentionDays`, the Velero backup stores and their copies after
 * exactly `backup.deletedBackupRetentionDays`, log sinks after any bounded time. Without a
 * lifecycle rule every version is kept (and billed) forever, with every secret it ever held.
 */
export const tfStorageVersionRetention: TerraformRule = {
  id: 'tf-storage-version-retention',
  engine: 'terraform',
  level: 'error',
  title: 'Old versions of state expire after the retention the environment declares',
  rationale:
    'Versioning keeps every secret a state file ever held. A bounded retention limits how long a rotated credential ' +
    'stays readable, keeps storage costs finite, and applies storage limitation to whatever personal data the state holds.',
  controls: {
    soc2: ['C1.2', 'CC6.5'],
    pciDss: ['3.2.1'],
    iso27001: ['A.8.10'],
    gdpr: ['Art. 5(1)(e)'],
  },
  resourceTypes: STORAGE_TYPES,
  check(resource, context) {
    if (!isVersioned(resource, context.stackResources)) return NOT_APPLICABLE;
    const wanted = isAccessLogTarget(resource, context.environmentResources) ? undefined : wantedRetention(resource, context.environment);
    const found = retentionDays(resource, context.stackResources);
    const where = FIELDS[resource.type]!;
    if (found.length === 0) {
      return nonCompliant(where.field, undefined, 'old versions are kept forever: no lifecycle rule expires them', where.fix(wanted?.days));
    }
    if (wanted === undefined || found.includes(wanted.days)) return COMPLIANT;
    return nonCompliant(where.field, found[0], `old versions expire after ${found.join(', ')} days, not the ${wanted.days} days of ${wanted.field}`, where.fix(wanted.days));
  },
};

/**
 * The retention the spec declares for the storage: a backup store's (by name, its copies named
 * `<store>-<region>`) or the state's.
 */
function wantedRetention(storage: TerraformResourceView, environment: TerraformRuleEnvironment): { readonly days: number; readonly field: string } {
  const name = nameAttributes(storage).map((attribute) => stringAt(storage.attributes, attribute))[0] ?? stringAt(storage.attributes, 'name');
  const backups = environment.backupStores;
  if (name !== undefined && backups?.names.some((store) => name === store || name.startsWith(`${store}-`)) === true) {
    return { days: backups.versionRetentionDays, field: 'backup.deletedBackupRetentionDays' };
  }
  return { days: environment.infrastructure.stateVersionRetentionDays, field: 'infrastructure.stateVersionRetentionDays' };
}

const FIELDS: Readonly<Record<string, { readonly field: string; readonly fix: (days: number | undefined) => string }>> = {
  aws_s3_bucket: {
    field: 'aws_s3_bucket_lifecycle_configuration.rule.noncurrent_version_expiration.noncurrent_days',
    fix: (days) => `add an enabled lifecycle rule with noncurrent_version_expiration { noncurrent_days = ${days ?? '<days>'} }`,
  },
  azurerm_storage_account: {
    field: 'azurerm_storage_management_policy.rule.actions.version.delete_after_days_since_creation',
    fix: (days) => `add an azurerm_storage_management_policy rule with actions.version.delete_after_days_since_creation = ${days ?? '<days>'}`,
  },
  google_storage_bucket: {
    field: 'lifecycle_rule.condition.days_since_noncurrent_time',
    fix: (days) => `add a lifecycle_rule { action { type = "Delete" } condition { days_since_noncurrent_time = ${days ?? '<days>'} } }`,
  },
};

/** The days after which enabled lifecycle rules delete non-current versions. */
function retentionDays(storage: TerraformResourceView, resources: readonly TerraformResourceView[]): number[] {
  if (storage.type === 'aws_s3_bucket') {
    return companionsOf(storage, resources, 'aws_s3_bucket_lifecycle_configuration', 'bucket', nameAttributes(storage))
      .flatMap((c) => blocks(c.attributes.rule))
      .filter((rule) => rule.status === 'Enabled')
      .flatMap((rule) => defined(numberAt(rule, 'noncurrent_version_expiration.noncurrent_days')));
  }
  if (storage.type === 'azurerm_storage_account') {
    return companionsOf(storage, resources, 'azurerm_storage_management_policy', 'storage_account_id')
      .flatMap((p) => blocks(p.attributes.rule))
      .filter((rule) => rule.enabled !== false)
      .flatMap((rule) => defined(numberAt(rule, 'actions.version.delete_after_days_since_creation')));
  }
  return blocks(storage.attributes.lifecycle_rule)
    .filter((rule: Attributes) => stringAt(rule, 'action.type') === 'Delete')
    .flatMap((rule) => defined(numberAt(rule, 'condition.days_since_noncurrent_time')));
}

function defined(value: number | undefined): number[] {
  return value === undefined ? [] : [value];
}
