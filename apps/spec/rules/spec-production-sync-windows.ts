import { unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

export const specProductionSyncWindows: SpecRule<EnvironmentSpec> = {
  id: 'spec-production-sync-windows',
  engine: 'spec',
  level: 'error',
  title: 'Production syncs only inside change windows',
  rationale: 'Without a window automated syncs change production at any hour, outside the times changes are staffed and announced.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  tiers: ['production'],
  check: (spec) =>
    unless(
      spec.syncWindows.length > 0,
      'syncWindows',
      spec.syncWindows,
      'production needs at least one sync window: automated syncs must happen only inside change windows',
      `add a window, e.g. { schedule: '0 8 * * 1-4', duration: Duration.hours(8), timeZone: 'Europe/Berlin' }`,
    ),
};
