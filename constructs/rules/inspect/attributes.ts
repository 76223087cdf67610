/**
 * Reading synthesized Terraform attributes. cdktf renders a nested block as an object or as a list
 * of objects depending on its schema (`max_items = 1` or not), and a hand-written override may use
 * either: these helpers accept both, so that rules read the meaning, not the rendering.
 */

export type Attributes = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every block of a nested-block attribute: `[]` when missing, `[obj]` for a single object. */
export function blocks(value: unknown): Attributes[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/** The single block of a nested-block attribute (the first one), or `undefined`. */
export function block(value: unknown): Attributes | undefined {
  return blocks(value)[0];
}

/** The value at a dotted path through nested blocks (`vpc_config.endpoint_public_access`). */
export function at(attributes: Attributes | undefined, path: string): unknown {
  let current: unknown = attributes;
  for (const key of path.split('.')) {
    const here = block(current);
    if (here === undefined) return undefined;
    current = here[key];
  }
  return current;
}

export function stringAt(attributes: Attributes | undefined, path: string): string | undefined {
  const value = at(attributes, path);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A boolean, also when written as the string `"true"`/`"false"` (HCL converts them), `undefined`
 * when missing or not a literal (a reference is not known at synth).
 */
export function boolAt(attributes: Attributes | undefined, path: string): boolean | undefined {
  const value = at(attributes, path);
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A number, also when written as a numeric string; `undefined` when missing or not a literal. */
export function numberAt(attributes: Attributes | undefined, path: string): number | undefined {
  const value = at(attributes, path);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** A list of strings (a single string counts as a list of one); non-strings are dropped. */
export function stringsAt(attributes: Attributes | undefined, path: string): string[] {
  const value = at(attributes, path);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A string map (tags, labels); `{}` when missing. */
export function stringMapAt(attributes: Attributes | undefined, path: string): Record<string, string> {
  const value = at(attributes, path);
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
