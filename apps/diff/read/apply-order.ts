import { isJsonArray, isJsonObject } from '../canonical-json';
import type { JsonValue } from '../estate-unit';

/** One stack's place in dist/terraform/<env>/apply-order.json. */
export interface StackOrder {
  readonly stack: string;
  readonly dependsOn: readonly string[];
}

export function applyOrder(path: string, text: string): StackOrder[] {
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new Error(`${path}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonArray(parsed)) return [];
  return parsed.flatMap((entry) =>
    isJsonObject(entry) && typeof entry.stack === 'string' && isJsonArray(entry.dependsOn)
      ? [{ stack: entry.stack, dependsOn: entry.dependsOn.filter((d): d is string => typeof d === 'string') }]
      : [],
  );
}
