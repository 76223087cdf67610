import { parseAllDocuments } from 'yaml';
import { isJsonArray, isJsonObject } from '../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../estate-unit';

/**
 * The Kubernetes objects of one dist/ YAML file (one or more documents), and a folder's
 * kustomization.yaml: Argo CD builds the folder with Kustomize, so an object its `resources` no
 * longer lists is no longer applied (and is pruned where pruning is on). A document without kind or
 * apiVersion gives nothing.
 */
export function kubernetesUnits(file: string, environment: string, text: string): KubernetesUnit[] {
  const units: KubernetesUnit[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(`${file}: not valid YAML: ${document.errors[0]?.message ?? ''}`);
    const body: unknown = document.toJS();
    if (!isJsonObject(body as JsonValue)) continue;
    const unit = kubernetesUnit(file, environment, body as JsonObject);
    if (unit !== undefined) units.push(unit);
  }
  return units;
}

/** The unit of one object, or nothing for a document that is not a Kubernetes object (no kind or apiVersion). */
export function kubernetesUnit(file: string, environment: string, object: JsonObject): KubernetesUnit | undefined {
  const { apiVersion, kind, metadata } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  // A Kustomization names no object: it is the folder's.
  const folderName = kind === 'Kustomization' ? file.slice(0, file.lastIndexOf('/')) : '';
  const name = isJsonObject(metadata) && typeof metadata.name === 'string' ? metadata.name : folderName;
  const namespace = isJsonObject(metadata) && typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  // The group, not the version: `v1beta1` to `v1` is the same object for the API server and Argo
  // CD (a change of the `apiVersion` field), not a removal and an addition. And the folder: each
  // cluster's folder (`terraform-drift-<cluster>/`) holds objects of the same names that Argo CD
  // applies to different clusters; an object that changes folder is paired as a move.
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : 'core';
  const folder = file.slice(0, file.lastIndexOf('/'));
  return {
    engine: 'kubernetes',
    environment,
    key: `${group}/${kind}/${namespace ?? ''}/${name} in ${folder}`,
    file,
    apiVersion,
    kind,
    ...(namespace !== undefined ? { namespace } : {}),
    name,
    body: kind === 'ConfigMap' ? withParsedJsonData(withParsedHelmValues(object)) : withParsedHelmValues(object),
  };
}

/**
 * A ConfigMap's `*.json` entries (Grafana dashboards, read by Grafana's sidecar as JSON files) are
 * compared as JSON, so a changed panel shows as `data."x.json".panels[title=Y]...`, not as lines of
 * a text. An entry that is not valid JSON stays the text it is.
 */
function withParsedJsonData(object: JsonObject): JsonObject {
  const { data } = object;
  if (!isJsonObject(data)) return object;
  const parsed: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(data)) {
    parsed[key] = value;
    if (!key.endsWith('.json') || typeof value !== 'string') continue;
    try {
      parsed[key] = JSON.parse(value) as JsonValue;
    } catch {
      // not JSON: compared as text
    }
  }
  return { ...object, data: parsed };
}

/**
 * Argo CD Applications and ApplicationSets carry Helm values as one YAML string
 * (`spec.source.helm.values`); Argo CD hands it to `helm template --values`. Parsed here, so the diff
 * shows `helm.values.controller.replicas: 2 -> 3` instead of two copies of a long string. A string
 * that is not a YAML mapping stays a string.
 */
function withParsedHelmValues(value: JsonObject): JsonObject {
  return mapObject(value, (key, child, parentKey) => {
    if (key === 'values' && parentKey === 'helm' && typeof child === 'string') {
      // Helm reads one YAML document; one with errors (or several) stays the string Helm would refuse.
      const documents = parseAllDocuments(child);
      const [document] = documents;
      if (documents.length !== 1 || document === undefined || document.errors.length > 0) return child;
      const parsed = document.toJS() as JsonValue;
      return isJsonObject(parsed) ? parsed : child;
    }
    return child;
  });
}

function mapObject(value: JsonObject, replace: (key: string, child: JsonValue, parentKey: string | undefined) => JsonValue, parentKey?: string): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [key, child] of Object.entries(value)) out[key] = walk(replace(key, child, parentKey), replace, key);
  return out;
}

function walk(value: JsonValue, replace: (key: string, child: JsonValue, parentKey: string | undefined) => JsonValue, parentKey: string): JsonValue {
  if (isJsonObject(value)) return mapObject(value, replace, parentKey);
  if (isJsonArray(value)) return value.map((item) => walk(item, replace, parentKey));
  return value;
}
