import type { LabelSelector, MatchResources, ResourceFilter } from './types';

/**
 * A selector matching every namespace the given one does not. Kubernetes selectors are
 * conjunctions, so only a single-label selector has a complement that is itself a selector; that
 * is all the lifecycle and A/B variants use.
 */
export function complementOf(selector: LabelSelector): LabelSelector {
  const labels = Object.entries(selector.matchLabels ?? {});
  if (labels.length !== 1 || (selector.matchExpressions ?? []).length > 0) {
    throw new Error(`cannot complement selector ${JSON.stringify(selector)}: only single-label selectors have one`);
  }
  const [key, value] = labels[0]!;
  return { matchExpressions: [{ key, operator: 'NotIn', values: [value] }] };
}

/** Whether a namespace with these labels is selected, with Kubernetes' semantics. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const exact = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const expressions = (selector.matchExpressions ?? []).every((requirement) => {
    const value = labels[requirement.key];
    switch (requirement.operator) {
      case 'In':
        return value !== undefined && (requirement.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(requirement.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
    }
  });
  return exact && expressions;
}

/** Narrows every filter of a match block to namespaces the selector picks. */
export function restrictToNamespaces(match: MatchResources, selector: LabelSelector, rule: string): MatchResources {
  const narrow = (filter: ResourceFilter): ResourceFilter => {
    if (filter.resources.namespaceSelector !== undefined) {
      throw new Error(`rule ${rule} already selects namespaces; it cannot also be split by canary or variant`);
    }
    return { ...filter, resources: { ...filter.resources, namespaceSelector: selector } };
  };
  return 'any' in match ? { any: match.any.map(narrow) } : { all: match.all.map(narrow) };
}
