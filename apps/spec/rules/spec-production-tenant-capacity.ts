import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { tenantCapacity } from './support/tenant-capacity';

/** In production, tenant quotas that promise more than a cluster can reach refuse the synth (spec-tenant-capacity reports them elsewhere). */
export const specProductionTenantCapacity: SpecRule<EnvironmentSpec> = {
  id: 'spec-production-tenant-capacity',
  engine: 'spec',
  level: 'error',
  title: 'Production tenant quotas fit what the node pools can reach',
  rationale: 'In production an overcommitted cluster leaves pods within quota Pending during an incident or a scale-up: the capacity must be there before the quota is granted.',
  controls: { soc2: ['A1.1'], pciDss: [], iso27001: ['A.8.6'], gdpr: [] },
  tiers: ['production'],
  check: (spec) => tenantCapacity(spec).overcommitted,
};
