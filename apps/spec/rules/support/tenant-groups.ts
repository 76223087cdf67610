import type { TenantSpec } from '../../../../environments/types';

/** Each group of the tenant with its field path, owners first. */
export function tenantGroups(tenant: TenantSpec, at: string): { readonly group: string; readonly field: string }[] {
  const lists: readonly [string, readonly string[]][] = [
    ['ownerGroups', tenant.ownerGroups],
    ['memberGroups', tenant.memberGroups],
    ['viewerGroups', tenant.viewerGroups ?? []],
  ];
  return lists.flatMap(([key, groups]) => groups.map((group, i) => ({ group, field: `${at}.${key}[${i}]` })));
}
