/** Helpers that derive a non-compliant case from the compliant resources by changing one thing. */

import type { KubeResource } from '../../constructs/kyverno/policy-definition';
import type { JsonObject, JsonValue } from '../../constructs/kyverno/types';
import { compliantContainer, pod, WORKLOAD_LABELS } from './resources';

/**
 * Namespace for cases of an A/B test's variant `b`. A test suite gives each namespace one label
 * set, so variant-b cases cannot share CASE_NAMESPACE with the unlabelled variant-a cases.
 */
export const VARIANT_B_CASE_NAMESPACE = 'team-b';

/** The compliant Pod of `pod()`, placed in another namespace. */
export function podIn(namespace: string, name: string, spec: JsonObject = {}): KubeResource {
  const base = pod(name, spec);
  return { ...base, metadata: { ...base.metadata, namespace } };
}

/** The workload labels without the given keys, for cases that drop a required label. */
export function labelsWithout(...keys: string[]): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(WORKLOAD_LABELS).filter(([key]) => !keys.includes(key)));
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `object` with `changes` merged in; a change of `undefined` removes the key. */
function edited(object: JsonObject, changes: Readonly<Record<string, JsonValue | undefined>>): JsonObject {
  const merged: Record<string, JsonValue> = { ...object };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/**
 * The compliant container with fields of its securityContext changed or removed, so a case can
 * alter one security setting and keep the rest compliant.
 */
export function containerWithSecurityContext(
  changes: Readonly<Record<string, JsonValue | undefined>>,
  overrides: JsonObject = {},
  container: JsonObject = compliantContainer(),
): JsonObject {
  const securityContext = container['securityContext'];
  if (!isJsonObject(securityContext)) throw new Error('compliantContainer() no longer has a securityContext object');
  return { ...container, securityContext: edited(securityContext, changes), ...overrides };
}

/** The compliant Pod's pod-level securityContext with fields changed or removed. */
export function podSecurityContext(changes: Readonly<Record<string, JsonValue | undefined>>): JsonObject {
  const securityContext = pod('template').spec?.['securityContext'];
  if (!isJsonObject(securityContext)) throw new Error('pod() no longer has a pod-level securityContext object');
  return edited(securityContext, changes);
}

/** The compliant container with other resource requests and limits. */
export function containerWithResources(requests: JsonObject, limits: JsonObject, overrides: JsonObject = {}): JsonObject {
  return compliantContainer({ resources: { requests, limits }, ...overrides });
}

/** The compliant container without the given fields, for cases that leave one out. */
export function compliantContainerWithout(...fields: string[]): JsonObject {
  return Object.fromEntries(Object.entries(compliantContainer()).filter(([field]) => !fields.includes(field)));
}

/**
 * The compliant Pod with its pod-level securityContext replaced; `undefined` drops the
 * securityContext altogether.
 */
export function podWithSecurityContext(name: string, securityContext: JsonObject | undefined): KubeResource {
  const base = pod(name);
  const spec: Record<string, JsonValue> = { ...base.spec };
  if (securityContext === undefined) delete spec['securityContext'];
  else spec['securityContext'] = securityContext;
  return { ...base, spec };
}
