import { boolAt, stringAt } from '../inspect/attributes';
import { companionsOf } from '../inspect/references';
import { nameAttributes, STORAGE_TYPES } from '../inspect/storage';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/** The four switches of an S3 public access block; each closes a different path to public data. */
const S3_BLOCKS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

/**
 * No object of state or log storage can be made public, by ACL, policy or container setting; the
 * setting is explicit (provider defaults have changed between major versions).
 */
export const tfStoragePublicAccessBlocked: TerraformRule = {
  id: 'tf-storage-public-access-blocked',
  engine: 'terraform',
  level: 'error',
  title: 'Public access to state storage is blocked',
  rationale:
    'A single public ACL or bucket policy statement would publish every state file, with the secrets it holds. ' +
    'Blocking public access at the storage level makes that mistake impossible rather than merely unlikely.',
  controls: {
    soc2: ['CC6.1', 'CC6.6'],
    pciDss: ['1.4.1', '7.2.1'],
    iso27001: ['A.5.15', 'A.8.3'],
    gdpr: ['Art. 5(1)(f)', 'Art. 25', 'Art. 32'],
  },
  resourceTypes: STORAGE_TYPES,
  check(resource, context) {
    if (resource.type === 'aws_s3_bucket') {
      const blocks = companionsOf(resource, context.stackResources, 'aws_s3_bucket_public_access_block', 'bucket', nameAttributes(resource));
      if (blocks.length === 0) {
        return nonCompliant(
          'aws_s3_bucket_public_access_block',
          undefined,
          'the bucket has no public access block',
          'add an aws_s3_bucket_public_access_block for the bucket with all four settings true',
        );
      }
      const open = S3_BLOCKS.find((flag) => !blocks.some((b) => boolAt(b.attributes, flag) === true));
      if (open === undefined) return COMPLIANT;
      return nonCompliant(
        `aws_s3_bucket_public_access_block.${open}`,
        boolAt(blocks[0]!.attributes, open),
        'public access is not fully blocked',
        `set ${open} = true (with the other three) on the bucket's public access block`,
      );
    }
    if (resource.type === 'azurerm_storage_account') {
      const value = boolAt(resource.attributes, 'allow_nested_items_to_be_public');
      if (value === false) return COMPLIANT;
      return nonCompliant(
        'allow_nested_items_to_be_public',
        value,
        'containers of the account may be made public (the provider default is true)',
        'set allow_nested_items_to_be_public = false',
      );
    }
    const value = stringAt(resource.attributes, 'public_access_prevention');
    if (value === 'enforced') return COMPLIANT;
    return nonCompliant('public_access_prevention', value, 'objects of the bucket may be made public', 'set public_access_prevention = "enforced"');
  },
};
