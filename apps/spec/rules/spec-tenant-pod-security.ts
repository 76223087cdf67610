import { unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { eachTenant } from './support/tenants';

/**
 * A tenant at `baseline` Pod Security gains little: the catalog's pod-security-restricted policy
 * validates every pod outside the platform namespaces at `restricted`
 * (policies/pod-security-restricted.ts), so a pod baseline admits is refused by Kyverno anyway
 * unless a PolicyException (policies/exceptions/) names it. Reported so the gap is a decision.
 */
export const specTenantPodSecurity: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-pod-security',
  engine: 'spec',
  level: 'warning',
  title: 'Tenants enforce the restricted Pod Security Standard',
  rationale:
    'Baseline admits pods running as root and with privilege escalation, which restricted refuses; where Kyverno enforces restricted anyway the lower ' +
    'level only hides, until deploy time, that such pods will be refused.',
  controls: { soc2: ['CC6.8'], pciDss: ['2.2.1'], iso27001: ['A.8.9'], gdpr: [] },
  check: (spec) =>
    eachTenant(spec, (tenant, at) =>
      unless(
        (tenant.podSecurity ?? 'restricted') === 'restricted',
        `${at}.podSecurity`,
        tenant.podSecurity,
        "admits pods the catalog's pod-security-restricted policy refuses anyway (it validates tenant pods at restricted)",
        'leave podSecurity out (restricted), or grant the pods that need baseline a PolicyException in policies/exceptions/ and say so here',
      ),
    ),
};
