import { parse } from '@cdktf/hcl2json';

/**
 * Brings cdktf's JSON synth of a stack into the shape `@cdktf/hcl2json` gives for the HCL synth
 * of the same stack, so that the two can be compared with `toEqual`. Only representational
 * differences that mean the same Terraform configuration are removed; anything else (a changed,
 * missing or extra attribute, a string that became a number, a block that became a map attribute)
 * survives and fails the comparison.
 *
 * `shape` is the parsed HCL at the same position; it only decides where normalisation 2 applies.
 */
export function normaliseJson(json: unknown, shape: unknown): unknown {
  if (Array.isArray(json)) {
    const shapes = Array.isArray(shape) ? shape : [];
    return json.map((item, i) => normaliseJson(item, shapes[i]));
  }
  if (isRecord(json)) {
    // 2. Blocks. Terraform JSON writes a block that occurs once as an object (cdktf does so for
    //    `versioning_configuration`, `lifecycle`, each resource body, `terraform`, ...) while
    //    hcl2json returns every block, and every label level of labelled blocks (resource, data,
    //    provider, output, backend), as an array of objects. Wrap the object where the parsed HCL
    //    holds a one-element array; where the HCL holds an object (a map attribute such as `tags`)
    //    it stays an object, so a block rendered as `x = { ... }` is still caught.
    if (Array.isArray(shape) && shape.length === 1 && isRecord(shape[0])) {
      return [normaliseRecord(json, shape[0])];
    }
    return normaliseRecord(json, shape);
  }
  return json;
}

function normaliseRecord(json: Record<string, unknown>, shape: unknown): Record<string, unknown> {
  const shapes = isRecord(shape) ? shape : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    // 1. `//` keys are cdktf metadata (construct paths, stack name, version) that the JSON carries
    //    and the HCL renderer leaves out; Terraform ignores them.
    if (key === '//') continue;
    // 3. References in meta-arguments: `depends_on` and `ignore_changes` entries and `provider`.
    //    Terraform JSON spells each as a plain string (`"aws_s3_bucket.b"`, `"google.billing"`);
    //    in HCL they are bare references, which hcl2json returns as `"${aws_s3_bucket.b}"`. Same
    //    reference, two spellings.
    const asReference = (ref: unknown): unknown => (typeof ref === 'string' && !ref.startsWith('${') ? `\${${ref}}` : ref);
    if ((key === 'depends_on' || key === 'ignore_changes') && Array.isArray(value)) {
      out[key] = value.map(asReference);
      continue;
    }
    if (key === 'provider' && typeof value === 'string') {
      out[key] = asReference(value);
      continue;
    }
    // 4. Zero nested blocks. Terraform JSON writes a repeatable block with no occurrence as an
    //    empty array (cdktf does so for a private GKE cluster's `cidr_blocks`); HCL writes one
    //    block per element, so none at all. An empty list *attribute* is still written `x = []`
    //    and parsed back, so only a key the HCL lacks entirely is dropped.
    if (Array.isArray(value) && value.length === 0 && isRecord(shape) && !(key in shape)) continue;
    out[key] = normaliseJson(value, shapes[key]);
  }
  return out;
}

/** The parsed HCL and the normalised JSON of one stack, ready for `expect(hcl).toEqual(json)`. */
export async function hclAndJson(hcl: string, json: unknown): Promise<{ hcl: unknown; json: unknown }> {
  const parsed: unknown = await parse('main.tf', hcl);
  return { hcl: parsed, json: normaliseJson(json, parsed) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
