import { isJsonArray, isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue, TerraformUnit } from '../../estate-unit';

/**
 * Readers of Terraform block bodies as `@cdktf/hcl2json` gives them (apps/diff/read/terraform-units.ts):
 * attributes are values, every nested block is a list of bodies (`rule[0].apply_server_side_encryption_by_default[0]`),
 * and references are strings (`${aws_s3_bucket.bucket.id}`).
 */

/** The bodies of nested block `name` (`notification` of a budget): an empty list when there is none. */
export function nestedBlocks(body: JsonObject | undefined, name: string): JsonObject[] {
  const value = body?.[name];
  if (isJsonArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}

/**
 * The value at a dotted path of attribute and block names (`rule.apply_server_side_encryption_by_default.sse_algorithm`),
 * going into the first body of each nested block: the estate writes single blocks (MaxItems 1) that way.
 */
export function valueAt(body: JsonObject | undefined, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = body;
  for (const name of path.split('.')) {
    if (isJsonArray(current) && isJsonObject(current[0])) current = current[0];
    if (!isJsonObject(current)) return undefined;
    current = current[name];
  }
  return current;
}

export function stringAt(body: JsonObject | undefined, path: string): string | undefined {
  const value = valueAt(body, path);
  return typeof value === 'string' ? value : undefined;
}

/** A boolean attribute; HCL written by hand may quote it. */
export function booleanAt(body: JsonObject | undefined, path: string): boolean | undefined {
  const value = valueAt(body, path);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** A number attribute; Terraform converts a numeric string (`limit_amount = "20000"`). */
export function numberAt(body: JsonObject | undefined, path: string): number | undefined {
  const value = valueAt(body, path);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** The strings of a list attribute (`actions`, `client_id_list`), or of a single string. */
export function stringsAt(body: JsonObject | undefined, path: string): string[] {
  const value = valueAt(body, path);
  if (typeof value === 'string') return [value];
  return isJsonArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `${...}`: a value Terraform only knows at plan time (another resource's attribute). */
export function isReference(value: string): boolean {
  return /^\$\{.*\}$/s.test(value);
}

/** `lifecycle { prevent_destroy = true }`: Terraform refuses a plan that destroys the resource while the block is in the configuration. */
export function preventsDestroy(body: JsonObject | undefined): boolean {
  return nestedBlocks(body, 'lifecycle').some((lifecycle) => lifecycle.prevent_destroy === true || lifecycle.prevent_destroy === 'true');
}

/** A FieldChange path as the provider schema names it: `rule[0].status` and `rule[id=x].status` -> `rule.status`. */
export function schemaPath(fieldPath: string): string {
  return fieldPath.replace(/\[[^\]]*\]/g, '');
}

/** A value for a one-line reason: short, references kept as written, `(none)` when absent. */
export function show(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The resource's own name for a reviewer (`name`, `bucket`), when the block gives one as a literal. */
export function resourceName(unit: TerraformUnit): string | undefined {
  for (const attribute of ['name', 'bucket', 'display_name']) {
    const value = stringAt(unit.body, attribute);
    if (value !== undefined && !isReference(value)) return value;
  }
  return undefined;
}
