import type { Duration } from 'cdk8s';

const UNITS: readonly [string, number][] = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/**
 * Renders a Duration the way Argo CD's Go `time.ParseDuration` fields expect (`10s`, `5m`, `8h`,
 * `1500ms`): the largest unit that divides it, so the output reads like hand-written config. Works
 * from milliseconds, so no duration the spec accepts can fail to render.
 */
export function argoDuration(duration: Duration): string {
  const ms = duration.toMilliseconds();
  if (ms === 0) return '0s';
  const [unit, size] = UNITS.find(([, s]) => ms % s === 0) ?? ['ms', 1];
  return `${ms / size}${unit}`;
}
