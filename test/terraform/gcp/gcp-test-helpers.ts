import { Testing, type TerraformStack } from 'cdktf';
import { gcpStacks } from '../../../constructs/terraform/gcp/stacks';
import type { TerraformStackEntry } from '../../../constructs/terraform/stack-entry';
import { ENVIRONMENTS } from '../../../environments';
import type { CiIdentitySpec, EnvironmentSpec, GkeClusterSpec, InfrastructureSpec } from '../../../environments/types';
import { isRecord } from '../hcl-json';

/** Every environment with a GCP project: the ones the GCP stacks are built for. */
export const GCP_ENVIRONMENTS = ENVIRONMENTS.filter((spec) => spec.clouds.gcp !== undefined);

export function gkeClusters(spec: EnvironmentSpec): GkeClusterSpec[] {
  return spec.clusters.filter((cluster): cluster is GkeClusterSpec => cluster.cloud === 'gcp');
}

/** Every (environment, GKE cluster) pair, for `describe.each`. */
export const GKE_CASES = GCP_ENVIRONMENTS.flatMap((spec) => gkeClusters(spec).map((cluster) => [`${spec.name}/${cluster.name}`, spec, cluster] as const));

/** The first environment with a GKE cluster: the base of the variant specs below. */
export function gcpBase(): { spec: EnvironmentSpec; cluster: GkeClusterSpec } {
  const [first] = GKE_CASES;
  if (first === undefined) throw new Error('no environment has a GKE cluster');
  return { spec: first[1], cluster: first[2] };
}

/** `spec` with other infrastructure fields. */
export function withInfrastructure(spec: EnvironmentSpec, infrastructure: Partial<InfrastructureSpec>): EnvironmentSpec {
  return { ...spec, infrastructure: { ...spec.infrastructure, ...infrastructure } };
}

/** `spec` applying from another branch or deployment environment. */
export function withApplyFrom(spec: EnvironmentSpec, applyFrom: CiIdentitySpec['applyFrom']): EnvironmentSpec {
  return withInfrastructure(spec, { ci: { ...spec.infrastructure.ci, applyFrom } });
}

/** `spec` with its GKE cluster `name` changed by `change`. */
export function withCluster(spec: EnvironmentSpec, name: string, change: (cluster: GkeClusterSpec) => GkeClusterSpec): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((c) => (c.cloud === 'gcp' && c.name === name ? change(c) : c)) };
}

/** The GCP stacks of `spec` in a fresh testing app. */
export function buildGcp(spec: EnvironmentSpec): TerraformStackEntry[] {
  return gcpStacks(Testing.app(), spec, (name) => name);
}

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

/** The JSON of the stack `name` of `spec`'s GCP stacks. */
export function gcpJson(spec: EnvironmentSpec, name: string): Record<string, unknown> {
  return synthJson(stackNamed(buildGcp(spec), name));
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

/** Every string anywhere in `value`, for checks over a whole stack. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (isRecord(value)) return Object.entries(value).filter(([key]) => key !== '//').flatMap(([, v]) => allStrings(v));
  return [];
}
