import { isString, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

export const specProductionPaging: SpecRule<EnvironmentSpec> = {
  id: 'spec-production-paging',
  engine: 'spec',
  level: 'error',
  title: 'Production pages on failed syncs',
  rationale: 'Slack alone is not watched at night: a failed sync or degraded application in production must reach the on-call engineer.',
  controls: { soc2: ['CC7.3', 'CC7.4'], pciDss: ['12.10.5'], iso27001: ['A.5.26', 'A.8.16'], gdpr: [] },
  tiers: ['production'],
  check: (spec) => {
    const service = spec.notifications.pagerDutyService;
    return unless(
      isString(service) && service.trim() !== '',
      'notifications.pagerDutyService',
      service,
      'production must page on failed syncs and degraded applications: Slack alone is not watched at night',
      `set notifications.pagerDutyService to the key in argocd-notifications-secret, e.g. 'platform-prod'`,
    );
  },
};
