import { checkBackupObjectives } from '../../../constructs/backup/backup-spec-checks';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * The tier's recovery point objective can only be met by a schedule that runs at least that
 * often; the late-backup alert fires at the RPO, and the runbook and dashboard show RPO and RTO.
 */
export const specBackupObjectives: SpecRule<EnvironmentSpec> = {
  id: 'spec-backup-objectives',
  engine: 'spec',
  level: 'error',
  title: 'The backup RPO is no shorter than the most frequent schedule, and the RTO is set',
  rationale:
    'An RPO shorter than the time between two backups is a promise the schedules cannot keep: the late alert would fire before every backup, and a restore would lose more than the tier states.',
  controls: { soc2: ['A1.2', 'A1.3'], pciDss: ['12.10.1'], iso27001: ['A.5.30', 'A.8.13'], gdpr: ['Art. 32'] },
  check: (spec) => checkBackupObjectives(spec.backup),
};
