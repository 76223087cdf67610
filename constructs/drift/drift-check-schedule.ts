import { Duration } from 'cdk8s';
import { type Finding, unless } from '../core/finding';
import type { InfrastructureSpec } from '../terraform/infrastructure-spec';

const FIELD = 'infrastructure.driftCheckIntervalMinutes';

/** What the drift-check schedule reads of an environment: its name (for errors) and the check interval. */
export interface DriftCheckEnvironment {
  readonly name: string;
  readonly infrastructure: Pick<InfrastructureSpec, 'driftCheckIntervalMinutes'>;
}

/** A plan of a cluster stack takes minutes (provider download, refresh of every resource). */
export const MIN_DRIFT_CHECK_INTERVAL_MINUTES = 5;

const MINUTES_PER_HOUR = 60;
const HOURS_PER_DAY = 24;

/**
 * A run that takes longer than this is hung (a provider waiting on an API that never answers): the
 * Job is killed so the next run can start. Never longer than the interval, so a healthy stack
 * reports at least once per interval plus one deadline (what the not-run alert allows for).
 */
const MAX_JOB_DEADLINE = 30;

/**
 * A run that could not start within half an interval (controller down, the previous run still
 * going under `Forbid`) is skipped: the next one comes soon. Bounded too, because the CronJob
 * controller stops scheduling after 100 missed starts counted without a deadline.
 */
const MAX_STARTING_DEADLINE_SECONDS = 600;

/**
 * Cron can only repeat evenly what divides its periods: minutes dividing an hour, or whole hours
 * dividing a day (`*\/45` runs at :00 and :45, 15 minutes apart; `0 *\/5` at 00:00 after 20:00).
 */
export function isDriftCheckInterval(minutes: number): boolean {
  if (!Number.isInteger(minutes) || minutes < MIN_DRIFT_CHECK_INTERVAL_MINUTES) return false;
  if (minutes <= MINUTES_PER_HOUR) return MINUTES_PER_HOUR % minutes === 0;
  return minutes % MINUTES_PER_HOUR === 0 && HOURS_PER_DAY % (minutes / MINUTES_PER_HOUR) === 0;
}

const PROBLEM =
  `must be ${MIN_DRIFT_CHECK_INTERVAL_MINUTES} to 60 minutes dividing an hour (5, 6, 10, 12, 15, 20, 30, 60) or whole hours dividing a day ` +
  '(120, 180, 240, 360, 480, 720, 1440): the check is a CronJob, and cron repeats only such intervals evenly; a Terraform plan needs minutes to run';
const FIX = 'set e.g. 15 (production), 30 or 60';

/**
 * The spec check of the drift-check interval, in the shape of every spec check (pure: spec in,
 * findings out), so spec validation reports it with every other problem.
 */
export function checkDriftCheckInterval(spec: Pick<DriftCheckEnvironment, 'infrastructure'>): Finding[] {
  const minutes = spec.infrastructure.driftCheckIntervalMinutes;
  return unless(isDriftCheckInterval(minutes), FIELD, minutes, PROBLEM, FIX);
}

/**
 * When an environment's Terraform drift checks run, and the timings derived from the interval
 * that the CronJobs (deadlines) and the alerts (how stale is too stale) share.
 */
export class DriftCheckSchedule {
  /**
   * The environment's schedule. Throws, naming the environment, `at` (a construct path, when
   * given), the field, the value and the fix, when the interval cannot be scheduled.
   */
  static fromSpec(spec: DriftCheckEnvironment, at?: string): DriftCheckSchedule {
    const [problem] = checkDriftCheckInterval(spec);
    if (problem !== undefined) {
      throw new Error(`${spec.name}: ${at === undefined ? '' : `${at}: `}${problem.field} is ${JSON.stringify(problem.value)}; ${problem.problem} (fix: ${problem.fix})`);
    }
    return new DriftCheckSchedule(spec.infrastructure.driftCheckIntervalMinutes);
  }

  private constructor(readonly intervalMinutes: number) {}

  get interval(): Duration {
    return Duration.minutes(this.intervalMinutes);
  }

  /** The Job's `activeDeadlineSeconds`: the interval, at most 30 minutes. */
  get jobDeadline(): Duration {
    return Duration.minutes(Math.min(this.intervalMinutes, MAX_JOB_DEADLINE));
  }

  /** The CronJob's `startingDeadlineSeconds`: half the interval, at most 10 minutes. */
  get startingDeadline(): Duration {
    return Duration.seconds(Math.min(this.intervalMinutes * 30, MAX_STARTING_DEADLINE_SECONDS));
  }

  /** Minutes within an hour (or within the interval, when shorter) that a run may be shifted by. */
  private get period(): number {
    return Math.min(this.intervalMinutes, MINUTES_PER_HOUR);
  }

  /**
   * Start offsets spreading `count` checks evenly over the period, so the stacks of one cluster do
   * not all plan (and hit the cloud APIs' rate limits) in the same minute.
   */
  offsets(count: number): number[] {
    return Array.from({ length: count }, (_, i) => Math.floor((i * this.period) / count));
  }

  /** The cron expression (UTC) of a check that starts `offsetMinutes` into each period. */
  cron(offsetMinutes = 0): string {
    if (!Number.isInteger(offsetMinutes) || offsetMinutes < 0 || offsetMinutes >= this.period) {
      throw new Error(`drift check offset ${offsetMinutes} must be a whole number of minutes from 0 to ${this.period - 1}`);
    }
    const minutes = this.intervalMinutes;
    if (minutes === MINUTES_PER_HOUR) return `${offsetMinutes} * * * *`;
    if (minutes < MINUTES_PER_HOUR) return offsetMinutes === 0 ? `*/${minutes} * * * *` : `${offsetMinutes}-59/${minutes} * * * *`;
    const hours = minutes / MINUTES_PER_HOUR;
    return hours === HOURS_PER_DAY ? `${offsetMinutes} 0 * * *` : `${offsetMinutes} */${hours} * * *`;
  }
}
