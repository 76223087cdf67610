import { finding } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * `backup.restoringClusters` pauses the Schedules and makes the storage location read-only on the
 * clusters it names; a name that is no cluster of the environment pauses nothing, and the restore
 * it was meant to protect races new backups and their expiry.
 */
export const specBackupRestoringClusters: SpecRule<EnvironmentSpec> = {
  id: 'spec-backup-restoring-clusters',
  engine: 'spec',
  level: 'error',
  title: 'A restore pauses the backups of clusters the environment has',
  rationale:
    'While a cluster is restored its Schedules must not run and its storage location must be read-only, or Velero writes and expires backups the restore reads; a misspelt cluster name protects nothing.',
  controls: { soc2: ['A1.3'], pciDss: ['12.10.1'], iso27001: ['A.5.30'], gdpr: ['Art. 32'] },
  check: (spec) => {
    const clusters = spec.clusters.map((c) => c.name);
    return (spec.backup.restoringClusters ?? []).flatMap((name, index) =>
      clusters.includes(name)
        ? []
        : [
            finding(
              `backup.restoringClusters[${index}]`,
              name,
              `is no cluster of ${spec.name}, so no backup is paused for the restore`,
              `name one of ${clusters.join(', ')}, or remove it`,
            ),
          ],
    );
  },
};
