import type { EnvironmentSpec } from '../../../environments/types';
import { specViolations } from '../../environments/spec-violations';
import { dev, prod, staging } from '../../environments/tier-fixtures';

function withBackup(spec: EnvironmentSpec, change: Partial<EnvironmentSpec['backup']>): EnvironmentSpec {
  return { ...spec, backup: { ...spec.backup, ...change } };
}

describe('spec-backup-store', () => {
  it('accepts every fixture environment', () => {
    for (const spec of [dev, staging, prod]) expect(specViolations(spec)).toEqual([]);
  });

  it.each([0, 2.5, 366])('rejects deletedBackupRetentionDays %j', (days) => {
    expect(specViolations(withBackup(staging, { deletedBackupRetentionDays: days }))).toEqual([
      expect.objectContaining({ environment: staging.name, field: 'backup.deletedBackupRetentionDays', value: JSON.stringify(days), fix: expect.stringMatching(/set e\.g\. 7/) }),
    ]);
  });

  it('requires production to replicate its backups', () => {
    expect(specViolations(withBackup(prod, { replicated: false }))).toEqual([
      expect.objectContaining({ field: 'backup.replicated', problem: expect.stringMatching(/second region/), fix: expect.stringMatching(/replicated: true/) }),
    ]);
  });

  it('requires a state replica on every cloud with clusters when another tier replicates its backups', () => {
    const clouds = [...new Set(staging.clusters.map((c) => c.cloud))];
    expect(staging.infrastructure.stateReplica).toBeUndefined();
    expect(specViolations(withBackup(staging, { replicated: true })).map((v) => v.field)).toEqual(clouds.map((cloud) => `infrastructure.stateReplica.${cloud}`));
  });
});
