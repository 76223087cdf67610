import type { Tier } from '../../../../constructs/core/tier';
import { canonicalJson, isJsonArray, isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../../estate-unit';
import type { RiskLevel } from '../risk-rule';

/**
 * Reading Kyverno objects (kyverno.io ClusterPolicy, Policy, PolicyException) as the risk rules
 * need them. Pure helpers over the units' bodies; the behaviour they encode is Kyverno's at the
 * pinned version (chart 3.9.1, Kyverno v1.19.1: constructs/kyverno/kyverno-release.ts).
 */

const KYVERNO_GROUP = 'kyverno.io';

function group(unit: KubernetesUnit): string {
  return unit.apiVersion.includes('/') ? unit.apiVersion.slice(0, unit.apiVersion.lastIndexOf('/')) : '';
}

/** A kyverno.io ClusterPolicy or (namespaced) Policy. */
export function isKyvernoPolicy(unit: KubernetesUnit | undefined): unit is KubernetesUnit & { readonly kind: 'ClusterPolicy' | 'Policy' } {
  return unit !== undefined && group(unit) === KYVERNO_GROUP && (unit.kind === 'ClusterPolicy' || unit.kind === 'Policy');
}

export function isPolicyException(unit: KubernetesUnit | undefined): unit is KubernetesUnit & { readonly kind: 'PolicyException' } {
  return unit !== undefined && group(unit) === KYVERNO_GROUP && unit.kind === 'PolicyException';
}

export function objectAt(value: JsonValue | undefined, key: string): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const child = value[key];
  return isJsonObject(child) ? child : undefined;
}

export function listAt(value: JsonValue | undefined, key: string): readonly JsonValue[] {
  if (!isJsonObject(value)) return [];
  const child = value[key];
  return isJsonArray(child) ? child : [];
}

export function stringAt(value: JsonValue | undefined, key: string): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const child = value[key];
  return typeof child === 'string' ? child : undefined;
}

export function specOf(unit: KubernetesUnit): JsonObject {
  return objectAt(unit.body, 'spec') ?? {};
}

/** The named rules of a policy (`spec.rules`), by name. */
export function rulesByName(unit: KubernetesUnit): ReadonlyMap<string, JsonObject> {
  const rules = new Map<string, JsonObject>();
  for (const rule of listAt(specOf(unit), 'rules')) {
    const name = stringAt(rule, 'name');
    if (name !== undefined && isJsonObject(rule)) rules.set(name, rule);
  }
  return rules;
}

/** An annotation of the object, or a label of that key (the estate records its reasons as annotations). */
export function annotationOf(unit: KubernetesUnit, key: string): string | undefined {
  const metadata = objectAt(unit.body, 'metadata');
  return stringAt(objectAt(metadata, 'annotations'), key) ?? stringAt(objectAt(metadata, 'labels'), key);
}

/** The level of a finding in an environment of `tier`. */
export function levelFor(tier: Tier, levels: { readonly production: RiskLevel; readonly staging: RiskLevel; readonly development: RiskLevel }): RiskLevel {
  return levels[tier];
}

/** `high` in production, `medium` elsewhere: a weakening of admission control. */
export function highInProduction(tier: Tier): RiskLevel {
  return tier === 'production' ? 'high' : 'medium';
}

/** A value as a reviewer reads it in one line: strings bare, the rest as compact JSON. */
export function shown(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  return typeof value === 'string' ? value : canonicalJson(value);
}

/**
 * Kyverno's wildcard match (`*` any run, `?` one character), as `wildcard.Match` of
 * github.com/kyverno/kyverno ext/wildcard, used for exception rule names and override namespaces.
 */
export function wildcardMatches(pattern: string, text: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 's').test(text);
}

/** The filters of a Kyverno `match` / `exclude` block: `any` and `all` lists, or a legacy single `resources`. */
function filtersOf(block: JsonValue | undefined): readonly JsonObject[] {
  if (!isJsonObject(block)) return [];
  const filters = [...listAt(block, 'any'), ...listAt(block, 'all')].filter(isJsonObject);
  // Before any/all, `match.resources` (with subjects, roles, clusterRoles) held one filter; Kyverno v1.19 still reads it.
  if (isJsonObject(block.resources)) filters.push(block);
  return filters;
}

/** What a match or exclude block names, field by field: `kinds` -> {Pod, Job}, `namespaces` -> {payments}, ... */
export type ResourceValues = ReadonlyMap<string, ReadonlySet<string>>;

const RESOURCE_LISTS = ['kinds', 'names', 'namespaces', 'operations', 'annotations'] as const;
const RESOURCE_SELECTORS = ['selector', 'namespaceSelector'] as const;

/**
 * The values a match or exclude block names, per field, over all its filters. Selectors count as
 * one value each (their canonical JSON); subjects as `Kind:namespace/name`.
 */
export function resourceValues(block: JsonValue | undefined): ResourceValues {
  const values = new Map<string, Set<string>>();
  const add = (field: string, value: string): void => {
    const set = values.get(field) ?? new Set<string>();
    set.add(value);
    values.set(field, set);
  };
  for (const filter of filtersOf(block)) {
    const resources = objectAt(filter, 'resources');
    for (const field of RESOURCE_LISTS) for (const value of listAt(resources, field)) add(field, shown(value));
    if (resources !== undefined && stringAt(resources, 'name') !== undefined) add('names', stringAt(resources, 'name') as string);
    for (const field of RESOURCE_SELECTORS) if (resources?.[field] !== undefined) add(field, shown(resources[field]));
    for (const subject of listAt(filter, 'subjects'))
      add('subjects', `${stringAt(subject, 'kind') ?? ''}:${stringAt(subject, 'namespace') ? `${stringAt(subject, 'namespace')}/` : ''}${stringAt(subject, 'name') ?? ''}`);
    for (const field of ['roles', 'clusterRoles']) for (const value of listAt(filter, field)) add(field, shown(value));
  }
  return values;
}

/** Per field, the values of `after` that `before` does not name. */
export function valuesAdded(before: ResourceValues, after: ResourceValues): ReadonlyMap<string, readonly string[]> {
  const added = new Map<string, readonly string[]>();
  for (const [field, values] of after) {
    const known = before.get(field) ?? new Set<string>();
    const fresh = [...values].filter((value) => !known.has(value));
    if (fresh.length > 0) added.set(field, fresh);
  }
  return added;
}

/** `namespaces +payments, +batch; kinds +Job` */
export function describeValues(values: ReadonlyMap<string, readonly string[]>, sign: '+' | '-'): string {
  return [...values].map(([field, list]) => `${field} ${list.map((value) => `${sign}${value}`).join(', ')}`).join('; ');
}
