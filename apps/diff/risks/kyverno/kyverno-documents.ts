import { canonicalJson, isJsonArray, isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../../estate-unit';

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

/** A recorded text (an annotation, a reason) on one line, as a finding's reason must be. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
