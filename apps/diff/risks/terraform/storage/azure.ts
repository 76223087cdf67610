import type { JsonObject } from '../../../estate-unit';
import { booleanAt, numberAt, stringAt, stringsAt } from '../terraform-body';
import { flag, type ProtectedType, preventDestroyProtection, type Reading, reading, type StorageProtection } from './types';

const TLS_STRENGTH: Readonly<Record<string, number>> = { TLS1_0: 0, TLS1_1: 1, TLS1_2: 2, TLS1_3: 3 };

/** Soft-delete retention in days (`blob_properties.delete_retention_policy.days`): none when the block is absent. */
function retentionDays(path: string): (body: JsonObject) => Reading | undefined {
  return (body) => {
    const days = numberAt(body, path);
    return days === undefined ? undefined : reading(days, `${days} days`);
  };
}

/** Entries that let in any address. */
const ANY_NETWORK = ['0.0.0.0/0', '*'];

/**
 * A list of the account firewall (`network_rules.ip_rules`, `.virtual_network_subnet_ids`): each entry
 * added lets another network reach the account past `default_action = "Deny"`; any address is public.
 */
function networkRule(attribute: 'ip_rules' | 'virtual_network_subnet_ids', why: string): StorageProtection {
  return {
    kind: 'public access',
    path: `network_rules[0].${attribute}`,
    read: (body) => {
      const entries = stringsAt(body, `network_rules.${attribute}`);
      const open = entries.some((entry) => ANY_NETWORK.includes(entry));
      return { strength: open ? 0 : 1, shown: open ? 'any address: public' : entries.join(', ') || '(none)', allows: entries };
    },
    undeclared: reading(1, '(none)'),
    why,
  };
}

/**
 * Azure (hashicorp/terraform-provider-azurerm v4.55.0, `git show v4.55.0:<file>`): the defaults are
 * the schema's (internal/services/storage/storage_account_resource.go: min_tls_version TLS1_2,
 * https_traffic_only_enabled true, allow_nested_items_to_be_public true, public_network_access_enabled
 * true, shared_access_key_enabled true, infrastructure_encryption_enabled false,
 * blob_properties.versioning_enabled false; storage_container_resource.go: container_access_type
 * private; keyvault/key_vault_resource.go: purge_protection_enabled unset, soft_delete_retention_days 90).
 */
export const AZURE_STORAGE: readonly ProtectedType[] = [
  {
    block: 'resource',
    type: 'azurerm_storage_account',
    protections: [
      {
        kind: 'TLS-only',
        path: 'min_tls_version',
        read: (body) => {
          const version = stringAt(body, 'min_tls_version');
          return version === undefined ? undefined : reading(TLS_STRENGTH[version] ?? 0, version);
        },
        undeclared: reading(2, 'TLS1_2 (default)'),
        why: 'clients may connect with an older, weaker TLS version',
      },
      {
        kind: 'TLS-only',
        path: 'https_traffic_only_enabled',
        read: (body) => flag(booleanAt(body, 'https_traffic_only_enabled')),
        undeclared: reading(1, 'true (default)'),
        why: 'requests over plain HTTP are accepted',
      },
      {
        kind: 'public access',
        path: 'allow_nested_items_to_be_public',
        read: (body) => flag(booleanAt(body, 'allow_nested_items_to_be_public'), false),
        undeclared: reading(0, 'true (default)'),
        why: 'a container can be made readable anonymously',
      },
      {
        kind: 'public access',
        path: 'public_network_access_enabled',
        read: (body) => flag(booleanAt(body, 'public_network_access_enabled'), false),
        undeclared: reading(0, 'true (default)'),
        why: 'the account is reachable from the internet (only network rules stand in the way)',
      },
      {
        kind: 'public access',
        path: 'network_rules[0].default_action',
        read: (body) => {
          const action = stringAt(body, 'network_rules.default_action');
          return action === undefined ? undefined : reading(action === 'Deny' ? 1 : 0, action);
        },
        undeclared: 'kept',
        why: 'networks outside the allowed ranges reach the account',
      },
      networkRule('ip_rules', 'another address range reaches the account past the firewall'),
      networkRule('virtual_network_subnet_ids', 'another subnet reaches the account past the firewall'),
      {
        kind: 'authentication',
        path: 'shared_access_key_enabled',
        read: (body) => flag(booleanAt(body, 'shared_access_key_enabled'), false),
        undeclared: reading(0, 'true (default)'),
        why: 'the account keys and SAS tokens grant access again, outside Entra ID and its audit',
      },
      {
        kind: 'encryption',
        path: 'infrastructure_encryption_enabled',
        read: (body) => flag(booleanAt(body, 'infrastructure_encryption_enabled')),
        undeclared: reading(0, 'false (default)'),
        why: 'the second layer of encryption at rest goes',
      },
      {
        kind: 'encryption',
        path: 'customer_managed_key',
        read: (body) => {
          const key = stringAt(body, 'customer_managed_key.key_vault_key_id');
          return key === undefined ? undefined : reading(1, `customer-managed key ${key}`);
        },
        undeclared: reading(0, 'Microsoft-managed keys'),
        why: 'the data is no longer encrypted with the key whose vault access limits who can read it',
      },
      {
        kind: 'versioning',
        path: 'blob_properties[0].versioning_enabled',
        read: (body) => flag(booleanAt(body, 'blob_properties.versioning_enabled')),
        undeclared: reading(0, 'false (default)'),
        why: 'an overwritten state or report can no longer be recovered from an earlier version',
      },
      {
        kind: 'retention',
        path: 'blob_properties[0].delete_retention_policy[0].days',
        read: retentionDays('blob_properties.delete_retention_policy.days'),
        undeclared: reading(0, 'no soft delete'),
        why: 'a deleted blob is recoverable for a shorter time',
      },
      {
        kind: 'retention',
        path: 'blob_properties[0].container_delete_retention_policy[0].days',
        read: retentionDays('blob_properties.container_delete_retention_policy.days'),
        undeclared: reading(0, 'no soft delete'),
        why: 'a deleted container is recoverable for a shorter time',
      },
      preventDestroyProtection('the account and every container in it'),
    ],
  },
  {
    block: 'resource',
    type: 'azurerm_storage_container',
    protections: [
      {
        kind: 'public access',
        path: 'container_access_type',
        read: (body) => {
          const access = stringAt(body, 'container_access_type');
          return access === undefined ? undefined : reading(access === 'private' ? 1 : 0, access);
        },
        undeclared: reading(1, 'private (default)'),
        why: 'its blobs become readable anonymously',
      },
    ],
  },
  {
    block: 'resource',
    type: 'azurerm_key_vault',
    protections: [
      {
        kind: 'retention',
        path: 'purge_protection_enabled',
        read: (body) => flag(booleanAt(body, 'purge_protection_enabled')),
        undeclared: reading(0, 'false (unset)'),
        why: 'a deleted key can be purged at once, leaving the storage it encrypts unreadable',
      },
      {
        kind: 'retention',
        path: 'soft_delete_retention_days',
        read: retentionDays('soft_delete_retention_days'),
        undeclared: reading(90, '90 days (default)'),
        why: 'a deleted key is recoverable for a shorter time',
      },
      preventDestroyProtection('the vault and its keys'),
    ],
  },
];
