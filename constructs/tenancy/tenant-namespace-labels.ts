import { POLICY_CANARY_LABEL, TENANT_LABEL } from '../kubernetes/gitops-cdk-labels';
import type { TenantSpec } from './tenant-spec';

/** The labels of every object a tenant's chart renders: who it belongs to and who pays for it (cost allocation). */
export function tenantObjectLabels(tenant: Pick<TenantSpec, 'name' | 'costCentre'>): Record<string, string> {
  return { [TENANT_LABEL]: tenant.name, 'cost-centre': tenant.costCentre };
}

/**
 * The labels of a tenant Namespace besides `tenantObjectLabels`:
 * - `owner` and `env`, the keys the catalog's require-labels asks of every namespace (as a
 *   delivered workload's namespace has them, constructs/delivery/workload-chart.ts);
 * - the Pod Security level in all three modes. The API server reads them
 *   (k8s.io/pod-security-admission@v0.34.4 api/helpers.go): an absent `enforce` means privileged,
 *   so the level is always written; enforce applies to Pods only, warn and audit also report on
 *   the workload objects that would make refused pods;
 * - `policy.gitops-cdk.io/canary: "true"` when the tenant is a canary of the policy rollout: the
 *   catalog's canary overrides select namespaces by exactly that key and value
 *   (constructs/kyverno/failure-action.ts), so Git, not kubectl, says where revisions enforce first.
 *
 * The tenant label cannot be forged by tenants: Namespaces are cluster-scoped, and admin/edit/view
 * bound in a namespace only read them (kubernetes v1.34.4 plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go).
 */
export function tenantNamespaceLabels(environment: string, tenant: TenantSpec): Record<string, string> {
  const level = tenant.podSecurity ?? 'restricted';
  return {
    ...tenantObjectLabels(tenant),
    owner: tenant.name,
    env: environment,
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/warn': level,
    'pod-security.kubernetes.io/audit': level,
    ...(tenant.policyCanary === true ? { [POLICY_CANARY_LABEL]: 'true' } : {}),
  };
}
