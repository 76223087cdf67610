import { checkDriftCheckInterval } from '../../../constructs/drift/drift-check-schedule';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * The Terraform drift check runs as a CronJob every `infrastructure.driftCheckIntervalMinutes`.
 * The interval rule lives with the schedule it feeds (constructs/drift/drift-check-schedule.ts), so
 * the construct and the spec check never disagree.
 */
export const specDriftCheckInterval: SpecRule<EnvironmentSpec> = {
  id: 'spec-drift-check-interval',
  engine: 'spec',
  level: 'error',
  title: 'Terraform drift checks run at an interval cron repeats evenly',
  rationale:
    'Drift of cloud resources is found by a scheduled Terraform plan: an interval cron cannot repeat evenly runs it at uneven gaps, and one shorter than a plan overlaps itself.',
  controls: { soc2: ['CC7.1'], pciDss: [], iso27001: ['A.8.9'], gdpr: [] },
  check: (spec) => checkDriftCheckInterval(spec),
};
