import { parseAllDocuments } from 'yaml';
import { isJsonArray, isJsonObject } from '../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../estate-unit';

/**
 * The Kubernetes objects of one dist/ YAML file (one or more documents). Objects without `kind`
 * (kustomization.yaml is a Kustomize file, not an object) give nothing: the folders they list are
 * read through the objects themselves.
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
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind === 'Kustomization') return undefined;
  const name = isJsonObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = isJsonObject(metadata) && typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  // The group, not the version: `v1beta1` to `v1` is the same object for the API server and Argo
  // CD (a change of the `apiVersion` field), not a removal and an addition.
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : 'core';
  return {
    engine: 'kubernetes',
    environment,
    key: `${group}/${kind}/${namespace ?? ''}/${name}`,
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
      try {
        const parsed: unknown = parseAllDocuments(child)[0]?.toJS();
        if (isJsonObject(parsed as JsonValue)) return parsed as JsonObject;
      } catch {
        return child;
      }
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
