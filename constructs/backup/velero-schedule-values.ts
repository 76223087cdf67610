import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import { perClusterValue } from '../platform/addons/per-cluster-value';
import { type BackupEnvironment, backupScheduleTimings, goDuration } from './backup-schedules';

/** The backup storage location every schedule writes to: the only one, the chart renders it as `default`. */
export const VELERO_STORAGE_LOCATION = 'default';

/**
 * One entry of the velero chart's `schedules` (templates/schedule.yaml at chart 11.4.0): the
 * Schedule `velero-<key>`, whose `template` is copied verbatim into `spec.template`, a Velero
 * BackupSpec (velero v1.17.1 pkg/apis/velero/v1/backup_types.go).
 */
export type VeleroScheduleValues = {
  /** Five-field cron, UTC. */
  readonly schedule: string;
  /**
   * Backups outlive their Schedule: with owner references, Argo CD pruning or recreating the
   * Schedule would garbage-collect every backup it made. False is Velero's default, stated.
   */
  readonly useOwnerReferencesInBackup: false;
  /**
   * On a cluster being restored (BackupSpec.restoringClusters): `true` there, empty elsewhere, per
   * cluster. The chart writes `paused:` only when the value is non-empty (templates/schedule.yaml
   * at 11.4.0: `if $schedule.paused`), so the other clusters keep their schedules running.
   */
  readonly paused?: string;
  readonly template: {
    /** How long Velero keeps each backup before its garbage collection deletes it. */
    readonly ttl: string;
    readonly storageLocation: string;
    readonly includedNamespaces: readonly string[];
    readonly excludedNamespaces?: readonly string[];
    /**
     * Cluster-scoped objects (CRDs, ClusterRoles, PersistentVolumes, Namespaces) go in with the
     * namespaces: a restore into an empty cluster needs them first.
     */
    readonly includeClusterResources: true;
    /** No volume snapshots: the add-on has no volume snapshot location (see velero.ts). */
    readonly snapshotVolumes: false;
  };
};

/** The chart's `schedules` value of an environment: one Schedule per schedule of its backup spec. */
export function veleroScheduleValues(environment: BackupEnvironment & EnvironmentClusters): Record<string, VeleroScheduleValues> {
  const schedules: Record<string, VeleroScheduleValues> = {};
  const restoring = environment.backup.restoringClusters ?? [];
  const paused = perClusterValue(environment, 'velero/schedules.paused', (c) => (restoring.includes(c.name) ? 'true' : ''));
  for (const { spec } of backupScheduleTimings(environment)) {
    schedules[spec.name] = {
      schedule: spec.cron,
      useOwnerReferencesInBackup: false,
      ...(paused === '' ? {} : { paused }),
      template: {
        ttl: goDuration(spec.retention.toSeconds() / 60),
        storageLocation: VELERO_STORAGE_LOCATION,
        includedNamespaces: spec.includedNamespaces ?? ['*'],
        ...(spec.excludedNamespaces === undefined ? {} : { excludedNamespaces: spec.excludedNamespaces }),
        includeClusterResources: true,
        snapshotVolumes: false,
      },
    };
  }
  return schedules;
}
