import { TerraformOutput, type TerraformRemoteState, type TerraformStack } from 'cdktf';

/**
 * Cross-stack values as typed contracts. A producing stack publishes the outputs of a shape and a
 * consuming stack reads the same shape through a remote-state data source, so the names and kinds
 * on both sides come from one constant and cannot drift apart: no copied ARNs, ids or strings.
 */
export type OutputKind = 'string' | 'list';

export type OutputShape = Readonly<Record<string, OutputKind>>;

export type OutputValues<S extends OutputShape> = { readonly [K in keyof S]: S[K] extends 'list' ? string[] : string };

/** Declares one `output` per key of the shape, with its description. */
export function publishOutputs<S extends OutputShape>(stack: TerraformStack, shape: S, values: OutputValues<S>, descriptions: { readonly [K in keyof S]: string }): void {
  for (const name of Object.keys(shape) as (keyof S & string)[]) {
    new TerraformOutput(stack, name, { value: values[name], description: descriptions[name] });
  }
}

/** Reads a shape's outputs from another stack's state as Terraform references. */
export function readOutputs<S extends OutputShape>(remote: TerraformRemoteState, shape: S): OutputValues<S> {
  const values: Record<string, string | string[]> = {};
  for (const [name, kind] of Object.entries(shape)) values[name] = kind === 'list' ? remote.getList(name) : remote.getString(name);
  return values as OutputValues<S>;
}
