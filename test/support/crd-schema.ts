import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates objects against the upstream CRD schemas vendored in test/schemas, the way the API
 * server does with strict field validation: a field the structural schema does not declare is an
 * error unless the schema preserves unknown fields there.
 */
const SCHEMA_DIR = join(__dirname, '..', 'schemas');

type Schema = { readonly [key: string]: unknown };

function forbidUnknownFields(schema: unknown, insideCombinator: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => forbidUnknownFields(s, insideCombinator));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (['enum', 'default', 'example', 'required', 'x-kubernetes-validations', 'x-kubernetes-list-map-keys'].includes(key)) out[key] = value;
    else if (key === 'properties') {
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, forbidUnknownFields(sub, false)]));
    } else out[key] = forbidUnknownFields(value, insideCombinator || ['anyOf', 'oneOf', 'allOf', 'not'].includes(key));
  }
  if (!insideCombinator && out.properties !== undefined && out['x-kubernetes-preserve-unknown-fields'] !== true && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * Kubernetes schema patterns are Go RE2: JavaScript has no inline flag groups such as `(?i)`
 * (prometheus-operator uses them), so they become RegExp flags.
 */
function kubernetesRegExp(pattern: string, flags?: string): RegExp {
  const all = new Set((flags ?? '').split('').filter((f) => f !== ''));
  const source = pattern.replace(/\(\?([ims]+)\)/g, (_, inline: string) => {
    for (const flag of inline) all.add(flag);
    return '';
  });
  return new RegExp(source, [...all].join(''));
}
kubernetesRegExp.code = 'kubernetesRegExp';

const ajv = new Ajv({ strict: false, allErrors: true, code: { regExp: kubernetesRegExp } });
addFormats(ajv);
// Kubernetes' `int-or-string`, and Go durations under `duration`, are not ajv-formats' notions.
for (const format of ['int-or-string', 'duration', 'datetime']) ajv.addFormat(format, true);

const compiled = new Map<string, ValidateFunction>();

function validatorFor(apiVersion: string, kind: string): ValidateFunction {
  const key = `${apiVersion}/${kind}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const schema: unknown = JSON.parse(readFileSync(join(SCHEMA_DIR, apiVersion, `${kind}.json`), 'utf8'));
    validate = ajv.compile(forbidUnknownFields(schema, false) as Schema);
    compiled.set(key, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` '${String((error.params as { additionalProperty: string }).additionalProperty)}'` : '';
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${extra}`;
}

/** The schema errors of one object; empty when it is valid. */
export function crdSchemaErrors(manifest: { readonly apiVersion: string; readonly kind: string }): string[] {
  const validate = validatorFor(manifest.apiVersion, manifest.kind);
  return validate(manifest) ? [] : (validate.errors ?? []).map(describe);
}
