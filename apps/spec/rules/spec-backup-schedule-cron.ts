import { checkBackupScheduleCrons } from '../../../constructs/backup/backup-spec-checks';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * Velero parses a Schedule's cron when it reconciles it and leaves a Schedule it cannot parse in
 * phase FailedValidation (velero v1.17.1 pkg/controller/schedule_controller.go); retention is each
 * Backup's `ttl`, after which Velero's garbage collection deletes it.
 */
export const specBackupScheduleCron: SpecRule<EnvironmentSpec> = {
  id: 'spec-backup-schedule-cron',
  engine: 'spec',
  level: 'error',
  title: 'Backup schedules are valid crons and keep each backup longer than the time to the next one',
  rationale:
    'A cron Velero cannot parse never runs, and nothing but a late alert would say so; a retention shorter than the interval deletes the last backup before the next one exists, leaving a window with nothing to restore.',
  controls: { soc2: ['A1.2'], pciDss: ['12.10.1'], iso27001: ['A.8.13'], gdpr: ['Art. 32'] },
  check: (spec) => checkBackupScheduleCrons(spec.backup),
};
