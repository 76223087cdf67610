import { boolAt } from '../inspect/attributes';
import { isAccessLogTarget, isVersioned, STORAGE_TYPES } from '../inspect/storage';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/** Where each cloud switches versioning on, and how. */
const VERSIONING: Readonly<Record<string, { readonly field: string; readonly fix: string }>> = {
  aws_s3_bucket: {
    field: 'aws_s3_bucket_versioning.versioning_configuration.status',
    fix: 'add an aws_s3_bucket_versioning for the bucket with versioning_configuration { status = "Enabled" }',
  },
  azurerm_storage_account: { field: 'blob_properties.versioning_enabled', fix: 'set blob_properties { versioning_enabled = true }' },
  google_storage_bucket: { field: 'versioning.enabled', fix: 'set versioning { enabled = true }' },
};

/**
 * Storage keeps every earlier version of its objects: a bad apply, a corrupt write or a deleted
 * state file is recoverable. Access-log sinks are not versioned state and are not checked.
 */
export const tfStorageVersioning: TerraformRule = {
  id: 'tf-storage-versioning',
  engine: 'terraform',
  level: 'error',
  title: 'State storage keeps earlier versions of every object',
  rationale:
    'Terraform rewrites its state on every apply. Without versioning, one failed or malicious write loses the record ' +
    'of what exists, and Terraform would then try to create everything again.',
  controls: {
    soc2: ['A1.2', 'CC7.5'],
    pciDss: [],
    iso27001: ['A.8.13'],
    gdpr: ['Art. 5(1)(f)', 'Art. 32'],
  },
  resourceTypes: STORAGE_TYPES,
  check(resource, context) {
    if (isAccessLogTarget(resource, context.environmentResources)) return NOT_APPLICABLE;
    if (isVersioned(resource, context.stackResources)) return COMPLIANT;
    const where = VERSIONING[resource.type]!;
    const value = resource.type === 'aws_s3_bucket' ? undefined : boolAt(resource.attributes, where.field);
    return nonCompliant(where.field, value, 'earlier versions of the objects are not kept', where.fix);
  },
};
