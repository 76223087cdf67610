import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { tenantCapacity } from './support/tenant-capacity';

/**
 * Outside production, tenant quotas that promise more than a cluster can reach are reported, not
 * refused (spec-production-tenant-capacity refuses them in production); a node type the table
 * does not know is reported in every tier, so a new type never blocks a synth.
 */
export const specTenantCapacity: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-capacity',
  engine: 'spec',
  level: 'warning',
  title: 'Tenant quotas fit what the node pools can reach',
  rationale:
    'A quota is a promise: when the quotas of a cluster add up to more than its node pool can grow to, pods that are within quota stay Pending, ' +
    'and the tenant that asked last loses.',
  controls: { soc2: ['A1.1'], pciDss: [], iso27001: ['A.8.6'], gdpr: [] },
  check: (spec) => {
    const { overcommitted, unknown } = tenantCapacity(spec);
    return [...(spec.tier === 'production' ? [] : overcommitted), ...unknown];
  },
};
