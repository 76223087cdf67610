import { type Finding, finding } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { tenantGroups } from './support/tenant-groups';
import { eachTenant } from './support/tenants';

/**
 * A group named by two tenants has both tenants' rights: allowed (a platform support group may
 * view every tenant) but worth a look, since it crosses the boundary the tenants otherwise keep.
 */
export const specTenantSharedGroups: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-shared-groups',
  engine: 'spec',
  level: 'warning',
  title: 'A group belongs to one tenant',
  rationale: 'A group in two tenants can deploy into, or read, both: the tenant boundary does not hold for its members.',
  controls: { soc2: ['CC6.3'], pciDss: ['7.2.2'], iso27001: ['A.5.18'], gdpr: [] },
  check: (spec) => {
    const firstTenant = new Map<string, string>();
    for (const tenant of spec.tenants ?? []) for (const { group } of tenantGroups(tenant, '')) if (!firstTenant.has(group)) firstTenant.set(group, tenant.name);
    return eachTenant(spec, (tenant, at): Finding[] =>
      tenantGroups(tenant, at)
        .filter(({ group }) => firstTenant.get(group) !== tenant.name)
        .map(({ group, field }) =>
          finding(
            field,
            group,
            `is also tenant ${firstTenant.get(group) ?? ''}'s group: its members have both tenants' rights`,
            'give each tenant its own groups, unless the group is meant to span them (e.g. a support team that only views)',
          ),
        ),
    );
  },
};
