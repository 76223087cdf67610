import type { BackupScheduleSpec, BackupSpec } from './backup-spec';
import { checkBackup, rpoScheduleIntervalMinutes, scheduleIntervalMinutes, VELERO_SCHEDULE_PREFIX } from './backup-spec-checks';

/** What the backup constructs read of an environment: its name (for errors) and its backup spec. */
export interface BackupEnvironment {
  readonly name: string;
  readonly backup: BackupSpec;
}

/** One schedule of the spec with the timings its Schedule object, alerts and dashboard share. */
export interface BackupScheduleTiming {
  readonly spec: BackupScheduleSpec;
  /** The Velero Schedule's name, `velero-<name>`: the `schedule` label of Velero's backup metrics. */
  readonly veleroName: string;
  /** The longest time between two runs of its cron. */
  readonly intervalMinutes: number;
  /**
   * How old its newest successful backup may get before it is late: its interval plus the slack
   * the RPO leaves the most frequent schedule (RPO minus that schedule's interval). The most
   * frequent schedule is therefore late exactly when the RPO is missed; a less frequent one (a
   * nightly beside an hourly) gets the same slack on its own interval.
   */
  readonly lateAfterMinutes: number;
}

/**
 * The schedules of an environment with their timings. @throws Error naming the environment, the
 * field, the value and the fix when the backup spec fails its checks (backup-spec-checks.ts).
 */
export function backupScheduleTimings(environment: BackupEnvironment): BackupScheduleTiming[] {
  const [problem] = checkBackup(environment.backup);
  if (problem !== undefined) {
    throw new Error(`${environment.name}: ${problem.field} is ${JSON.stringify(problem.value)}; ${problem.problem} (fix: ${problem.fix})`);
  }
  const shortest = rpoScheduleIntervalMinutes(environment.backup) ?? 0;
  const slack = environment.backup.rpo.toSeconds() / 60 - shortest;
  return environment.backup.schedules.map((spec) => {
    const intervalMinutes = scheduleIntervalMinutes(spec) ?? 0;
    return { spec, veleroName: `${VELERO_SCHEDULE_PREFIX}${spec.name}`, intervalMinutes, lateAfterMinutes: intervalMinutes + slack };
  });
}

/** A whole number of minutes as a Go duration, in hours where it divides (Velero's `ttl` is a metav1.Duration). */
export function goDuration(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}
