import type { BackupScheduleSpec, BackupSpec } from '../../constructs/backup/backup-spec';
import { array, boolean, duration, number, object, optional, type Schema, string } from './schema';

/** The shape of `backup` (value rules: apps/spec/rules and constructs/backup). */
export const BACKUP_SCHEMA: Schema<BackupSpec> = object<BackupSpec>({
  schedules: array(
    object<BackupScheduleSpec>({
      name: string(),
      cron: string(),
      retention: duration(),
      includedNamespaces: optional(array(string())),
      excludedNamespaces: optional(array(string())),
    }),
  ),
  rpo: duration(),
  rto: duration(),
  deletedBackupRetentionDays: number(),
  replicated: optional(boolean()),
  restoringClusters: optional(array(string())),
});
