import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import { CLUSTER_DNS_EGRESS } from '../kubernetes/cluster-dns-egress';
import { TENANT_LABEL } from '../kubernetes/gitops-cdk-labels';
import { NAMESPACE_NAME_LABEL } from '../kubernetes/namespace-name-label';
import { TENANT_OBJECT_NAMES, tenantEgressPolicyName } from './tenant-object-names';
import type { TenantEgressSpec, TenantSpec } from './tenant-spec';

function policy(namespace: string, name: string, spec: INetworkPolicy['spec']): INetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

/** Where one declared destination is: an address range (ipBlock) or a namespace by its server-set name label. */
function destination(egress: TenantEgressSpec): NonNullable<INetworkPolicyEgressRule['to']>[number] {
  if (egress.cidr !== undefined) {
    return { ipBlock: { cidr: egress.cidr, ...(egress.except === undefined || egress.except.length === 0 ? {} : { except: [...egress.except] }) } };
  }
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: egress.namespace ?? '' } } };
}

/**
 * The NetworkPolicies of one tenant namespace. NetworkPolicies are allow-lists that add up: a
 * connection flows when the source's egress and the destination's ingress both allow it, so
 * - `tenant-default-deny` selects every pod for ingress and egress and allows DNS only (a
 *   duplicate of Kyverno's `default-deny`, which stays: dist/ shows the boundary, and the tenant
 *   does not depend on the catalog for it);
 * - `tenant-allow-same-tenant` opens both directions between the tenant's namespaces (this one
 *   included), selected by the tenant label, which only the platform writes;
 * - `tenant-egress-<name>` opens one declared destination on its ports only (an egress rule
 *   without ports opens every port). A namespace destination must still admit the traffic itself.
 * A tenant bound to admin or edit can add NetworkPolicies in its own namespaces: they open only
 * its own side; another tenant's deny still refuses.
 */
export function tenantNetworkPolicies(namespace: string, tenant: Pick<TenantSpec, 'name' | 'egress'>): INetworkPolicy[] {
  const sameTenant = { namespaceSelector: { matchLabels: { [TENANT_LABEL]: tenant.name } } };
  return [
    policy(namespace, TENANT_OBJECT_NAMES.defaultDeny, { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [CLUSTER_DNS_EGRESS] }),
    policy(namespace, TENANT_OBJECT_NAMES.allowSameTenant, {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [sameTenant] }],
      egress: [{ to: [sameTenant] }],
    }),
    ...(tenant.egress ?? []).map((egress) =>
      policy(namespace, tenantEgressPolicyName(egress), {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [destination(egress)], ports: egress.ports.map((p) => ({ protocol: p.protocol ?? 'TCP', port: p.port })) }],
      }),
    ),
  ];
}
