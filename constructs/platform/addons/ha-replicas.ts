import type { Tier } from '../../core/tier';

/**
 * Replicas of admission-path controllers: one in development, three above it, spread across the
 * zones of the cluster's nodes by `zoneSpread` (the charts' own default is only a preferred
 * anti-affinity on the hostname, which may put every replica in one zone).
 */
export function haReplicas(environment: { readonly tier: Tier }): number {
  return environment.tier === 'development' ? 1 : 3;
}

/** The node label the cloud providers set to the node's availability zone (Kubernetes well-known label). */
export const ZONE_TOPOLOGY_KEY = 'topology.kubernetes.io/zone';

/** A pod topology spread constraint as the Kubernetes API reads it (core/v1 TopologySpreadConstraint). */
export type TopologySpreadConstraint = {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
  readonly matchLabelKeys: readonly string[];
  readonly labelSelector?: { readonly matchLabels: Readonly<Record<string, string>> };
};

/**
 * Replicas spread across zones, one zone at most one replica ahead of another: a hard constraint
 * (DoNotSchedule), so a zone outage leaves the other zones' replicas running. `nodeTaintsPolicy:
 * Honor` leaves out nodes whose taints the pod does not tolerate, among them the nodes of a zone
 * that is down (`node.kubernetes.io/unreachable`), so the replacements of its replicas schedule in
 * the zones left instead of waiting for it (on by default since Kubernetes 1.26). `matchLabelKeys:
 * [pod-template-hash]` counts only the pods of the current ReplicaSet, so a rolling update is not
 * blocked by the old pods. A node pool in a single zone is one domain: the constraint then holds
 * trivially. Empty for a single replica, where there is nothing to spread.
 *
 * `labelSelector` selects the replicas; the argo-cd chart fills in its component's selector labels
 * when it is left out (argo-helm charts/argo-cd/templates/argocd-repo-server/deployment.yaml at
 * argo-cd-7.7.11 and 7.8.2), the kyverno chart does not.
 */
export function zoneSpread(replicas: number, labelSelector?: Readonly<Record<string, string>>): TopologySpreadConstraint[] {
  if (replicas <= 1) return [];
  return [
    {
      maxSkew: 1,
      topologyKey: ZONE_TOPOLOGY_KEY,
      whenUnsatisfiable: 'DoNotSchedule',
      nodeTaintsPolicy: 'Honor',
      matchLabelKeys: ['pod-template-hash'],
      ...(labelSelector === undefined ? {} : { labelSelector: { matchLabels: labelSelector } }),
    },
  ];
}
