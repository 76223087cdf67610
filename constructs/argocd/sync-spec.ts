import type { Duration } from 'cdk8s';

export interface SyncSpec {
  /** Let Argo CD delete resources that disappeared from Git. Production forbids it. */
  readonly prune: boolean;
  /** Bounded retries: a failed sync is retried this many times, then alerts instead of looping. */
  readonly retryLimit: number;
  readonly retryBackoff: {
    readonly initial: Duration;
    readonly factor: number;
    readonly max: Duration;
  };
}

export interface SyncWindowSpec {
  /** Cron expression of the window start, e.g. `0 8 * * 1-4`. */
  readonly schedule: string;
  readonly duration: Duration;
  /** IANA time zone the schedule is read in. */
  readonly timeZone: string;
}
