import { DataTerraformRemoteStateS3, S3Backend, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { kmsAliasArn } from '../../core/s3-upload-encryption';
import type { AwsAccount } from '../cloud-accounts';

/**
 * Names of the per-environment Terraform state store. They are derived here and nowhere else: the
 * state foundation stack creates resources with these names and every other AWS stack's backend
 * points at them, so a rename in one place cannot leave the two disagreeing.
 */

/**
 * S3 bucket holding every Terraform state of one environment, `<prefix>-tfstate-<env>-<account>`,
 * e.g. `acme-tfstate-prod-123456789012` for the organisation prefix `acme`
 * (`infrastructure.organisationPrefix`).
 */
export function stateBucketName(prefix: string, environment: string, account: AwsAccount): string {
  // The account id makes the globally unique S3 name collision-free across organisations' accounts.
  return `${prefix}-tfstate-${environment}-${account.accountId}`;
}

/**
 * Bucket receiving the S3 access logs of the state bucket, e.g. `acme-tfstate-logs-prod-123456789012`,
 * or of its replica in `region` (S3 delivers access logs within a region only).
 */
export function stateLogBucketName(prefix: string, environment: string, account: AwsAccount, region?: string): string {
  const name = `${prefix}-tfstate-logs-${environment}-${account.accountId}`;
  return region === undefined ? name : `${name}-${region}`;
}

/** Cross-region copy of the state bucket, e.g. `acme-tfstate-prod-123456789012-eu-central-1`. */
export function stateReplicaBucketName(prefix: string, environment: string, account: AwsAccount, region: string): string {
  return `${stateBucketName(prefix, environment, account)}-${region}`;
}

/** Alias of the replica's key in the replica region, e.g. `alias/prod-tfstate-replica`. */
export function stateReplicaKeyAliasName(environment: string): string {
  return `${stateKeyAliasName(environment)}-replica`;
}

/** Alias of the customer-managed KMS key that encrypts the state, e.g. `alias/prod-tfstate`. */
export function stateKeyAliasName(environment: string): string {
  return `alias/${environment}-tfstate`;
}

/**
 * ARN of the state key's alias. The backend names the key by alias, not by key id, so that it is
 * known before the key exists (bootstrap) and survives a key replacement.
 */
export function stateKeyAliasArn(environment: string, account: AwsAccount): string {
  return kmsAliasArn(account.region, account.accountId, stateKeyAliasName(environment));
}

/** Object key of one stack's state inside the environment's bucket; relative, one folder per stack. */
export function stateObjectKey(stackName: string): string {
  return `${stackName}/terraform.tfstate`;
}

export interface S3StateBackendOptions {
  /** The organisation's prefix of globally unique names (`infrastructure.organisationPrefix`): starts the bucket name. */
  readonly organisationPrefix: string;
  /** Environment name; selects the bucket and the key alias. */
  readonly environment: string;
  /** Account and region holding the environment's state bucket. */
  readonly account: AwsAccount;
  /**
   * Stable name of the stack (e.g. `aws-foundation`); the state object key. Not the
   * construct id: the CLI app prefixes ids with the environment, the state key must not change.
   */
  readonly stackName: string;
}

/**
 * Declares the S3 backend of `stack`: the environment's state bucket, encrypted with its
 * customer-managed key, locked with an S3 lock file (no DynamoDB table).
 *
 * Every stack must call this (or declare another backend): a stack without one silently gets a
 * `local` backend whose path is this machine's absolute path, which makes the output differ per
 * machine and keeps state on a laptop.
 */
export function addS3StateBackend(stack: TerraformStack, options: S3StateBackendOptions): S3Backend {
  const backend = new S3Backend(stack, {
    bucket: stateBucketName(options.organisationPrefix, options.environment, options.account),
    key: stateObjectKey(options.stackName),
    region: options.account.region,
    encrypt: true,
    kmsKeyId: stateKeyAliasArn(options.environment, options.account),
    // No `allowedAccountIds` here (the provider has it, and the bucket is private to its account):
    // cdktf's HCL renderer writes all-digit strings of the backend block as numbers, so the HCL
    // would no longer say what the JSON says and the round-trip test would refuse it.
  });
  // cdktf 0.21's S3BackendConfig predates Terraform 1.10 and has no `useLockfile`; DynamoDB
  // locking (`dynamodb_table`) is deprecated upstream, so S3-native locking is set by override.
  // It needs Terraform >= 1.10 (older versions fail `init` on the unknown argument). Not pinned
  // as `required_version`: cdktf 0.21 renders any plain attribute of the `terraform` block as
  // `0 = "required_version"` (invalid HCL; see test/terraform/hcl-roundtrip.test.ts).
  backend.addOverride('use_lockfile', true);
  return backend;
}

/**
 * Another AWS stack's state, read through the same bucket, key and encryption the backend uses:
 * the typed way to consume its outputs (see `readOutputs` in ../stack-outputs.ts).
 */
export function awsRemoteState(scope: Construct, id: string, options: S3StateBackendOptions): DataTerraformRemoteStateS3 {
  return new DataTerraformRemoteStateS3(scope, id, {
    bucket: stateBucketName(options.organisationPrefix, options.environment, options.account),
    key: stateObjectKey(options.stackName),
    region: options.account.region,
    encrypt: true,
    kmsKeyId: stateKeyAliasArn(options.environment, options.account),
  });
}
