import type { TerraformResourceView } from '../types';
import { at, blocks, boolAt, stringAt } from './attributes';
import { companionsOf, refersTo, resourcesOfType } from './references';

/** The storage that holds Terraform state (and its logs), per cloud. */
export const STORAGE_TYPES = ['aws_s3_bucket', 'azurerm_storage_account', 'google_storage_bucket'] as const;

/** Attributes that hold a bucket's own name, which companions may write out instead of referencing. */
export function nameAttributes(storage: TerraformResourceView): readonly string[] {
  if (storage.type === 'aws_s3_bucket') return ['bucket'];
  if (storage.type === 'google_storage_bucket') return ['name'];
  return [];
}

/**
 * Whether the storage receives access logs of other storage: the `target_bucket` of an
 * `aws_s3_bucket_logging`, the `logging.log_bucket` of a GCS bucket, the `storage_account_id` of
 * an Azure diagnostic setting. Such log sinks are not logged themselves (a loop), and S3 delivers
 * server access logs only to SSE-S3 buckets.
 */
export function isAccessLogTarget(storage: TerraformResourceView, resources: readonly TerraformResourceView[]): boolean {
  const literals = nameAttributes(storage);
  if (storage.type === 'aws_s3_bucket') {
    return resourcesOfType(resources, 'aws_s3_bucket_logging').some((l) => refersTo(l.attributes.target_bucket, storage, literals));
  }
  if (storage.type === 'google_storage_bucket') {
    return resourcesOfType(resources, 'google_storage_bucket').some((b) => b !== storage && refersTo(at(b.attributes, 'logging.log_bucket'), storage, literals));
  }
  if (storage.type === 'azurerm_storage_account') {
    return resourcesOfType(resources, 'azurerm_monitor_diagnostic_setting').some((d) => refersTo(d.attributes.storage_account_id, storage));
  }
  return false;
}

/** Whether an S3 bucket is the destination of another bucket's replication (a replica). */
export function isReplicationDestination(storage: TerraformResourceView, resources: readonly TerraformResourceView[]): boolean {
  if (storage.type !== 'aws_s3_bucket') return false;
  return resourcesOfType(resources, 'aws_s3_bucket_replication_configuration').some((r) =>
    blocks(r.attributes.rule).some((rule) => refersTo(at(rule, 'destination.bucket'), storage)),
  );
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
