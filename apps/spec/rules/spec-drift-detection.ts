import { unless } from '../../../constructs/core/finding';
import { durationMillis, showDuration } from '../../../constructs/core/go-duration';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/** Seed WS3: drift is detected within 5 minutes; below 30s reconciliation overloads the repo server. */
const MIN_DRIFT_INTERVAL_MS = 30 * 1000;
const MAX_DRIFT_INTERVAL_MS = 5 * 60 * 1000;

const DRIFT_SEVERITIES = ['critical', 'warning', 'info'] as const;

/** Drift is observed within 5 minutes, and alerts wait at least one observation. */
export const specDriftDetection: SpecRule<EnvironmentSpec> = {
  id: 'spec-drift-detection',
  engine: 'spec',
  level: 'error',
  title: 'Drift is detected within 5 minutes and alerted only once observed',
  rationale:
    'A change made outside Git must be seen quickly (WS3: within 5 minutes); an alert that fires before drift can be observed fires on every transient OutOfSync and gets ignored.',
  controls: { soc2: ['CC7.1'], pciDss: ['11.5.2'], iso27001: ['A.8.9', 'A.8.16'], gdpr: [] },
  check: ({ driftDetection }) => {
    const interval = durationMillis(driftDetection.interval);
    return [
      ...unless(
        interval >= MIN_DRIFT_INTERVAL_MS && interval <= MAX_DRIFT_INTERVAL_MS,
        'driftDetection.interval',
        showDuration(driftDetection.interval),
        'must be between 30 seconds and 5 minutes: drift must be detected within 5 minutes (WS3), and faster reconciliation overloads the repo server',
        'set driftDetection.interval: Duration.minutes(2)',
      ),
      ...DRIFT_SEVERITIES.flatMap((severity) => {
        const { alertAfter } = driftDetection.remediation[severity];
        return unless(
          durationMillis(alertAfter) >= interval,
          `driftDetection.remediation.${severity}.alertAfter`,
          showDuration(alertAfter),
          `must be at least driftDetection.interval (${showDuration(
            driftDetection.interval,
          )}): an alert cannot fire before drift can be observed, so it would fire on every transient OutOfSync`,
          `set driftDetection.remediation.${severity}.alertAfter to at least the interval, e.g. Duration.minutes(5)`,
        );
      }),
    ];
  },
};
