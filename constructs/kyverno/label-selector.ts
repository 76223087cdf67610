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

type Requirement = NonNullable<LabelSelector['matchExpressions']>[number];

/** Kubernetes' label selector operators, on the label's value (undefined: the label is absent). */
const OPERATORS: { readonly [O in Requirement['operator']]: (value: string | undefined, values: readonly string[]) => boolean } = {
  In: (value, values) => value !== undefined && values.includes(value),
  NotIn: (value, values) => value === undefined || !values.includes(value),
  Exists: (value) => value !== undefined,
  DoesNotExist: (value) => value === undefined,
};

/** Whether a namespace with these labels is selected, with Kubernetes' semantics. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const exact = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const expressions = (selector.matchExpressions ?? []).every((requirement) => OPERATORS[requirement.operator](labels[requirement.key], requirement.values ?? []));
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
