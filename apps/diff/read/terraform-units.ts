import { isJsonArray, isJsonObject } from '../canonical-json';
import type { JsonObject, JsonValue, TerraformUnit } from '../estate-unit';

/** A `moved { from = a, to = b }` block of a stack: Terraform moves the state of `from` to `to`. */
export interface DeclaredMove {
  readonly from: string;
  readonly to: string;
}

export interface StackUnits {
  readonly units: readonly TerraformUnit[];
  readonly moves: readonly DeclaredMove[];
}

type Block = TerraformUnit['block'];

/**
 * The top-level blocks of one stack's main.tf, from the JSON `@cdktf/hcl2json` gives for it (the
 * HCL parser of cdktf, the library that wrote the file): every block is a list of bodies, every
 * label a level of objects (`resource.<type>.<name>[0]`). Each body becomes one unit keyed by its
 * Terraform address, so a reordering of the file changes nothing.
 */
export function terraformUnits(file: string, environment: string, stack: string, hcl: JsonObject): StackUnits {
  const units: TerraformUnit[] = [];
  const moves: DeclaredMove[] = [];
  const add = (address: string, block: Block, body: JsonValue | undefined, type?: string): void => {
    if (!isJsonObject(body)) return;
    units.push({ engine: 'terraform', environment, stack, key: `${stack}/${address}`, file, address, block, ...(type !== undefined ? { type } : {}), body });
  };
  for (const [type, byName] of labelled(hcl.resource)) for (const [name, body] of labelled(byName)) add(`${type}.${name}`, 'resource', body, type);
  for (const [type, byName] of labelled(hcl.data)) for (const [name, body] of labelled(byName)) add(`data.${type}.${name}`, 'data', body, type);
  for (const [name, body] of labelled(hcl.module)) add(`module.${name}`, 'module', body);
  for (const [name, body] of labelled(hcl.output)) add(`output.${name}`, 'output', body);
  for (const [name, body] of labelled(hcl.variable)) add(`variable.${name}`, 'variable', body);
  // Several `locals` (or `terraform`) blocks of one stack are numbered after the first, in file order.
  for (const [i, locals] of blocks(hcl.locals).entries()) add(i === 0 ? 'locals' : `locals#${i + 1}`, 'locals', locals);
  // Several provider blocks of one name differ by alias: `provider.aws`, `provider.aws.replica`.
  for (const [name, bodies] of entries(hcl.provider)) {
    for (const body of blocks(bodies)) add(isJsonObject(body) && typeof body.alias === 'string' ? `provider.${name}.${body.alias}` : `provider.${name}`, 'provider', body, name);
  }
  blocks(hcl.terraform).forEach((terraform, i) => {
    if (!isJsonObject(terraform)) return;
    const n = i === 0 ? '' : `#${i + 1}`;
    const { backend, required_providers, ...rest } = terraform;
    for (const [type, body] of labelled(backend)) add(`terraform.backend${n}`, 'backend', body, type);
    for (const body of blocks(required_providers)) add(`terraform.required_providers${n}`, 'required_providers', body);
    if (Object.keys(rest).length > 0) add(`terraform${n}`, 'terraform', rest);
  });
  for (const moved of blocks(hcl.moved)) {
    if (isJsonObject(moved) && typeof moved.from === 'string' && typeof moved.to === 'string') moves.push({ from: bareReference(moved.from), to: bareReference(moved.to) });
  }
  return { units, moves };
}

/** hcl2json writes references as `${aws_s3_bucket.state}`; a moved block names addresses. */
function bareReference(expression: string): string {
  return expression.replace(/^\$\{(.*)\}$/, '$1');
}

function entries(value: JsonValue | undefined): [string, JsonValue][] {
  return isJsonObject(value) ? Object.entries(value) : [];
}

function blocks(value: JsonValue | undefined): readonly JsonValue[] {
  return isJsonArray(value) ? value : value === undefined ? [] : [value];
}

/** A labelled level: `{ label: [body] }` or `{ label: { nextLabel: [body] } }`; a body list of one is unwrapped. */
function labelled(value: JsonValue | undefined): [string, JsonValue][] {
  return entries(value).map(([label, child]) => [label, isJsonArray(child) && child.length === 1 && child[0] !== undefined ? child[0] : child]);
}
