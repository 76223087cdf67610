import { checkBackupScheduleNames } from '../../../constructs/backup/backup-spec-checks';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * Each backup schedule becomes the Velero Schedule `velero-<name>`, whose name labels every Backup
 * it makes and every backup metric (constructs/backup/backup-spec-checks.ts holds the check).
 */
export const specBackupScheduleNames: SpecRule<EnvironmentSpec> = {
  id: 'spec-backup-schedule-names',
  engine: 'spec',
  level: 'error',
  title: 'Backups run on at least one schedule, each named by a unique DNS label',
  rationale:
    'An environment without a schedule is never backed up; a name Kubernetes refuses fails the Schedule at sync, and two schedules of one name render one object, so one of them silently never runs.',
  controls: { soc2: ['A1.2'], pciDss: ['12.10.1'], iso27001: ['A.8.13'], gdpr: ['Art. 32'] },
  check: (spec) => checkBackupScheduleNames(spec.backup),
};
