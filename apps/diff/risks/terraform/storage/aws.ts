import { isJsonObject } from '../../../canonical-json';
import type { JsonObject } from '../../../estate-unit';
import { booleanAt, nestedBlocks, numberAt, stringAt, stringsAt } from '../terraform-body';
import { flag, forceDestroyProtection, type ProtectedType, preventDestroyProtection, type Reading, reading, type StorageProtection } from './types';

/** `aws_s3_bucket_public_access_block`: each of the four settings closes one way to make the bucket public. Deleting the resource deletes the block (all false). */
function publicAccessSetting(attribute: string, why: string): StorageProtection {
  return { kind: 'public access', path: attribute, read: (body) => flag(booleanAt(body, attribute)), undeclared: reading(0, 'false (default)'), why };
}

/** The condition keys of the Deny statements this table reads on bucket policies (TLS-only, KMS-only uploads): the IAM rule leaves them to the storage rule. */
export const STORAGE_DENY_VARIABLES: readonly string[] = ['aws:SecureTransport', 's3:x-amz-server-side-encryption', 's3:x-amz-server-side-encryption-aws-kms-key-id'];

/** The policy document's statements with `effect = "Deny"` that carry a condition on `variable`. */
function denyStatementsOn(body: JsonObject, variable: string): JsonObject[] {
  return nestedBlocks(body, 'statement').filter(
    (statement) => statement.effect === 'Deny' && nestedBlocks(statement, 'condition').some((condition) => isJsonObject(condition) && condition.variable === variable),
  );
}

/** A reading of "nothing expires": no enabled rule sets the expiry. */
const NEVER = Number.MAX_SAFE_INTEGER;

/**
 * The shortest expiry in days that an enabled rule of an `aws_s3_bucket_lifecycle_configuration` sets
 * at `path` (`noncurrent_version_expiration.noncurrent_days`, `expiration.days`): S3 applies every
 * enabled rule, so the shortest wins for the objects it filters. A rule with `status = "Disabled"`
 * expires nothing (internal/service/s3/bucket_lifecycle_configuration.go, website/docs/r/s3_bucket_lifecycle_configuration.html.markdown).
 */
function shortestExpiry(path: string, what: string): (body: JsonObject) => Reading {
  return (body) => {
    const days = nestedBlocks(body, 'rule')
      .filter((rule) => rule.status === 'Enabled')
      .map((rule) => numberAt(rule, path))
      .filter((value): value is number => value !== undefined);
    if (days.length === 0) return reading(NEVER, `no enabled rule expires ${what}`);
    const shortest = Math.min(...days);
    return reading(shortest, `${what} expire after ${shortest} day${shortest === 1 ? '' : 's'}`);
  };
}

/**
 * AWS (hashicorp/terraform-provider-aws 6.25.0, internal/service/s3/bucket_*.go): a bucket's
 * protections live in separate resources, and deleting one resets the bucket: deleting
 * aws_s3_bucket_versioning suspends versioning (website/docs/r/s3_bucket_versioning.html.markdown),
 * deleting the encryption configuration leaves S3's default SSE-S3, deleting the public access block
 * or the policy removes them.
 */
