import type { Duration } from 'cdk8s';

/**
 * Backup and restore of every cluster of an environment with Velero, to the environment's backup
 * store on each cloud it has clusters on (created by Terraform), and what the tier promises when a
 * cluster must be restored.
 */
export interface BackupSpec {
  readonly schedules: readonly BackupScheduleSpec[];
  /** Recovery point objective: the most data (time) a restore may lose; a backup older than this alerts. */
  readonly rpo: Duration;
  /** Recovery time objective: how long a restore of a cluster may take (shown on the dashboard and in the runbook). */
  readonly rto: Duration;
  /**
   * Days a backup object stays in the store after Velero deletes it (versioning: noncurrent
   * versions), so a deleted or overwritten backup can be recovered.
   */
  readonly deletedBackupRetentionDays: number;
  /** @default false: production requires it (the store is replicated to `infrastructure.stateReplica`'s region) */
  readonly replicated?: boolean;
  /**
   * The clusters being restored, set (and committed) for the time of the restore: on each of them
   * the Schedules are paused and the backup storage location is read-only, so no new backup and no
   * expiry races the restore (velero docs disaster-case.md); the other clusters keep backing up.
   * Argo CD would revert the same change made by hand.
   * @default - none
   */
  readonly restoringClusters?: readonly string[];
}

export interface BackupScheduleSpec {
  /** DNS label, e.g. `daily`. */
  readonly name: string;
  /** Five-field cron in UTC. */
  readonly cron: string;
  /** How long Velero keeps each backup (its `ttl`). */
  readonly retention: Duration;
  /** @default - every namespace */
  readonly includedNamespaces?: readonly string[];
  /** @default - none */
  readonly excludedNamespaces?: readonly string[];
}
