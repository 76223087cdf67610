import { Duration } from 'cdk8s';

/** How often the compliance reports go out (issue 5, seed WS3: "compliance reporting every 6 hours"). */
export const COMPLIANCE_REPORT_INTERVAL = Duration.hours(6);

/**
 * A run that could not start within an hour of its time (CronJob controller down, no node) is
 * skipped: the next one comes within the interval.
 */
export const REPORT_STARTING_DEADLINE = Duration.hours(1);

/** A hung step (an API that never answers) is killed; a run takes a minute or two. */
export const REPORT_JOB_DEADLINE = Duration.minutes(30);

/**
 * The CronJob schedule that fires every `interval`, on the hour, from midnight UTC (the CronJob's
 * `timeZone`): for six hours, minute 0 of every sixth hour.
 * @throws Error unless `interval` is a whole number of hours that divides a day
 */
export function cronEvery(interval: Duration): string {
  const hours = interval.toHours({ integral: false });
  if (!Number.isInteger(hours) || hours < 1 || 24 % hours !== 0) {
    throw new Error(`compliance-report: a report interval of ${hours} hours cannot be a daily cron schedule (use 1, 2, 3, 4, 6, 8, 12 or 24 hours)`);
  }
  return hours === 24 ? '0 0 * * *' : `0 */${hours} * * *`;
}
