import type { TerraformResourceView } from '../../constructs/rules/types';
import type { EnvironmentSpec } from '../../environments/types';
import { dataSource, prod, ref, resource } from './fixtures';

/** Named views of one stack; tests drop or replace entries to break exactly one thing. */
export type Store = Readonly<Record<string, TerraformResourceView | undefined>>;

export function viewsOf(store: Store): TerraformResourceView[] {
  return Object.values(store).filter((v): v is TerraformResourceView => v !== undefined);
}

/** A compliant S3 state bucket with its key, log bucket and every companion resource. */
export function awsStateStore(spec: EnvironmentSpec = prod) {
  const bucket = resource('aws_s3_bucket', 'state', { bucket: `acme-tfstate-${spec.name}` });
  const logs = resource('aws_s3_bucket', 'logs', { bucket: `acme-tfstate-logs-${spec.name}` });
  const replica = resource('aws_s3_bucket', 'replica', { bucket: `acme-tfstate-${spec.name}-replica`, provider: 'aws.replica' });
  const key = resource('aws_kms_key', 'key', { enable_key_rotation: true });
  const policyDocument = dataSource('aws_iam_policy_document', 'policy-document', {
    statement: [
      {
        sid: 'DenyInsecureTransport',
        effect: 'Deny',
        principals: [{ type: '*', identifiers: ['*'] }],
        actions: ['s3:*'],
        resources: [ref(bucket, 'arn'), `${ref(bucket, 'arn')}/*`],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      },
    ],
  });
  return {
    bucket,
    logs,
    replica,
    key,
    versioning: resource('aws_s3_bucket_versioning', 'versioning', { bucket: ref(bucket, 'id'), versioning_configuration: { status: 'Enabled' } }),
    replicaVersioning: resource('aws_s3_bucket_versioning', 'replica-versioning', { bucket: ref(replica, 'id'), versioning_configuration: { status: 'Enabled' } }),
    encryption: resource('aws_s3_bucket_server_side_encryption_configuration', 'encryption', {
      bucket: ref(bucket, 'id'),
      rule: [{ bucket_key_enabled: true, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: ref(key, 'arn') } }],
    }),
    logsEncryption: resource('aws_s3_bucket_server_side_encryption_configuration', 'logs-encryption', {
      bucket: ref(logs, 'id'),
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    }),
    publicAccess: resource('aws_s3_bucket_public_access_block', 'public-access', {
      bucket: ref(bucket, 'id'),
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    }),
    policyDocument,
    policy: resource('aws_s3_bucket_policy', 'policy', { bucket: ref(bucket, 'id'), policy: ref(policyDocument, 'json') }),
    logging: resource('aws_s3_bucket_logging', 'logging', { bucket: ref(bucket, 'id'), target_bucket: ref(logs, 'id'), target_prefix: 'state/' }),
    lifecycle: resource('aws_s3_bucket_lifecycle_configuration', 'lifecycle', {
      bucket: ref(bucket, 'id'),
      rule: [
        { id: 'expire-noncurrent-versions', status: 'Enabled', filter: [{}], noncurrent_version_expiration: [{ noncurrent_days: spec.infrastructure.stateVersionRetentionDays }] },
      ],
    }),
    replication: resource('aws_s3_bucket_replication_configuration', 'replication', {
      bucket: ref(bucket, 'id'),
      role: '${aws_iam_role.replication.arn}',
      rule: [{ id: 'state-replica', status: 'Enabled', filter: {}, destination: { bucket: ref(replica, 'arn') } }],
    }),
  };
}

/** A compliant Azure state storage account with its customer-managed key and companions. */
export function azureStateStore(spec: EnvironmentSpec = prod) {
  const account = resource('azurerm_storage_account', 'state', {
    name: `acmetfstate${spec.name}`,
    account_replication_type: 'GZRS',
    min_tls_version: 'TLS1_2',
    https_traffic_only_enabled: true,
    allow_nested_items_to_be_public: false,
    blob_properties: { versioning_enabled: true },
    customer_managed_key: { key_vault_key_id: '${azurerm_key_vault_key.state.versionless_id}', user_assigned_identity_id: '${azurerm_user_assigned_identity.storage.id}' },
  });
  return {
    account,
    diagnostics: resource('azurerm_monitor_diagnostic_setting', 'blob-diagnostics', {
      target_resource_id: `${ref(account, 'id')}/blobServices/default`,
      log_analytics_workspace_id: '${azurerm_log_analytics_workspace.logs.id}',
      enabled_log: [{ category_group: 'audit' }],
    }),
    management: resource('azurerm_storage_management_policy', 'lifecycle', {
      storage_account_id: ref(account, 'id'),
      rule: [{ name: 'expire-versions', enabled: true, actions: { version: { delete_after_days_since_creation: spec.infrastructure.stateVersionRetentionDays } } }],
    }),
  };
}

/** A compliant GCS state bucket and its log bucket. */
export function gcpStateStore(spec: EnvironmentSpec = prod) {
  const logs = resource('google_storage_bucket', 'logs', {
    name: `acme-tfstate-logs-${spec.name}`,
    location: 'europe-west1',
    public_access_prevention: 'enforced',
    encryption: { default_kms_key_name: '${google_kms_crypto_key.state.id}' },
  });
  const bucket = resource('google_storage_bucket', 'state', {
    name: `acme-tfstate-${spec.name}`,
    location: 'EU',
    public_access_prevention: 'enforced',
    uniform_bucket_level_access: true,
    versioning: { enabled: true },
    encryption: { default_kms_key_name: '${google_kms_crypto_key.state.id}' },
    logging: { log_bucket: ref(logs, 'name') },
    lifecycle_rule: [{ action: { type: 'Delete' }, condition: { days_since_noncurrent_time: spec.infrastructure.stateVersionRetentionDays } }],
  });
  return { bucket, logs };
}
