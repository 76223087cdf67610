import { canonicalJson, isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../../estate-unit';
import { listAt, objectAt, stringAt } from '../json-values';

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

/** A recorded text (an annotation, a reason) on one line, as a finding's reason must be. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
