import { clusterOfStack, type IdentityKind, type TerraformCluster, type TerraformSide } from './terraform-side';

/** A forwarding rule's domain taken from the stack's own EKS cluster: `${replace(aws_eks_cluster.<name>.endpoint, "https://", "")}`. */
const OWN_EKS_ENDPOINT = /^\$\{replace\(aws_eks_cluster\.[\w-]+\.endpoint, "https:\/\/", ""\)\}$/;

/**
 * The questions the cross-engine check asks of the Terraform side, for each registered cluster and
 * each identity the Kubernetes side names, answered from maps built once per environment: a scan of
 * every cluster's facts per cluster made the check grow with the square of the fleet.
 */
export interface TerraformSideLookup {
  /** Whether Terraform creates the identity. */
  createsIdentity(kind: IdentityKind, id: string): boolean;
  /** The first cluster Terraform creates with this name. */
  cluster(name: string): TerraformCluster | undefined;
  /** Whether a rule in a stack of `cluster` opens 443 to `cidr`. */
  opensApiServer(cluster: string, cidr: string): boolean;
  /** Whether the network of `cluster` has a route to `destination`. */
  routes(cluster: string, destination: string): boolean;
  /**
   * Whether a DNS forwarding rule resolves `host`: one for its domain or a parent domain (DNS names
   * compare case-insensitively; URL host names come back lower-cased), or one in the cluster's own
   * stack naming the cluster's endpoint attribute, which is that host once EKS created it.
   */
  forwardsDns(cluster: string, host: string): boolean;
}

export function terraformSideLookup(tf: TerraformSide): TerraformSideLookup {
  const identities = pairs(tf.identities.map((i) => [i.kind, i.id]));
  const clusters = new Map<string, TerraformCluster>();
  for (const cluster of tf.clusters) if (!clusters.has(cluster.name)) clusters.set(cluster.name, cluster);
  const ingress = pairs(tf.ingress.map((i) => [clusterOfStack(i.stack), i.cidr]));
  const routes = pairs(tf.routes.map((r) => [r.network, r.destination]));
  const ownEndpointForwards = new Set(tf.dnsForwards.filter((f) => OWN_EKS_ENDPOINT.test(f.domain)).map((f) => clusterOfStack(f.at.stack)));
  const forwardedDomains = new Set(tf.dnsForwards.map((f) => f.domain.toLowerCase()));
  return {
    createsIdentity: (kind, id) => identities.get(kind)?.has(id) ?? false,
    cluster: (name) => clusters.get(name),
    opensApiServer: (cluster, cidr) => ingress.get(cluster)?.has(cidr) ?? false,
    routes: (cluster, destination) => routes.get(cluster)?.has(destination) ?? false,
    forwardsDns: (cluster, host) => ownEndpointForwards.has(cluster) || forwardedDomains.has(host) || parentDomains(host).some((domain) => forwardedDomains.has(domain)),
  };
}

/** The names `host` ends in after one of its dots (`b.c`, `c` of `a.b.c`; `''` after a final dot). */
function parentDomains(host: string): string[] {
  const domains: string[] = [];
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) domains.push(host.slice(i + 1));
  return domains;
}

/** Pairs as a map from the first to the set of seconds; pairs without a first are left out (nothing asks for them). */
function pairs<K>(entries: readonly (readonly [K | undefined, string])[]): Map<K, Set<string>> {
  const map = new Map<K, Set<string>>();
  for (const [first, second] of entries) {
    if (first === undefined) continue;
    const seconds = map.get(first);
    if (seconds === undefined) map.set(first, new Set([second]));
    else seconds.add(second);
  }
  return map;
}
