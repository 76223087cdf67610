import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import { NAMESPACE_NAME_LABEL } from './namespace-name-label';

/**
 * DNS to the cluster resolver, the one exception of every deny-all the estate renders: the
 * `default-deny` Kyverno generates (policies/add-default-network-policy.ts) and each tenant
 * namespace's `tenant-default-deny` (constructs/tenancy). One peer with both selectors means those
 * pods in that namespace (k8s.io/api@v0.34.4 networking/v1/types.go `NetworkPolicyPeer`).
 * Typed by `satisfies`, not by annotation, so the policy catalog can embed it as plain JSON.
 */
export const CLUSTER_DNS_EGRESS = {
  to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
} satisfies INetworkPolicyEgressRule;
