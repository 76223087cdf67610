import type { JsonObject } from '../../../estate-unit';
import { booleanAt, numberAt, stringAt, stringsAt } from '../terraform-body';
import { flag, forceDestroyProtection, type ProtectedType, preventDestroyProtection, type Reading, reading, type StorageProtection } from './types';

const PUBLIC_MEMBERS = ['allUsers', 'allAuthenticatedUsers'];

/** A bucket IAM grant is public when it names `allUsers` or `allAuthenticatedUsers`; no grant at all is not public. */
function bucketGrant(attribute: 'member' | 'members'): StorageProtection {
  return {
    kind: 'public access',
    path: attribute,
    read: (body) => {
      const members = stringsAt(body, attribute);
      const publicMembers = members.filter((member) => PUBLIC_MEMBERS.includes(member));
      return publicMembers.length > 0 ? reading(0, `${publicMembers.join(', ')} (${stringAt(body, 'role') ?? 'a role'})`) : reading(1, members.join(', '));
    },
    undeclared: reading(1, '(none)'),
    absent: reading(1, 'no public member'),
    why: 'anyone on the internet gets the role on the bucket',
  };
}

function seconds(path: string): (body: JsonObject) => Reading | undefined {
  return (body) => {
    const value = numberAt(body, path);
    return value === undefined ? undefined : reading(value, `${value}s`);
  };
}

/**
 * GCP (hashicorp/terraform-provider-google v6.50.0, google/services/storage/resource_storage_bucket.go):
 * versioning, public_access_prevention, uniform_bucket_level_access and soft_delete_policy are
 * Optional+Computed (undeclared, the bucket keeps its current value); encryption and retention_policy
 * are Optional (undeclared, Google-managed keys and no retention).
 */
export const GCP_STORAGE: readonly ProtectedType[] = [
  {
    block: 'resource',
    type: 'google_storage_bucket',
    protections: [
      {
        kind: 'versioning',
        path: 'versioning[0].enabled',
        read: (body) => flag(booleanAt(body, 'versioning.enabled')),
        undeclared: 'kept',
        why: 'an overwritten object can no longer be recovered from an earlier generation',
      },
      {
        kind: 'public access',
        path: 'public_access_prevention',
        read: (body) => {
          const prevention = stringAt(body, 'public_access_prevention');
          return prevention === undefined ? undefined : reading(prevention === 'enforced' ? 1 : 0, prevention);
        },
        undeclared: 'kept',
        why: 'an IAM grant to allUsers or allAuthenticatedUsers takes effect',
      },
      {
        kind: 'public access',
        path: 'uniform_bucket_level_access',
        read: (body) => flag(booleanAt(body, 'uniform_bucket_level_access')),
        undeclared: 'kept',
        why: 'object ACLs apply again, so an object can be shared on its own',
      },
      {
        kind: 'encryption',
        path: 'encryption[0].default_kms_key_name',
        read: (body) => {
          const key = stringAt(body, 'encryption.default_kms_key_name');
          return key === undefined ? undefined : reading(1, key);
        },
        undeclared: reading(0, 'Google-managed keys'),
        why: 'new objects are no longer encrypted with the customer-managed key whose IAM limits who can read them',
      },
      {
        kind: 'retention',
        path: 'retention_policy[0].retention_period',
        read: seconds('retention_policy.retention_period'),
        undeclared: reading(0, 'no retention policy'),
        why: 'objects can be deleted or overwritten sooner',
      },
      {
        kind: 'retention',
        path: 'soft_delete_policy[0].retention_duration_seconds',
        read: seconds('soft_delete_policy.retention_duration_seconds'),
        undeclared: 'kept',
        why: 'a deleted object is recoverable for a shorter time',
      },
      forceDestroyProtection(),
      preventDestroyProtection('the bucket and what it holds'),
    ],
  },
  { block: 'resource', type: 'google_storage_bucket_iam_member', protections: [bucketGrant('member')] },
  { block: 'resource', type: 'google_storage_bucket_iam_binding', protections: [bucketGrant('members')] },
  {
    block: 'resource',
    type: 'google_kms_crypto_key',
    protections: [
      {
        kind: 'encryption',
        path: 'rotation_period',
        read: (body) => {
          const period = stringAt(body, 'rotation_period');
          return period === undefined ? undefined : reading(1, period);
        },
        undeclared: reading(0, 'no rotation'),
        why: 'the key material is no longer rotated',
      },
      preventDestroyProtection('the key and, with it, what it encrypts'),
    ],
  },
];
