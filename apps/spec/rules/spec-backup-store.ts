import { unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { CLOUD_ORDER } from '../../../constructs/terraform/stack-names';
import type { EnvironmentSpec } from '../../../environments/types';

/** Longest a deleted backup is kept: Azure soft delete, the store's second net, stops at 365 days. */
const MAX_DELETED_BACKUP_RETENTION_DAYS = 365;

/**
 * The backup stores Terraform creates keep what Velero deletes for a bounded time, and production
 * copies them to the state replica's region on every cloud it has clusters on.
 */
export const specBackupStore: SpecRule<EnvironmentSpec> = {
  id: 'spec-backup-store',
  engine: 'spec',
  level: 'error',
  title: 'Backup stores keep deleted backups for a bounded time, and are replicated in production',
  rationale:
    'A backup deleted by mistake (or by an attacker holding Velero’s identity) stays recoverable while its old version is kept; ' +
    'a copy in a second region keeps production restorable when its region is lost, which is when a restore is needed most.',
  controls: { soc2: ['A1.2', 'A1.3'], pciDss: [], iso27001: ['A.8.13', 'A.8.14'], gdpr: ['Art. 32'] },
  check: (spec) => {
    const { deletedBackupRetentionDays: days, replicated } = spec.backup;
    const clouds = CLOUD_ORDER.filter((cloud) => spec.clusters.some((cluster) => cluster.cloud === cloud));
    return [
      ...unless(
        Number.isInteger(days) && days >= 1 && days <= MAX_DELETED_BACKUP_RETENTION_DAYS,
        'backup.deletedBackupRetentionDays',
        days,
        `a deleted backup is recoverable from its old version for this many whole days: between 1 and ${MAX_DELETED_BACKUP_RETENTION_DAYS}`,
        'set e.g. 7 (30 in production)',
      ),
      ...unless(
        spec.tier !== 'production' || replicated === true,
        'backup.replicated',
        replicated,
        'production copies its backups to a second region: losing the region must not lose the backups with the clusters',
        'set backup.replicated: true (the copy goes to infrastructure.stateReplica)',
      ),
      // Production needs a state replica on every cloud it has an account on anyway (spec-terraform-state).
      ...(replicated === true && spec.tier !== 'production'
        ? clouds.flatMap((cloud) =>
            unless(
              spec.infrastructure.stateReplica?.[cloud] !== undefined,
              `infrastructure.stateReplica.${cloud}`,
              undefined,
              `backup.replicated copies the ${cloud} backup store to the state replica's region, and none is set`,
              `set stateReplica: { ${cloud}: '<second region>' }`,
            ),
          )
        : []),
    ];
  },
};
