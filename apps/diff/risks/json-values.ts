import { isJsonArray, isJsonObject } from '../canonical-json';
import type { JsonObject, JsonValue } from '../estate-unit';

/**
 * Typed reads of unit bodies, shared by the risk rules of every engine folder: a missing step, or a
 * value of another type, reads as absent instead of throwing.
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

/**
 * The text at `path`. A number counts as its text: YAML reads an unquoted `targetRevision: 1.2` or
 * `shard: 1` as a number, and the API server (or Argo CD) takes it as the string it was written as.
 */
export function stringAt(value: JsonValue | undefined, ...path: string[]): string | undefined {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : typeof found === 'number' ? String(found) : undefined;
}

/** The string items of the list at `path` (other items skipped). */
export function stringsAt(value: JsonValue | undefined, ...path: string[]): string[] {
  return listAt(value, ...path).flatMap((item) => (typeof item === 'string' ? [item] : []));
}

/**
 * A wildcard match of the whole text: `*` any run of characters (line breaks included), `?` exactly
 * one, everything else literal (IAM action and resource patterns read the same, IAM actions without
 * case: `caseInsensitive`). This is Kyverno's `wildcard.Match` (github.com/kyverno/kyverno
 * ext/wildcard, v1.19), used for exception rule names and match kinds, names and namespaces.
 */
export function wildcardMatches(pattern: string, text: string, caseInsensitive = false): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, caseInsensitive ? 'is' : 's').test(text);
}
