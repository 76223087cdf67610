import type { HelmValues } from '../../argocd/application-source';
import { type VeleroScheduleValues, veleroScheduleValues } from '../../backup/velero-schedule-values';
import { VELERO_WORKLOAD } from '../../core/backup-contract';
import type { Cloud } from '../../core/cloud';
import { workloadIdentityValues } from './cloud-workload-identity';
import { type AddonEnvironment, type PlatformAddon, placedClusters } from './platform-addon';
import { VELERO_PLUGIN_NAMES, veleroPluginImage } from './velero-plugins';
import { type VeleroStorageLocationValues, veleroStorageLocation } from './velero-storage-location';

/** Names the Deployment, the metrics Service (so the scrape `job`) and the Schedules (`velero-<key>`) on every cluster. */
export const VELERO_FULLNAME = 'velero';

/**
 * The user of the Velero image: velero v1.17.1's Dockerfile runs `USER cnb:cnb` on
 * paketobuildpacks/run-jammy-tiny, whose run image is uid 1002, gid 1000
 * (paketo-buildpacks/jammy-tiny-stack stack/stack.toml `[run]`). A user by name cannot be checked
 * by the kubelet for `runAsNonRoot`, so the numbers are stated.
 */
const VELERO_UID = 1002;
const VELERO_GID = 1000;

const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } as const;

/** What the Velero add-on reads of the environment. */
export type VeleroEnvironment = Pick<AddonEnvironment, 'name' | 'clusters' | 'clouds' | 'backup' | 'charts'>;

/** The values of vmware-tanzu chart velero 11.4.0 (Velero 1.17.1) gitops-cdk sets. */
export type VeleroValues = {
  readonly fullnameOverride: string;
  /**
   * CRDs come from the chart's crds/, which Argo CD applies before the rest. The upgrade Job
   * (templates/upgrade-crds/upgrade-crds.yaml, a pre-install/pre-upgrade hook Argo CD runs as a
   * PreSync hook) would add a ClusterRole of its own and `docker.io/bitnamilegacy/kubectl`, an
   * unmaintained archive image from a registry the estate's image policy does not trust.
   */
  readonly upgradeCRDs: false;
  /** Workload identity only: no `cloud-credentials` Secret, no credentials file in the pod. */
  readonly credentials: { readonly useSecret: false };
  readonly serviceAccount: { readonly server: { readonly create: true; readonly name: string; readonly annotations: Readonly<Record<string, string>> } };
  readonly podLabels: Readonly<Record<string, string>>;
  readonly initContainers: readonly HelmValues[];
  readonly deployNodeAgent: false;
  readonly backupsEnabled: true;
  readonly snapshotsEnabled: false;
  readonly configuration: { readonly backupStorageLocation: readonly VeleroStorageLocationValues[] };
  readonly schedules: Readonly<Record<string, VeleroScheduleValues>>;
  readonly metrics: { readonly enabled: true; readonly serviceMonitor: { readonly enabled: true; readonly autodetect: false } };
  readonly resources: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly podSecurityContext: HelmValues;
  readonly containerSecurityContext: typeof RESTRICTED_CONTAINER;
};

