import { Duration } from 'cdk8s';
import { longestCronGapMinutes, parseCron } from '../../constructs/backup/backup-cron';
import { backupScheduleTimings } from '../../constructs/backup/backup-schedules';
import type { BackupScheduleSpec, BackupSpec } from '../../constructs/backup/backup-spec';
import type { EnvironmentSpec } from '../../environments/types';
import { specViolations } from '../environments/spec-violations';
import { fixtureEnvironment } from '../support/fixture-environment';

const lab = fixtureEnvironment({ tier: 'development' });
const live = fixtureEnvironment({ tier: 'production' });

const DAILY: BackupScheduleSpec = { name: 'daily', cron: '0 3 * * *', retention: Duration.days(7) };

function withBackup(spec: EnvironmentSpec, change: Partial<BackupSpec>): EnvironmentSpec {
  return { ...spec, backup: { ...spec.backup, ...change } };
}

function withSchedules(spec: EnvironmentSpec, ...schedules: BackupScheduleSpec[]): EnvironmentSpec {
  return withBackup(spec, { schedules });
}

/** The backup findings of a spec: [field, problem] of each, every other rule's left out. */
function backupViolations(spec: EnvironmentSpec): [string, string][] {
  return specViolations(spec)
    .filter((v) => v.field.startsWith('backup.'))
    .map((v) => [v.field, v.problem]);
}

function gap(cron: string): number | undefined {
  const parsed = parseCron(cron);
  if (typeof parsed === 'string') throw new Error(parsed);
  return longestCronGapMinutes(parsed);
}

describe('the interval of a backup cron', () => {
  it.each([
    ['0 * * * *', 60],
    ['*/15 * * * *', 15],
    ['0 2 * * *', 24 * 60],
    ['30 2 * * 1-5', 3 * 24 * 60], // Friday 02:30 to Monday 02:30
    ['0 0,12 * * *', 12 * 60],
    ['0 0 * * 0', 7 * 24 * 60],
    ['0 0 1 * *', 31 * 24 * 60],
    ['0 0 1,15 * 1', 7 * 24 * 60], // day of month OR day of week, both restricted: Mondays and the 1st/15th
  ])('%s repeats at most every %d minutes', (cron, minutes) => {
    expect(gap(cron)).toBe(minutes);
  });

  it.each(['0 2 * *', '61 * * * *', '0 2 * JAN *', '@daily', '0 5-2 * * *', '*/0 * * * *', '0 0 * * 7', '0 0 * * 5-7'])('refuses %j', (cron) => {
    expect(typeof parseCron(cron)).toBe('string');
  });
});

describe('the backup spec rules', () => {
  it('accept the fixture environments of every tier', () => {
    for (const tier of ['development', 'staging', 'production'] as const) expect(backupViolations(fixtureEnvironment({ tier }))).toEqual([]);
  });

  it('refuse an environment without a schedule', () => {
    expect(backupViolations(withSchedules(lab))).toEqual([['backup.schedules', expect.stringContaining('nothing would be backed up')]]);
  });

  it.each(['Daily', 'daily_1', '-daily', 'x'.repeat(57)])('refuse the schedule name %j', (name) => {
    expect(backupViolations(withSchedules(lab, { ...DAILY, name }))).toEqual([['backup.schedules[0].name', expect.stringContaining('DNS label')]]);
  });

  it('refuse two schedules of the same name', () => {
    const twice = withSchedules(lab, DAILY, { ...DAILY, cron: '0 15 * * *' });
    expect(backupViolations(twice)).toEqual([['backup.schedules[1].name', expect.stringContaining('names another schedule')]]);
  });

  it('refuse a cron Velero would not run as written', () => {
    expect(backupViolations(withSchedules(lab, { ...DAILY, cron: '0 3 * * MON' }))).toEqual([['backup.schedules[0].cron', expect.stringContaining('day of week')]]);
  });

  it('refuse a retention that ends before the next backup exists', () => {
    const short = withSchedules(lab, { ...DAILY, retention: Duration.hours(24) });
    expect(backupViolations(short)).toEqual([['backup.schedules[0].retention', expect.stringContaining('longer than the 1440 minutes between two runs')]]);
  });

  it('refuse an RPO shorter than the most frequent schedule, and accept it once an hourly schedule runs', () => {
    const tight = withBackup(live, { rpo: Duration.hours(2) });
    expect(backupViolations(tight)).toEqual([['backup.rpo', expect.stringContaining('runs every 1440 minutes')]]);
    const hourly = withBackup(tight, { schedules: [...live.backup.schedules, { name: 'hourly', cron: '0 * * * *', retention: Duration.days(2) }] });
    expect(backupViolations(hourly)).toEqual([]);
  });

  it('refuse a zero RTO', () => {
    expect(backupViolations(withBackup(lab, { rto: Duration.seconds(0) }))).toEqual([['backup.rto', 'must be a positive time']]);
  });
});

describe('the schedule timings', () => {
  it('make the most frequent schedule late at the RPO and give the others the same slack on their own interval', () => {
    const spec = withBackup(live, {
      rpo: Duration.hours(2),
      schedules: [
        { name: 'hourly', cron: '0 * * * *', retention: Duration.days(2) },
        { name: 'daily', cron: '30 2 * * *', retention: Duration.days(30) },
      ],
    });
    expect(backupScheduleTimings(spec).map((t) => [t.veleroName, t.intervalMinutes, t.lateAfterMinutes])).toEqual([
      ['velero-hourly', 60, 120],
      ['velero-daily', 1440, 1500],
    ]);
  });

  it('refuse to time a spec the rules refuse, naming the environment, field and fix', () => {
    expect(() => backupScheduleTimings(withBackup(lab, { rpo: Duration.hours(1) }))).toThrow(/^lab: backup\.rpo is "60 minutes"; cannot be met.*\(fix: raise the RPO/);
  });
});

describe('spec-backup-restoring-clusters', () => {
  it('accepts the clusters the environment has, and refuses a name it does not have', () => {
    const cluster = live.clusters[0]!.name;
    expect(specViolations(withBackup(live, { restoringClusters: [cluster] }))).toEqual([]);
    expect(specViolations(withBackup(live, { restoringClusters: [cluster, 'live-eks-nowhere'] })).map((v) => [v.field, v.value])).toEqual([
      ['backup.restoringClusters[1]', '"live-eks-nowhere"'],
    ]);
  });
});
