/**
 * The names of the objects the Tenant construct renders in each tenant namespace. They are never
 * the names Kyverno's generate rules use (`default-quota`, `default-limits`, `default-deny`,
 * policies/add-default-*.ts): an object of a generated name would be overwritten by Kyverno's data
 * and reverted on every Argo CD sync (kyverno v1.19.1 pkg/background/generate/data.go `manageData`
 * updates an existing target of the same name when `synchronize` is set).
 */
export const TENANT_OBJECT_NAMES = {
  quota: 'tenant-quota',
  limits: 'tenant-limits',
  defaultDeny: 'tenant-default-deny',
  allowSameTenant: 'tenant-allow-same-tenant',
  /** One NetworkPolicy per declared egress destination: `tenant-egress-<name>`. */
  egressPrefix: 'tenant-egress-',
  owners: 'tenant-owners',
  members: 'tenant-members',
  viewers: 'tenant-viewers',
} as const;

/** The names of the objects Kyverno generates in every namespace it does not exempt; a tenant never renders them. */
export const KYVERNO_GENERATED_NAMES: readonly string[] = ['default-quota', 'default-limits', 'default-deny'];

/** The NetworkPolicy that opens one declared egress destination. */
export function tenantEgressPolicyName(egress: { readonly name: string }): string {
  return `${TENANT_OBJECT_NAMES.egressPrefix}${egress.name}`;
}
