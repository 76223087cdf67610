import type { BudgetSpec } from './infrastructure-spec';

/**
 * The tag (AWS, Azure) or label (GCP) naming the tenant a cloud resource is made for, besides the
 * standard tags. No resource of the estate carries it yet (tenants get namespaces, not cloud
 * resources), so the tenant budgets below read 0 until a tenant-owned resource is tagged with it.
 */
export const TENANT_TAG = 'tenant';

/** A tag key and value a budget counts the spend of. */
export interface CostTag {
  readonly key: string;
  readonly value: string;
}

/** What a cloud budget per tenant reads of a tenant (the environment spec's TenantSpec has it). */
export interface TenantBudgetOwner {
  readonly name: string;
  readonly budget: BudgetSpec;
}

/** One tenant's budget on the spend tagged with it, the same on every cloud the environment has. */
export interface TenantCloudBudget {
  readonly tenant: string;
  /** `<env>-tenant-<tenant>`: unique in the account, subscription or billing account. */
  readonly name: string;
  readonly budget: BudgetSpec;
  readonly tag: CostTag;
}

/** The tags a resource made for `tenant` carries besides the standard tags. */
export function tenantTags(tenant: Pick<TenantBudgetOwner, 'name'>): Record<string, string> {
  return { [TENANT_TAG]: tenant.name };
}

/**
 * The budget of each tenant of the environment on the cloud spend tagged `tenant=<name>`: its
 * Kubernetes spend is on the clusters' bill lines, tagged with the clusters' tags, and is budgeted
 * by the OpenCost alerts (constructs/monitoring/domains/cost-allocation.ts) instead.
 */
export function tenantCloudBudgets(environment: { readonly name: string; readonly tenants?: readonly TenantBudgetOwner[] }): TenantCloudBudget[] {
  return (environment.tenants ?? []).map((tenant) => ({
    tenant: tenant.name,
    name: `${environment.name}-tenant-${tenant.name}`,
    budget: tenant.budget,
    tag: { key: TENANT_TAG, value: tenant.name },
  }));
}
