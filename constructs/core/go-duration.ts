import type { Duration } from 'cdk8s';

/** Milliseconds without cdk8s' whole-number check, so `Duration.millis(500)` compares instead of throwing. */
export function durationMillis(duration: Duration): number {
  return duration.toMilliseconds({ integral: false });
}

/**
 * Durations render Go-style (`"1h30m"`, `"25h"`), the notation Argo CD itself uses, rather than the
 * JSON of cdk8s' internals; cdk8s' toHumanString prints 2 hours as "1 hour 60 minutes".
 */
export function showDuration(duration: Duration): string {
  const seconds = durationMillis(duration) / 1000;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : '', rest > 0 ? `${rest}s` : ''];
  return parts.join('') || '0s';
}
