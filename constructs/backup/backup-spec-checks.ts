import { type Finding, finding } from '../core/finding';
import { longestCronGapMinutes, parseCron } from './backup-cron';
import type { BackupScheduleSpec, BackupSpec } from './backup-spec';

/**
 * The value checks of `backup` (pure: spec in, findings out), shared by the spec rules
 * (apps/spec/rules/spec-backup-*.ts) and the constructs that read the schedules, so a spec the rules
 * accept always synthesizes and the two never disagree.
 */

/**
 * The Schedule's object name is `velero-<name>` (the chart's schedule.yaml with fullnameOverride
 * `velero`), and Velero labels each Backup with it (`velero.io/schedule-name`), a label value of
 * at most 63 characters: so a DNS label of at most 56.
 */
const SCHEDULE_NAME = /^[a-z0-9]([-a-z0-9]{0,54}[a-z0-9])?$/;

/** A schedule's name as its Velero Schedule object (and the `schedule` label of Velero's metrics) has it. */
export const VELERO_SCHEDULE_PREFIX = 'velero-';

function minutesOf(duration: { toSeconds(): number }): number {
  return duration.toSeconds() / 60;
}

/** The longest gap between two runs of `schedule`, in minutes, or undefined when its cron is not valid or runs less than yearly. */
export function scheduleIntervalMinutes(schedule: Pick<BackupScheduleSpec, 'cron'>): number | undefined {
  const parsed = parseCron(schedule.cron);
  return typeof parsed === 'string' ? undefined : longestCronGapMinutes(parsed);
}

/** Names: DNS labels short enough for the Backups' names, unique within the environment. */
export function checkBackupScheduleNames(backup: Pick<BackupSpec, 'schedules'>): Finding[] {
  const findings: Finding[] = [];
  if (backup.schedules.length === 0) {
    findings.push(
      finding('backup.schedules', [], 'lists no schedule: nothing would be backed up', "add one, e.g. { name: 'daily', cron: '0 2 * * *', retention: Duration.days(7) }"),
    );
  }
  const seen = new Set<string>();
  for (const [index, schedule] of backup.schedules.entries()) {
    const field = `backup.schedules[${index}].name`;
    if (!SCHEDULE_NAME.test(schedule.name)) {
      findings.push(
        finding(
          field,
          schedule.name,
          'must be a DNS label of at most 56 characters (lower-case letters, digits, inner dashes): it names the Schedule velero-<name>, whose name labels its Backups',
          "rename it, e.g. 'daily'",
        ),
      );
    }
    if (seen.has(schedule.name))
      findings.push(finding(field, schedule.name, 'names another schedule too: both would render the same Schedule object', 'give each schedule its own name'));
    seen.add(schedule.name);
  }
  return findings;
}

/** Crons: five numeric fields that run at least yearly, with a retention longer than the gap between two runs. */
export function checkBackupScheduleCrons(backup: Pick<BackupSpec, 'schedules'>): Finding[] {
  const findings: Finding[] = [];
  for (const [index, schedule] of backup.schedules.entries()) {
    const parsed = parseCron(schedule.cron);
    if (typeof parsed === 'string') {
      findings.push(
        finding(
          `backup.schedules[${index}].cron`,
          schedule.cron,
          `is not a five-field numeric cron (UTC): ${parsed}`,
          "write e.g. '0 2 * * *' (02:00 UTC daily) or '0 * * * *' (hourly)",
        ),
      );
      continue;
    }
    const interval = longestCronGapMinutes(parsed);
    if (interval === undefined) {
      findings.push(finding(`backup.schedules[${index}].cron`, schedule.cron, 'runs less than twice in two years', 'run it at least daily or weekly'));
      continue;
    }
    const retention = minutesOf(schedule.retention);
    if (retention <= interval) {
      findings.push(
        finding(
          `backup.schedules[${index}].retention`,
          `${retention} minutes`,
          `must be longer than the ${interval} minutes between two runs of '${schedule.cron}': Velero deletes a backup when its ttl ends, so a shorter retention leaves a time with no backup of this schedule at all`,
          `keep backups for at least two runs, e.g. Duration.minutes(${interval * 2})`,
        ),
      );
    }
  }
  return findings;
}

/**
 * The shortest interval among the schedules whose crons are valid: the one that carries the RPO.
 * Undefined when no cron is valid (checkBackupScheduleCrons reports them).
 */
export function rpoScheduleIntervalMinutes(backup: Pick<BackupSpec, 'schedules'>): number | undefined {
  const intervals = backup.schedules.map(scheduleIntervalMinutes).filter((minutes): minutes is number => minutes !== undefined);
  return intervals.length === 0 ? undefined : Math.min(...intervals);
}

/**
 * The RPO: at least the interval of the most frequent schedule (a backup cannot be younger than
 * that just before the next one), and an RTO to show. The alert for a late backup fires at the RPO.
 * (`deletedBackupRetentionDays` belongs to the store and is checked with it: spec-backup-store.)
 */
export function checkBackupObjectives(backup: Pick<BackupSpec, 'schedules' | 'rpo' | 'rto'>): Finding[] {
  const findings: Finding[] = [];
  const interval = rpoScheduleIntervalMinutes(backup);
  const rpo = minutesOf(backup.rpo);
  if (interval !== undefined && rpo < interval) {
    findings.push(
      finding(
        'backup.rpo',
        `${rpo} minutes`,
        `cannot be met: the most frequent schedule runs every ${interval} minutes, so just before its next run the newest backup is that old (and older while it runs)`,
        `raise the RPO to at least Duration.minutes(${interval}) plus the time a backup takes, or add a schedule that runs more often`,
      ),
    );
  }
  if (minutesOf(backup.rto) <= 0)
    findings.push(finding('backup.rto', `${minutesOf(backup.rto)} minutes`, 'must be a positive time', 'state how long a restore may take, e.g. Duration.hours(4)'));
  return findings;
}

/** Every finding of the backup checks, in the order the spec rules report them. */
export function checkBackup(backup: BackupSpec): Finding[] {
  return [...checkBackupScheduleNames(backup), ...checkBackupScheduleCrons(backup), ...checkBackupObjectives(backup)];
}
