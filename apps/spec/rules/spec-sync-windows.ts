import { cronScheduleProblem } from '../../../constructs/core/cron-schedule';
import { type Finding, finding, isString, unless } from '../../../constructs/core/finding';
import { durationMillis, showDuration } from '../../../constructs/core/go-duration';
import { timeZoneProblem } from '../../../constructs/core/time-zone';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec, SyncWindowSpec } from '../../../environments/types';

const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

function windowFindings(window: SyncWindowSpec, at: string): Finding[] {
  const scheduleProblem = isString(window.schedule) ? cronScheduleProblem(window.schedule) : 'is not a string';
  const duration = durationMillis(window.duration);
  const zone = timeZoneProblem(window.timeZone);
  return [
    ...unless(
      scheduleProblem === undefined,
      `${at}.schedule`,
      window.schedule,
      `not a valid 5-field cron expression (${scheduleProblem ?? ''}): Argo CD would refuse the AppProject and no window would open`,
      `write minute hour day month weekday, e.g. '0 8 * * 1-4'`,
    ),
    ...unless(
      duration > 0 && duration <= MAX_WINDOW_MS,
      `${at}.duration`,
      showDuration(window.duration),
      'must be greater than zero and at most 24 hours: an empty window never opens, and a longer one overlaps the next day and silently allows syncs at any time',
      'set a duration such as Duration.hours(8)',
    ),
    ...(zone === undefined ? [] : [finding(`${at}.timeZone`, window.timeZone, `${zone.problem}: the window would open at the wrong time or not at all`, zone.fix)]),
  ];
}

/** Each sync window has a cron schedule Argo CD parses, a duration within a day and a real time zone. */
export const specSyncWindows: SpecRule<EnvironmentSpec> = {
  id: 'spec-sync-windows',
  engine: 'spec',
  level: 'error',
  title: 'Sync windows open when they say',
  rationale:
    'Change windows limit automated syncs to reviewed times: a schedule Argo CD refuses, a window longer than a day or a misspelt time zone opens them at the wrong time, never, or always.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) => spec.syncWindows.flatMap((window, index) => windowFindings(window, `syncWindows[${index}]`)),
};
