import type { TerraformResourceView } from '../types';
import { at, blocks, boolAt, stringAt } from './attributes';
import { attributeField, type ReferringField } from './reference-index';
import { companionsOf, referringViews } from './references';

/** The storage that holds Terraform state (and its logs), per cloud. */
export const STORAGE_TYPES = ['aws_s3_bucket', 'azurerm_storage_account', 'google_storage_bucket'] as const;

/** Attributes that hold a bucket's own name, which companions may write out instead of referencing. */
export function nameAttributes(storage: TerraformResourceView): readonly string[] {
  if (storage.type === 'aws_s3_bucket') return ['bucket'];
  if (storage.type === 'google_storage_bucket') return ['name'];
  return [];
}

/** Where log sinks are named: S3 logging targets, GCS log buckets, Azure diagnostic settings' accounts. */
const S3_LOGGING_TARGET = attributeField('aws_s3_bucket_logging', 'target_bucket');
const GCS_LOG_BUCKET = attributeField('google_storage_bucket', 'logging.log_bucket');
const AZURE_DIAGNOSTICS_ACCOUNT = attributeField('azurerm_monitor_diagnostic_setting', 'storage_account_id');

/**
 * Whether the storage receives access logs of other storage: the `target_bucket` of an
 * `aws_s3_bucket_logging`, the `logging.log_bucket` of a GCS bucket, the `storage_account_id` of
 * an Azure diagnostic setting. Such log sinks are not logged themselves (a loop), and S3 delivers
 * server access logs only to SSE-S3 buckets.
 */
export function isAccessLogTarget(storage: TerraformResourceView, resources: readonly TerraformResourceView[]): boolean {
  const literals = nameAttributes(storage);
  if (storage.type === 'aws_s3_bucket') return referringViews(storage, resources, S3_LOGGING_TARGET, literals).length > 0;
  if (storage.type === 'google_storage_bucket') return referringViews(storage, resources, GCS_LOG_BUCKET, literals).some((b) => b !== storage);
  if (storage.type === 'azurerm_storage_account') return referringViews(storage, resources, AZURE_DIAGNOSTICS_ACCOUNT).length > 0;
  return false;
}

/** The destination bucket of every rule of a replication configuration. */
const REPLICATION_DESTINATIONS: ReferringField = {
  type: 'aws_s3_bucket_replication_configuration',
  key: 'rule[].destination.bucket',
  values: (configuration) => blocks(configuration.attributes.rule).map((rule) => at(rule, 'destination.bucket')),
};

/** Whether an S3 bucket is the destination of another bucket's replication (a replica). */
export function isReplicationDestination(storage: TerraformResourceView, resources: readonly TerraformResourceView[]): boolean {
  if (storage.type !== 'aws_s3_bucket') return false;
  return referringViews(storage, resources, REPLICATION_DESTINATIONS).length > 0;
}

/** Whether the storage keeps old versions of its objects (and how that was found). */
export function isVersioned(storage: TerraformResourceView, stackResources: readonly TerraformResourceView[]): boolean {
  if (storage.type === 'aws_s3_bucket') {
    const separate = companionsOf(storage, stackResources, 'aws_s3_bucket_versioning', 'bucket', nameAttributes(storage));
    if (separate.some((v) => stringAt(v.attributes, 'versioning_configuration.status') === 'Enabled')) return true;
    return boolAt(storage.attributes, 'versioning.enabled') === true;
  }
  if (storage.type === 'azurerm_storage_account') return boolAt(storage.attributes, 'blob_properties.versioning_enabled') === true;
  if (storage.type === 'google_storage_bucket') return boolAt(storage.attributes, 'versioning.enabled') === true;
  return false;
}
