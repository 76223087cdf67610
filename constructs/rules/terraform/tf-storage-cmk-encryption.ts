import { blocks, stringAt } from '../inspect/attributes';
import { companionsOf } from '../inspect/references';
import { isAccessLogTarget, nameAttributes, STORAGE_TYPES } from '../inspect/storage';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule, TerraformRuleContext } from '../types';

/** SSE algorithms that encrypt with a KMS key the account controls. */
const KMS_ALGORITHMS: ReadonlySet<string> = new Set(['aws:kms', 'aws:kms:dsse']);

/**
 * State and evidence storage is encrypted with a customer-managed key: revoking or auditing the
 * key's use is then in the estate's hands, not the cloud provider's. S3 server access log buckets
 * are the one exception S3 imposes (log delivery writes only to SSE-S3 buckets): they need default
 * encryption, not a customer-managed key.
 */
export const tfStorageCmkEncryption: TerraformRule = {
  id: 'tf-storage-cmk-encryption',
  engine: 'terraform',
  level: 'error',
  title: 'State storage is encrypted with a customer-managed key',
  rationale:
    'Terraform state holds every resource attribute, including secrets. With a customer-managed key, access to the ' +
    'data needs access to the key too, key use is logged, and disabling the key makes a leaked copy unreadable.',
  controls: {
    soc2: ['CC6.1', 'C1.1'],
    pciDss: ['3.5.1', '3.6.1'],
    iso27001: ['A.8.24'],
    gdpr: ['Art. 5(1)(f)', 'Art. 32'],
  },
  resourceTypes: STORAGE_TYPES,
  check(resource, context) {
    if (resource.type === 'aws_s3_bucket') return checkS3(resource, context);
    if (resource.type === 'azurerm_storage_account') return checkAzure(resource, context);
    const key = stringAt(resource.attributes, 'encryption.default_kms_key_name');
    if (key !== undefined && key !== '') return COMPLIANT;
    return nonCompliant(
      'encryption.default_kms_key_name',
      key,
      'the bucket is encrypted with a Google-managed key only',
      'set encryption { default_kms_key_name } to a google_kms_crypto_key the project owns',
    );
  },
};

function checkS3(bucket: TerraformResourceView, context: TerraformRuleContext): RuleOutcome {
  const configs = companionsOf(bucket, context.stackResources, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket', nameAttributes(bucket));
  const defaults = [...configs.flatMap((c) => blocks(c.attributes.rule)), ...blocks(bucket.attributes.server_side_encryption_configuration).flatMap((c) => blocks(c.rule))].map(
    (rule) => ({
      algorithm: stringAt(rule, 'apply_server_side_encryption_by_default.sse_algorithm'),
      key: stringAt(rule, 'apply_server_side_encryption_by_default.kms_master_key_id'),
    }),
  );
  const field = 'aws_s3_bucket_server_side_encryption_configuration.rule.apply_server_side_encryption_by_default';
  if (defaults.length === 0) {
    return nonCompliant(
      field,
      undefined,
      'the bucket declares no default encryption',
      'add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and kms_master_key_id',
    );
  }
  if (isAccessLogTarget(bucket, context.environmentResources)) return COMPLIANT;
  const cmk = defaults.some((d) => d.algorithm !== undefined && KMS_ALGORITHMS.has(d.algorithm) && isCustomerKey(d.key));
  if (cmk) return COMPLIANT;
  const first = defaults[0]!;
  return nonCompliant(
    `${field}.${first.algorithm !== undefined && KMS_ALGORITHMS.has(first.algorithm) ? 'kms_master_key_id' : 'sse_algorithm'}`,
    first.algorithm !== undefined && KMS_ALGORITHMS.has(first.algorithm) ? first.key : first.algorithm,
    'the bucket is not encrypted with a customer-managed KMS key (SSE-S3 or the AWS-managed aws/s3 key)',
    'set sse_algorithm "aws:kms" and kms_master_key_id to the ARN of an aws_kms_key of the stack',
  );
}

/** A key the account manages: set, and not the AWS-managed `aws/s3` key. */
function isCustomerKey(key: string | undefined): boolean {
  return key !== undefined && key !== '' && !key.endsWith('alias/aws/s3');
}

function checkAzure(account: TerraformResourceView, context: TerraformRuleContext): RuleOutcome {
  const inline = stringAt(account.attributes, 'customer_managed_key.key_vault_key_id') ?? stringAt(account.attributes, 'customer_managed_key.managed_hsm_key_id');
  if (inline !== undefined && inline !== '') return COMPLIANT;
  const separate = companionsOf(account, context.stackResources, 'azurerm_storage_account_customer_managed_key', 'storage_account_id').some(
    (k) => typeof k.attributes.key_name === 'string' || typeof k.attributes.managed_hsm_key_id === 'string',
  );
  if (separate) return COMPLIANT;
  return nonCompliant(
    'customer_managed_key',
    undefined,
    'the storage account is encrypted with a Microsoft-managed key only',
    'add customer_managed_key { key_vault_key_id, user_assigned_identity_id } (or an azurerm_storage_account_customer_managed_key)',
  );
}
