import { type TerraformStack, Testing } from 'cdktf';
import type { TerraformStackEntry } from '../../constructs/terraform/stack-entry';
import type { CiIdentitySpec, EnvironmentSpec, InfrastructureSpec } from '../../environments/types';
import { isRecord } from './hcl-json';

/** Reading the Terraform JSON of synthesized stacks in tests, the same way for every cloud. */

export function stackNamed(entries: readonly TerraformStackEntry[], name: string): TerraformStack {
  const entry = entries.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no stack ${name} in ${entries.map((e) => e.name).join(', ')}`);
  return entry.stack;
}

/** The Terraform JSON of a stack, as an object. */
export function synthJson(stack: TerraformStack): Record<string, unknown> {
  const json: unknown = JSON.parse(Testing.synth(stack));
  if (!isRecord(json)) throw new Error('synth is not an object');
  return json;
}

/** Follows `keys` through nested objects, failing with the path when one is missing. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const [i, key] of keys.entries()) {
    if (!isRecord(current) || !(key in current)) throw new Error(`missing ${keys.slice(0, i + 1).join('.')}`);
    current = current[key];
  }
  return current;
}

/** Resources (or data sources with `kind: 'data'`) of one type, by name. */
export function blocksOf(json: Record<string, unknown>, type: string, kind: 'resource' | 'data' = 'resource'): Record<string, Record<string, unknown>> {
  const group = isRecord(json[kind]) ? json[kind][type] : undefined;
  if (!isRecord(group)) return {};
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, body] of Object.entries(group)) if (isRecord(body)) out[name] = body;
  return out;
}

/** The one resource of `type` named `name`. */
export function block(json: Record<string, unknown>, type: string, name: string, kind: 'resource' | 'data' = 'resource'): Record<string, unknown> {
  const found = blocksOf(json, type, kind)[name];
  if (found === undefined) throw new Error(`no ${kind} ${type}.${name}; have ${Object.keys(blocksOf(json, type, kind)).join(', ') || 'none'}`);
  return found;
}

/** Every string anywhere in `value` (cdktf's `//` metadata left out), for checks over a whole stack. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (isRecord(value))
    return Object.entries(value)
      .filter(([key]) => key !== '//')
      .flatMap(([, v]) => allStrings(v));
  return [];
}

/** `spec` with other infrastructure fields. */
export function withInfrastructure(spec: EnvironmentSpec, infrastructure: Partial<InfrastructureSpec>): EnvironmentSpec {
  return { ...spec, infrastructure: { ...spec.infrastructure, ...infrastructure } };
}

/** `spec` applying from another branch or deployment environment. */
export function withApplyFrom(spec: EnvironmentSpec, applyFrom: CiIdentitySpec['applyFrom']): EnvironmentSpec {
  return withInfrastructure(spec, { ci: { ...spec.infrastructure.ci, applyFrom } });
}
