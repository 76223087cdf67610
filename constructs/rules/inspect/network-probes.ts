import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { NetworkModel, Port, Protocol } from '../../tenancy/network-reachability';

type Selector = NonNullable<INetworkPolicyPeer['podSelector']>;

/**
 * Labels that satisfy a selector, built from its requirements (one value per `In`, any value for
 * `Exists`); `undefined` when the selector cannot be satisfied that simply.
 */
function labelsSatisfying(selector: Selector): Record<string, string> | undefined {
  const labels: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === 'In' && e.values?.[0] !== undefined) labels[e.key] = e.values[0];
    else if (e.operator === 'Exists') labels[e.key] = 'probe';
    else if (e.operator !== 'NotIn' && e.operator !== 'DoesNotExist') return undefined;
  }
  return labels;
}

function selectorsOf(model: NetworkModel): Selector[] {
  return model.policies.flatMap(({ spec }) => [
    spec.podSelector ?? {},
    ...(spec.ingress ?? []).flatMap((rule) => (rule.from ?? []).map((peer) => peer.podSelector ?? {})),
    ...(spec.egress ?? []).flatMap((rule) => (rule.to ?? []).map((peer) => peer.podSelector ?? {})),
  ]);
}

function portsOf(model: NetworkModel): INetworkPolicyPort[] {
  return model.policies.flatMap(({ spec }) => [...(spec.ingress ?? []), ...(spec.egress ?? [])].flatMap((rule) => rule.ports ?? []));
}

/**
 * Pod label sets to try as either end of a connection: no labels, and one set per pod selector any
 * policy uses. A connection some pod could open is then found by one of them, because a policy
 * only tells pods apart by those selectors. (A set of labels excluded by NotIn/DoesNotExist alone is
 * covered by the empty set.)
 */
export function probeLabels(model: NetworkModel): Readonly<Record<string, string>>[] {
  const sets = new Map<string, Record<string, string>>([['{}', {}]]);
  for (const selector of selectorsOf(model)) {
    const labels = labelsSatisfying(selector);
    if (labels !== undefined) sets.set(JSON.stringify(Object.entries(labels).sort()), labels);
  }
  return [...sets.values()];
}

/**
 * Ports to try: each number, range end and name a policy states, per protocol, and one number no
 * policy states (what a rule without ports opens). Named ports are tried with their name only.
 */
export function probePorts(model: NetworkModel): Port[] {
  const stated = portsOf(model);
  const numbers = new Set<number>(stated.flatMap((p) => [typeof p.port === 'number' ? p.port : undefined, p.endPort].filter((n): n is number => n !== undefined)));
  const names = new Set<string>(stated.flatMap((p) => (typeof p.port === 'string' ? [p.port] : [])));
  let unstated = 1;
  while (numbers.has(unstated)) unstated += 1;
  const protocols = new Set<Protocol>(['TCP', 'UDP', ...stated.map((p) => (p.protocol ?? 'TCP') as Protocol)]);
  return [...protocols].flatMap((protocol) => [
    ...[...numbers, unstated].map((port): Port => ({ protocol, port })),
    // A named port resolves to a number on the destination pod; -1 keeps it apart from the numbers tried.
    ...[...names].map((name): Port => ({ protocol, port: -1, name })),
  ]);
}
