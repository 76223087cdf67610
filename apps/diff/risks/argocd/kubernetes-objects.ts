import { isJsonArray, isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../../estate-unit';

/**
 * Small readers shared by the Argo CD / Kubernetes access rules: typed access to object bodies, the
 * Application spec of an Application or an ApplicationSet template, Secret contents, and levels per tier.
 */

/** The value at `path` under `value`, or undefined when a step is missing or not an object. */
export function at(value: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let current = value;
  for (const step of path) {
    if (!isJsonObject(current)) return undefined;
    current = current[step];
  }
  return current;
}

export function objectAt(value: JsonValue | undefined, ...path: string[]): JsonObject | undefined {
  const found = at(value, ...path);
  return isJsonObject(found) ? found : undefined;
}

export function listAt(value: JsonValue | undefined, ...path: string[]): readonly JsonValue[] {
  const found = at(value, ...path);
  return isJsonArray(found) ? found : [];
}

export function stringAt(value: JsonValue | undefined, ...path: string[]): string | undefined {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : typeof found === 'number' ? String(found) : undefined;
}

export function stringsAt(value: JsonValue | undefined, ...path: string[]): string[] {
  return listAt(value, ...path).flatMap((item) => (typeof item === 'string' ? [item] : []));
}

function isArgoCdKind(unit: KubernetesUnit, kind: string): boolean {
  return unit.kind === kind && unit.apiVersion.startsWith('argoproj.io/');
}

export function isApplicationOrSet(unit: KubernetesUnit): boolean {
  return isArgoCdKind(unit, 'Application') || isArgoCdKind(unit, 'ApplicationSet');
}

export function isAppProject(unit: KubernetesUnit): boolean {
  return isArgoCdKind(unit, 'AppProject');
}

/**
 * The Application spec a unit carries: an Application's own `spec`, an ApplicationSet's
 * `spec.template.spec` (the spec of every Application it generates), with the path prefix of the
 * fields found in it. `templatePatch` is not read: the estate does not use it.
 */
export function applicationSpec(unit: KubernetesUnit): { readonly spec: JsonObject | undefined; readonly prefix: string } {
  if (unit.kind === 'ApplicationSet') return { spec: objectAt(unit.body, 'spec', 'template', 'spec'), prefix: 'spec.template.spec' };
  return { spec: objectAt(unit.body, 'spec'), prefix: 'spec' };
}

export function isSecret(unit: KubernetesUnit): boolean {
  return unit.kind === 'Secret' && unit.apiVersion === 'v1';
}

/**
 * An Argo CD cluster Secret: Argo CD reads every Secret of its namespace labelled
 * `argocd.argoproj.io/secret-type: cluster` as a cluster registration (argo-cd v2.13.2
 * util/db/cluster.go, common.LabelValueSecretTypeCluster).
 */
export function isClusterSecret(unit: KubernetesUnit | undefined): boolean {
  return unit !== undefined && isSecret(unit) && stringAt(unit.body, 'metadata', 'labels', 'argocd.argoproj.io/secret-type') === 'cluster';
}

/**
 * The entries of a Secret as the API server stores them: `data` (base64) decoded, `stringData`
 * written over it (the API server merges stringData into data, stringData winning).
 */
export function secretEntries(body: JsonObject): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(objectAt(body, 'data') ?? {})) {
    if (typeof value === 'string') entries.set(key, Buffer.from(value, 'base64').toString('utf8'));
  }
  for (const [key, value] of Object.entries(objectAt(body, 'stringData') ?? {})) {
    if (typeof value === 'string') entries.set(key, value);
  }
  return entries;
}

/** A cluster Secret's registered name (its `name` entry), else the Secret's own name. */
export function clusterName(unit: KubernetesUnit): string {
  return secretEntries(unit.body).get('name') ?? unit.name;
}

/** Items of `after` not in `before`, compared as written. */
export function addedItems<T>(before: readonly T[], after: readonly T[]): T[] {
  const seen = new Set(before);
  return after.filter((item) => !seen.has(item));
}

/** A short list for a reason line: `a, b, c (+4 more)`. */
export function shortList(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} (+${items.length - max} more)` : shown;
}
