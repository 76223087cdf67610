import type { BackupSpec } from '../backup/backup-spec';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { cloudProfile } from '../kubernetes/registered-cluster-profiles';
import type { CloudAccounts } from '../terraform/cloud-accounts';
import type { Cloud } from './cloud';

/**
 * Names Velero's Kubernetes side (its Helm values: backup storage location, ServiceAccount
 * annotation) and Terraform side (the backup store, its key, the workload identity allowed to
 * write it) must agree on. Plain data, no cdktf: the Kubernetes synth imports it without loading
 * the providers.
 */

/** Kubernetes identity of the Velero server on every cluster; the store trusts it alone. */
export const VELERO_WORKLOAD = { namespace: 'velero', serviceAccount: 'velero' } as const;

/**
 * Where an environment's backups land on one cloud: a bucket (S3, GCS) or a storage account and
 * container (Azure Blob), created by the cloud's foundation stack. Each cluster writes below its
 * own prefix (`backupPrefix`), so one store serves every cluster of the environment on the cloud.
 *
 * What the backup storage location must say for the identities Terraform grants to work:
 * - AWS: `region` (the role may list only below its prefix, so the plugin's bucket-region lookup,
 *   a HeadBucket, is refused) and `kmsKeyId` (the bucket refuses uploads without SSE-KMS);
 * - Azure: `useAAD: "true"` (the account has no shared key) and `storageAccountURI`
 *   (`https://<bucket>.blob.core.windows.net`: the identity has no Resource Manager read);
 * - GCP: `serviceAccount` (the Google service account's e-mail: it signs download URLs as itself).
 */
export interface BackupStore {
  readonly cloud: Cloud;
  /** S3 / GCS bucket name, or the Azure storage account name. */
  readonly bucket: string;
  /** Azure only: the blob container inside the storage account. */
  readonly container?: string;
  /** Azure only: the resource group holding the storage account (the Velero plugin's `resourceGroup`). */
  readonly resourceGroup?: string;
  /** Region or location of the store. */
  readonly region: string;
  /** AWS only: the KMS key (alias ARN) every object is encrypted with (the AWS plugin's `kmsKeyId`). */
  readonly kmsKeyId?: string;
}

/** Alias of the KMS key encrypting an environment's backups on AWS, e.g. `alias/prod-velero-backups`. */
export function backupKeyAliasName(environment: string): string {
  return `alias/${environment}-velero-backups`;
}

/** The prefix below which a cluster's backups are written in its environment's store. */
export function backupPrefix(cluster: Pick<ClusterSpec, 'name'>): string {
  return cluster.name;
}

/**
 * The environment's backup store on `cloud`, or undefined when the environment has no account
 * there (`CloudClusterProfile.backupStore`).
 */
export function backupStore(spec: { readonly name: string; readonly clouds: CloudAccounts }, cloud: Cloud): BackupStore | undefined {
  return cloudProfile(cloud).backupStore(spec);
}

/** The clouds a backup store may be on, in the order the stores are listed. */
const BACKUP_CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];

/**
 * The environment's backup stores (bucket or storage account names, one per cloud it has an
 * account on) and how long their old versions are kept: what the Terraform rules hold them to
 * (`TerraformRuleEnvironment.backupStores`) instead of the state's version retention.
 */
export function backupStoreRetention(environment: { readonly name: string; readonly clouds: CloudAccounts; readonly backup: Pick<BackupSpec, 'deletedBackupRetentionDays'> }): {
  readonly names: readonly string[];
  readonly versionRetentionDays: number;
} {
  return {
    names: BACKUP_CLOUDS.flatMap((cloud) => backupStore(environment, cloud)?.bucket ?? []),
    versionRetentionDays: environment.backup.deletedBackupRetentionDays,
  };
}
