import type { Duration } from 'cdk8s';

/**
 * Renders a Duration the way Argo CD's Go `time.ParseDuration` fields expect (`10s`, `5m`, `8h`):
 * the largest whole unit, so the output reads like hand-written config.
 */
export function argoDuration(duration: Duration): string {
  const seconds = duration.toSeconds();
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
