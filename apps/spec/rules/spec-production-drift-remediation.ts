import { unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/** Drift of policies and RBAC in production is a security incident: it is reverted, not just reported. */
export const specProductionDriftRemediation: SpecRule<EnvironmentSpec> = {
  id: 'spec-production-drift-remediation',
  engine: 'spec',
  level: 'error',
  title: 'Production reverts critical drift automatically',
  rationale: 'Critical drift (policies, RBAC, namespaces) left in place until a human reacts is an open security hole for that long.',
  controls: { soc2: ['CC7.1', 'CC7.4'], pciDss: ['11.5.2'], iso27001: ['A.8.9'], gdpr: ['Art. 32'] },
  tiers: ['production'],
  check: (spec) =>
    unless(
      spec.driftDetection.remediation.critical.strategy !== 'alert',
      'driftDetection.remediation.critical.strategy',
      spec.driftDetection.remediation.critical.strategy,
      'must remediate automatically in production: critical drift (policies, RBAC, namespaces) left in place for a human is an open security hole',
      "set driftDetection.remediation.critical.strategy: 'sync'",
    ),
};
