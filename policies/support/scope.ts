import { excludeNamespaceObjects, excludeNamespaces, matchKinds } from '../../constructs/kyverno/match-resources';
import type { MatchResources } from '../../constructs/kyverno/types';
import { PLATFORM_NAMESPACES } from '../../constructs/platform/platform-namespaces';

/**
 * Namespaces the platform's own add-ons run in. Their upstream charts are governed by the pinned
 * chart versions and Pod Security labels (constructs/platform/config-chart.ts), not by tenant
 * policies, so most policies exclude them.
 */
export const PLATFORM_POLICY_EXEMPT_NAMESPACES: readonly string[] = [...new Set([...PLATFORM_NAMESPACES, 'argocd', 'kube-node-lease', 'kube-public'])].sort();

/** Exclude the platform's own namespaces (every kind: a namespace list alone, as upstream writes it). */
export const EXCLUDE_PLATFORM_NAMESPACES: MatchResources = excludeNamespaces(PLATFORM_POLICY_EXEMPT_NAMESPACES);

/** Exclude the platform's own Namespace objects (for rules that match Namespaces themselves). */
export const EXCLUDE_PLATFORM_NAMESPACE_OBJECTS: MatchResources = excludeNamespaceObjects(PLATFORM_POLICY_EXEMPT_NAMESPACES);

/** Pods in tenant namespaces: the scope of most workload policies. */
export const TENANT_PODS: { readonly match: MatchResources; readonly exclude: MatchResources } = {
  match: matchKinds('Pod'),
  exclude: EXCLUDE_PLATFORM_NAMESPACES,
};