function veleroValues(environment: VeleroEnvironment, cloud: Cloud): VeleroValues {
  // Only this cloud's clusters: the per-cluster switches and identity keys are theirs alone.
  const onCloud = { ...environment, clusters: placedClusters(environment, { cloud }) };
  const identity = workloadIdentityValues(onCloud, 'velero');
  return {
    fullnameOverride: VELERO_FULLNAME,
    upgradeCRDs: false,
    credentials: { useSecret: false },
    // The cloud identities trust exactly system:serviceaccount:velero:velero (VELERO_WORKLOAD).
    serviceAccount: { server: { create: true, name: VELERO_WORKLOAD.serviceAccount, annotations: identity.serviceAccountAnnotations } },
    podLabels: identity.podLabels,
    initContainers: [
      {
        name: VELERO_PLUGIN_NAMES[cloud],
        image: veleroPluginImage(environment.name, environment.charts.velero, cloud),
        imagePullPolicy: 'IfNotPresent',
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
        securityContext: RESTRICTED_CONTAINER,
        resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
      },
    ],
    // No file-system backups (kopia through the node agent): velero v1.17.1's kopia repository
    // writes without SSE-KMS (pkg/repository/config/aws.go), which the AWS store's bucket policy
    // refuses, and on Azure it needs the account keys, which the store disables.
    deployNodeAgent: false,
    backupsEnabled: true,
    // No volume snapshot location: the platform's volumes hold telemetry (Tempo, Prometheus) that
    // its own retention ages out and that is not worth restoring, and a snapshot location needs
    // disk-snapshot rights (on AKS also a credentials file naming the node resource group) beyond
    // the store-only identity of the backup contract. A workload with data brings them when it comes.
    snapshotsEnabled: false,
    configuration: { backupStorageLocation: [veleroStorageLocation(onCloud, cloud)] },
    schedules: veleroScheduleValues(onCloud),
    // kube-prometheus-stack selects ServiceMonitors of every namespace. Not autodetected: Argo CD's
    // repo server renders without the cluster's API versions, so autodetect would drop it.
    metrics: { enabled: true, serviceMonitor: { enabled: true, autodetect: false } },
    // `velero install`'s defaults (velero v1.17.1 pkg/install/resources.go) without the CPU limit, like the other add-ons.
    resources: { requests: { cpu: '500m', memory: '128Mi' }, limits: { memory: '512Mi' } },
    // The restricted Pod Security Standard. fsGroup makes the projected identity token (IRSA, AKS)
    // readable to the image's group.
    podSecurityContext: { runAsNonRoot: true, runAsUser: VELERO_UID, runAsGroup: VELERO_GID, fsGroup: VELERO_GID, seccompProfile: { type: 'RuntimeDefault' } },
    // Read-only root: the chart then mounts an emptyDir at /tmp (deployment.yaml); plugins and scratch are emptyDirs.
    containerSecurityContext: RESTRICTED_CONTAINER,
  };
}

/**
 * Velero on every cluster of `cloud`, backing up to the environment's store there (Terraform
 * builds it from the same contract, core/backup-contract.ts) on the schedules of `backup`. One
 * add-on per cloud, because each cloud's plugin refuses the others' location keys: together they
 * cover every cluster. The CRDs are declared so the Schedules and the location sync after them.
 */
function veleroAddon(cloud: Cloud): PlatformAddon<VeleroEnvironment> {
  return {
    versionKey: 'velero',
    name: `velero-${cloud}`,
    chart: { repoUrl: 'https://vmware-tanzu.github.io/helm-charts', chart: 'velero' },
    namespace: VELERO_WORKLOAD.namespace,
    placement: { cloud },
    // The largest CRD (backups.yaml) is about 33 KB, far below client-side apply's 256 KiB limit.
    serverSideApply: false,
    crds: [
      { group: 'velero.io', kind: 'Backup' },
      { group: 'velero.io', kind: 'Restore' },
      { group: 'velero.io', kind: 'Schedule' },
      { group: 'velero.io', kind: 'BackupStorageLocation' },
      { group: 'velero.io', kind: 'VolumeSnapshotLocation' },
    ],
    // The add-ons chart renders the values of every add-on before leaving out those of a cloud
    // the environment has no cluster on: there is no store to point at then, and nothing to install.
    values: (environment): HelmValues => (placedClusters(environment, { cloud }).length === 0 ? {} : veleroValues(environment, cloud)),
  };
}

export const VELERO_AWS_ADDON = veleroAddon('aws');
export const VELERO_AZURE_ADDON = veleroAddon('azure');
export const VELERO_GCP_ADDON = veleroAddon('gcp');

/** The Velero add-ons, one per cloud: each cluster runs the one of its cloud. */
export const VELERO_ADDONS: readonly PlatformAddon<VeleroEnvironment>[] = [VELERO_AWS_ADDON, VELERO_AZURE_ADDON, VELERO_GCP_ADDON];
