import type { MatchResources } from './types';

/**
 * Authoring helpers for a rule's `match` and `exclude` blocks, as Kyverno's upstream policies
 * write them (kyverno/policies: `any` of resource filters).
 */

/** Match resources of these kinds in any namespace. */
export function matchKinds(...kinds: string[]): MatchResources {
  return { any: [{ resources: { kinds } }] };
}

/** Exclude everything in these namespaces (every kind: a namespace list alone, as upstream writes it). */
export function excludeNamespaces(namespaces: readonly string[]): MatchResources {
  return { any: [{ resources: { namespaces } }] };
}

/** Exclude the Namespace objects of these names (for rules that match Namespaces themselves). */
export function excludeNamespaceObjects(names: readonly string[]): MatchResources {
  return { any: [{ resources: { kinds: ['Namespace'], names } }] };
}