export const AWS_STORAGE: readonly ProtectedType[] = [
  {
    block: 'resource',
    type: 'aws_s3_bucket_server_side_encryption_configuration',
    protections: [
      {
        kind: 'encryption',
        path: 'rule[0].apply_server_side_encryption_by_default[0].sse_algorithm',
        read: (body) => {
          const algorithm = stringAt(body, 'rule.apply_server_side_encryption_by_default.sse_algorithm');
          const key = stringAt(body, 'rule.apply_server_side_encryption_by_default.kms_master_key_id');
          if (algorithm === undefined) return undefined;
          if (algorithm.startsWith('aws:kms')) return key !== undefined ? reading(3, `${algorithm} with key ${key}`) : reading(2, `${algorithm} (AWS managed key)`);
          return reading(1, algorithm);
        },
        undeclared: reading(1, 'AES256 (S3 default)'),
        absent: reading(1, 'AES256 (the S3 default once the configuration is deleted)'),
        why: 'objects are no longer encrypted with the customer-managed key whose policy limits who can decrypt them',
      },
    ],
  },
  {
    block: 'resource',
    type: 'aws_s3_bucket_versioning',
    protections: [
      {
        kind: 'versioning',
        path: 'versioning_configuration[0].status',
        read: (body) => {
          const status = stringAt(body, 'versioning_configuration.status');
          return status === undefined ? undefined : reading(status === 'Enabled' ? 1 : 0, status);
        },
        undeclared: reading(0, '(none)'),
        absent: reading(0, 'Suspended (deleting the resource suspends versioning)'),
        why: 'an overwritten or deleted object can no longer be recovered from an earlier version',
      },
    ],
  },
  {
    block: 'resource',
    type: 'aws_s3_bucket_public_access_block',
    protections: [
      publicAccessSetting('block_public_acls', 'a public ACL can be set again'),
      publicAccessSetting('ignore_public_acls', 'public ACLs are honoured again'),
      publicAccessSetting('block_public_policy', 'a bucket policy granting public access can be set'),
      publicAccessSetting('restrict_public_buckets', 'a public bucket policy takes effect for anyone'),
    ],
  },
  {
    block: 'resource',
    type: 'aws_s3_bucket_ownership_controls',
    protections: [
      {
        kind: 'public access',
        path: 'rule[0].object_ownership',
        read: (body) => {
          const ownership = stringAt(body, 'rule.object_ownership');
          return ownership === undefined ? undefined : reading(ownership === 'BucketOwnerEnforced' ? 1 : 0, ownership);
        },
        undeclared: reading(0, '(none)'),
        why: 'object ACLs are no longer disabled, so an object can be shared on its own',
      },
    ],
  },
  {
    block: 'resource',
    type: 'aws_s3_bucket_policy',
    protections: [
      {
        kind: 'TLS-only',
        path: 'policy',
        read: (body) => (body.policy === undefined ? undefined : reading(1, 'attached')),
        undeclared: reading(0, '(none)'),
        absent: reading(0, 'deleted'),
        why: 'its denies (insecure transport, unencrypted uploads) no longer apply',
      },
    ],
  },
  {
    block: 'data',
    type: 'aws_iam_policy_document',
    protections: [
      {
        kind: 'TLS-only',
        path: 'statement',
        read: (body) => {
          const tlsOnly = denyStatementsOn(body, 'aws:SecureTransport').some((statement) =>
            nestedBlocks(statement, 'condition').some((condition) => condition.variable === 'aws:SecureTransport' && stringsAt(condition, 'values').includes('false')),
          );
          return reading(tlsOnly ? 1 : 0, tlsOnly ? 'Deny when aws:SecureTransport is false' : 'no deny on aws:SecureTransport');
        },
        undeclared: reading(0, '(none)'),
        why: 'requests over plain HTTP are no longer refused',
      },
      {
        kind: 'encryption',
        path: 'statement',
        read: (body) => {
          const enforced = denyStatementsOn(body, 's3:x-amz-server-side-encryption').length + denyStatementsOn(body, 's3:x-amz-server-side-encryption-aws-kms-key-id').length > 0;
          return reading(enforced ? 1 : 0, enforced ? 'Deny uploads without KMS encryption' : 'no deny on s3:x-amz-server-side-encryption');
        },
        undeclared: reading(0, '(none)'),
        why: 'uploads that do not ask for KMS encryption are accepted again',
      },
    ],
  },
  {
    // Expiring noncurrent versions sooner shortens how far back a state or report can be recovered;
    // expiring current objects deletes them. Disabling or deleting the rules keeps versions longer
    // (S3 deletes nothing without a lifecycle action), so those are not weakenings; a configuration
    // added or deleted with its bucket is not compared.
    block: 'resource',
    type: 'aws_s3_bucket_lifecycle_configuration',
    protections: [
      {
        kind: 'retention',
        path: 'rule.noncurrent_version_expiration.noncurrent_days',
        read: shortestExpiry('noncurrent_version_expiration.noncurrent_days', 'noncurrent versions'),
        undeclared: reading(NEVER, 'no rule'),
        absent: 'not compared',
        why: 'earlier versions are deleted sooner, so a corrupted or deleted object can be restored from a shorter history',
      },
      {
        kind: 'retention',
        path: 'rule.expiration.days',
        read: shortestExpiry('expiration.days', 'current objects'),
        undeclared: reading(NEVER, 'no rule'),
        absent: 'not compared',
        why: 'objects themselves are deleted sooner',
      },
    ],
  },
  {
    block: 'resource',
    type: 'aws_s3_bucket',
    protections: [forceDestroyProtection(), preventDestroyProtection('the bucket and what it holds')],
  },
  {
    block: 'resource',
    type: 'aws_s3_bucket_replication_configuration',
    protections: [
      {
        kind: 'replication',
        path: 'rule',
        read: (body) => {
          const enabled = nestedBlocks(body, 'rule').filter((rule) => rule.status === 'Enabled');
          return reading(enabled.length, enabled.length === 0 ? 'no enabled rule' : `${enabled.length} enabled rule(s) to ${stringAt(enabled[0], 'destination.bucket') ?? '?'}`);
        },
        undeclared: reading(0, '(none)'),
        why: 'the copy in the second region is no longer kept up to date',
      },
    ],
  },
  {
    block: 'resource',
    type: 'aws_kms_key',
    protections: [
      {
        kind: 'encryption',
        path: 'enable_key_rotation',
        read: (body) => flag(booleanAt(body, 'enable_key_rotation')),
        undeclared: reading(0, 'false (default)'),
        why: 'the key material is no longer rotated',
      },
      {
        kind: 'retention',
        path: 'deletion_window_in_days',
        read: (body) => {
          const days = numberAt(body, 'deletion_window_in_days');
          return days === undefined ? undefined : reading(days, `${days} days`);
        },
        undeclared: reading(30, '30 days (default)'),
        why: 'a key scheduled for deletion by mistake can be cancelled for a shorter time',
      },
      preventDestroyProtection('the key and, with it, what it encrypts'),
    ],
  },
];
