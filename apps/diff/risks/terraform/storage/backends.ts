import { booleanAt, stringAt } from '../terraform-body';
import { type ProtectedType, reading } from './types';

/**
 * The `terraform { backend "<type>" { ... } }` settings that protect the state, as Terraform v1.11.4
 * (the version constructs/drift/terraform-drift-check.ts pins) reads them:
 * internal/backend/remote-state/s3/backend.go (`encrypt`, `kms_key_id`, `sse_customer_key`,
 * `use_lockfile`, the deprecated `dynamodb_table`), gcs/backend.go (`kms_encryption_key`,
 * `encryption_key`; locking is the bucket's own) and azure/backend.go (`use_azuread_auth`, default
 * false: without it the backend uses the account's access key; locking is a blob lease).
 */
export const BACKEND_STORAGE: readonly ProtectedType[] = [
  {
    block: 'backend',
    type: 's3',
    protections: [
      {
        kind: 'encryption',
        path: 'encrypt',
        read: (body) => {
          const key = stringAt(body, 'kms_key_id') ?? (body.sse_customer_key !== undefined ? 'a customer-provided key (SSE-C)' : undefined);
          const encrypt = booleanAt(body, 'encrypt');
          if (key !== undefined && encrypt === true) return reading(2, `encrypt = true with ${key}`);
          return encrypt === undefined ? undefined : reading(encrypt ? 1 : 0, `encrypt = ${encrypt}`);
        },
        undeclared: reading(0, 'encrypt unset (false)'),
        why: 'the state objects are no longer written with server-side encryption under the state key',
      },
      {
        kind: 'locking',
        path: 'use_lockfile',
        read: (body) => {
          if (booleanAt(body, 'use_lockfile') === true) return reading(1, 'use_lockfile = true');
          const table = stringAt(body, 'dynamodb_table');
          return table !== undefined ? reading(1, `dynamodb_table = ${table}`) : reading(0, 'no lock file, no DynamoDB table');
        },
        undeclared: reading(0, 'no locking'),
        why: 'two applies can write the same state at once and corrupt it',
      },
    ],
  },
  {
    block: 'backend',
    type: 'gcs',
    protections: [
      {
        kind: 'encryption',
        path: 'kms_encryption_key',
        read: (body) => {
          const key = stringAt(body, 'kms_encryption_key') ?? (body.encryption_key !== undefined ? 'a customer-supplied key' : undefined);
          return key === undefined ? undefined : reading(1, key);
        },
        undeclared: reading(0, 'Google-managed keys'),
        why: 'the state is no longer encrypted with the customer-managed state key',
      },
    ],
  },
  {
    block: 'backend',
    type: 'azurerm',
    protections: [
      {
        kind: 'authentication',
        path: 'use_azuread_auth',
        read: (body) => {
          const azureAd = booleanAt(body, 'use_azuread_auth');
          return azureAd === undefined ? undefined : reading(azureAd ? 1 : 0, `use_azuread_auth = ${azureAd}`);
        },
        undeclared: reading(0, 'use_azuread_auth unset (false)'),
        why: 'the backend authenticates with the storage account key instead of Entra ID',
      },
    ],
  },
];
