import type { BackupSpec } from '../../backup/backup-spec';
import { VELERO_STORAGE_LOCATION } from '../../backup/velero-schedule-values';
import { type BackupStore, backupPrefix, backupStore } from '../../core/backup-contract';
import type { Cloud } from '../../core/cloud';
import type { EnvironmentClustersAndAccounts } from '../../kubernetes/environment-clusters';
import { workloadIdentityAnnotation } from '../../kubernetes/workload-identity';
import { perClusterValue } from './per-cluster-value';

/**
 * One entry of the chart's `configuration.backupStorageLocation` (templates/backupstoragelocation.yaml
 * at chart 11.4.0: every `config` value is rendered quoted, the plugin reads strings).
 */
export type VeleroStorageLocationValues = {
  readonly name: string;
  /** The plugin that serves it: `aws`, `azure` or `gcp` (velero.io/<provider>). */
  readonly provider: Cloud;
  /** S3 / GCS bucket, or the Azure blob container. */
  readonly bucket: string;
  /** Each cluster writes below its own prefix in the environment's store (backupPrefix). */
  readonly prefix: string;
  readonly default: true;
  /** `ReadWrite`, or `ReadOnly` on a cluster being restored (BackupSpec.restoringClusters), per cluster: Velero then neither writes nor deletes backups there. */
  readonly accessMode: string;
  /**
   * The plugin's own keys: each plugin refuses a key it does not know (ValidateObjectStoreConfigKeys
   * in each plugin's object_store.go), so every cloud has its own set and its own add-on.
   */
  readonly config: Readonly<Record<string, string>>;
};

/**
 * The object-store keys of each plugin at v1.13.2, all without a static credential:
 * - AWS (velero-plugin-for-aws object_store.go): `region`, and `kmsKeyId`, which makes the plugin
 *   put every object with SSE-KMS under that key (`aws:kms`): the store's bucket policy refuses
 *   uploads without it. The role comes from IRSA (AWS_ROLE_ARN and the token file the EKS webhook injects).
 * - Azure (velero v1.17.0 pkg/util/azure/storage.go, which the plugin calls): `useAAD` so the
 *   plugin authenticates with Entra ID instead of listing the account keys (the account has
 *   shared keys disabled), `storageAccountURI` so it does not look the account up through ARM
 *   (no Reader role needed), and `storageAccount`, `resourceGroup`, `subscriptionId`. With the
 *   AKS webhook's AZURE_FEDERATED_TOKEN_FILE, velero's NewCredential (credential.go) uses the
 *   workload identity.
 * - GCP (velero-plugin-for-gcp object_store.go and README "Install and start Velero" with
 *   workload identity): `serviceAccount`, the Google service account the pod runs as, which the
 *   plugin needs to sign download URLs (`velero backup logs`, `describe`). No `kmsKeyName`: the
 *   bucket's default key encrypts every object, and only the storage service agent may use it.
 */
function storeConfig(environment: EnvironmentClustersAndAccounts, store: BackupStore): Record<string, string> {
  switch (store.cloud) {
    case 'aws':
      return { region: store.region, kmsKeyId: store.kmsKeyId ?? '' };
    case 'azure':
      return {
        useAAD: 'true',
        storageAccount: store.bucket,
        storageAccountURI: `https://${store.bucket}.blob.core.windows.net`,
        resourceGroup: store.resourceGroup ?? '',
        subscriptionId: environment.clouds.azure?.subscriptionId ?? '',
      };
    case 'gcp':
      return {
        serviceAccount: perClusterValue(environment, 'velero/configuration.backupStorageLocation[0].config.serviceAccount', (c) => {
          return workloadIdentityAnnotation(c, 'velero', environment.clouds)?.value ?? '';
        }),
      };
  }
}

/**
 * The backup storage location of the clusters of `environment` (those of one cloud) in the
 * environment's store on `cloud`. @throws Error when the environment has no store there (no
 * account on that cloud) or the AWS store has no key.
 */
export function veleroStorageLocation(
  environment: EnvironmentClustersAndAccounts & { readonly backup: Pick<BackupSpec, 'restoringClusters'> },
  cloud: Cloud,
): VeleroStorageLocationValues {
  const store = backupStore(environment, cloud);
  if (store === undefined) {
    throw new Error(
      `${environment.name}/addons/velero-${cloud}: the environment has clusters on ${cloud} but no ${cloud} account in clouds, so no backup store (fix: add clouds.${cloud})`,
    );
  }
  if (cloud === 'aws' && store.kmsKeyId === undefined) {
    throw new Error(
      `${environment.name}/addons/velero-aws: the backup store ${store.bucket} has no kmsKeyId; its bucket policy refuses uploads without SSE-KMS (fix: the aws cluster profile's backupStore)`,
    );
  }
  return {
    name: VELERO_STORAGE_LOCATION,
    provider: cloud,
    bucket: cloud === 'azure' ? (store.container ?? '') : store.bucket,
    prefix: perClusterValue(environment, 'velero/configuration.backupStorageLocation[0].prefix', backupPrefix),
    default: true,
    accessMode: perClusterValue(environment, 'velero/configuration.backupStorageLocation[0].accessMode', (c) =>
      (environment.backup.restoringClusters ?? []).includes(c.name) ? 'ReadOnly' : 'ReadWrite',
    ),
    config: storeConfig(environment, store),
  };
}
