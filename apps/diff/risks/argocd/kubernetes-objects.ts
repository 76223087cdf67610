import { isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../../estate-unit';
import { listAt, objectAt, stringAt } from '../json-values';

/**
 * Small readers shared by the Argo CD / Kubernetes access rules (typed reads of bodies are in
 * ../json-values.ts): the Application spec of an Application or an ApplicationSet template, Secret contents, and levels per tier.
 */

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

/** One source of an Application spec, with where it is as FieldChange paths read it (`spec.source`, `spec.template.spec.sources[name=values]`). */
export interface ApplicationSourceAt {
  readonly source: JsonObject;
  readonly path: string;
}

/**
 * The sources of an Application, or of the Applications an ApplicationSet generates: `source` and
 * every `sources[]` item. A `sources` item is named by its `name` when every item has a distinct
 * one (as field-diff.ts keys list items), else by its index.
 */
export function applicationSources(unit: KubernetesUnit | undefined): ApplicationSourceAt[] {
  if (unit === undefined || !isApplicationOrSet(unit)) return [];
  const { spec, prefix } = applicationSpec(unit);
  const found: ApplicationSourceAt[] = [];
  const single = objectAt(spec, 'source');
  if (single !== undefined) found.push({ source: single, path: `${prefix}.source` });
  const list = listAt(spec, 'sources');
  const names = list.map((source) => stringAt(source, 'name'));
  const byName = names.every((name) => name !== undefined) && new Set(names).size === names.length;
  list.forEach((source, index) => {
    if (isJsonObject(source)) found.push({ source, path: `${prefix}.sources[${byName ? `name=${names[index]}` : index}]` });
  });
  return found;
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

/**
 * A cluster Secret's `config` entry (argo-cd v2.13.2 ClusterConfig, JSON): the object, `undefined`
 * when there is none, or `unreadable` when it is not a JSON object (Argo CD then fails to read the cluster).
 */
export function clusterConfig(unit: KubernetesUnit): JsonObject | 'unreadable' | undefined {
  const text = secretEntries(unit.body).get('config');
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as JsonValue;
    return isJsonObject(parsed) ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
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
