import { parseAllDocuments } from 'yaml';
import { isJsonArray, isJsonObject } from '../canonical-json';
import type { JsonValue } from '../estate-unit';

/** The `resources` of a kustomization.yaml: the files and folders Kustomize (so Argo CD) builds the folder from. */
export function kustomizationResources(path: string, text: string): string[] {
  const [document] = parseAllDocuments(text);
  if (document === undefined) return [];
  if (document.errors.length > 0) throw new Error(`${path}: not valid YAML: ${document.errors[0]?.message ?? ''}`);
  const body = document.toJS() as JsonValue;
  const resources = isJsonObject(body) ? body.resources : undefined;
  return isJsonArray(resources) ? resources.filter((r): r is string => typeof r === 'string') : [];
}
