import type { Tier } from '../../../../constructs/core/tier';
import type { TerraformUnit } from '../../estate-unit';
import type { RiskLevel } from '../risk-rule';

/**
 * What a storage-related block keeps: Terraform state, compliance reports, or the access logs of
 * either. The foundation stacks (`aws-foundation`, `azure-foundation`, `gcp-foundation`) hold the
 * state and report storage of an environment (constructs/terraform/<cloud>/foundation-stack.ts), so
 * every block there counts; elsewhere a block counts when its address or names say `tfstate` or
 * `report`. A rule is pure and sees one block, so a bucket's versioning resource
 * (`aws_s3_bucket_versioning.versioning`, `bucket = ${aws_s3_bucket.bucket.id}`) is placed by its
 * stack and address, not by following the reference.
 */
export type StoragePurpose = 'state' | 'report' | 'access log';

const NAMING_ATTRIBUTES = ['bucket', 'name', 'description', 'storage_account_name', 'container_name'] as const;

export function storagePurpose(unit: TerraformUnit): StoragePurpose | undefined {
  if (unit.block === 'backend') return 'state';
  const names = NAMING_ATTRIBUTES.map((attribute) => unit.body[attribute])
    .filter((value): value is string => typeof value === 'string')
    .join(' ');
  const text = `${unit.address} ${names}`.toLowerCase();
  const foundation = /(^|-)foundation$/.test(unit.stack);
  if (!foundation && !/tfstate|report/.test(text)) return undefined;
  if (text.includes('report')) return 'report';
  if (/(^|[^a-z])logs?([^a-z]|$)/.test(text)) return 'access log';
  return 'state';
}

/** State storage is high everywhere (every stack of the environment reads it); reports and logs weigh by tier. */
export function storageLevel(purpose: StoragePurpose, tier: Tier): RiskLevel {
  return purpose === 'state' || tier === 'production' ? 'high' : 'medium';
}
