import { Testing, type TerraformStack } from 'cdktf';
import { azureStacks } from '../../../constructs/terraform/azure/stacks';
import type { TerraformStackEntry } from '../../../constructs/terraform/stack-entry';
import { ENVIRONMENTS } from '../../../environments';
import type { AksClusterSpec, CiIdentitySpec, EnvironmentSpec, InfrastructureSpec } from '../../../environments/types';
import { isRecord } from '../hcl-json';

/** Every environment with an Azure subscription: the ones the Azure stacks are built for. */
export const AZURE_ENVIRONMENTS = ENVIRONMENTS.filter((spec) => spec.clouds.azure !== undefined);

export function aksClusters(spec: EnvironmentSpec): AksClusterSpec[] {
  return spec.clusters.filter((cluster): cluster is AksClusterSpec => cluster.cloud === 'azure');
}

/** Every (environment, AKS cluster) pair, for `describe.each`. */
export const AKS_CASES = AZURE_ENVIRONMENTS.flatMap((spec) => aksClusters(spec).map((cluster) => [`${spec.name}/${cluster.name}`, spec, cluster] as const));

/** The first environment with an AKS cluster: the base of the variant specs below. */
export function azureBase(): { spec: EnvironmentSpec; cluster: AksClusterSpec } {
  const [first] = AKS_CASES;
  if (first === undefined) throw new Error('no environment has an AKS cluster');
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

/** `spec` with its AKS cluster `name` changed by `change`. */
export function withAksCluster(spec: EnvironmentSpec, name: string, change: (cluster: AksClusterSpec) => AksClusterSpec): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((c) => (c.cloud === 'azure' && c.name === name ? change(c) : c)) };
}

/** A second AKS cluster of `spec`, a workload cluster managed by the environment's Argo CD. */
export function secondAksCluster(spec: EnvironmentSpec, base: AksClusterSpec): AksClusterSpec {
  return { ...base, name: `${spec.name}-aks-second`, role: 'workload', networkCidr: '10.99.0.0/16' };
}

/** The Azure stacks of `spec` in a fresh testing app. */
export function buildAzure(spec: EnvironmentSpec): TerraformStackEntry[] {
  return azureStacks(Testing.app(), spec, (name) => name);
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

/** The JSON of the stack `name` of `spec`'s Azure stacks. */
export function azureJson(spec: EnvironmentSpec, name: string): Record<string, unknown> {
  return synthJson(stackNamed(buildAzure(spec), name));
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
  if (isRecord(value)) return Object.entries(value).filter(([key]) => key !== '//').flatMap(([, v]) => allStrings(v));
  return [];
}

/** `${data.terraform_remote_state.<id>.outputs.<name>}`: how a stack reads another stack's output. */
export function remoteOutput(remoteId: string, output: string): string {
  return `\${data.terraform_remote_state.${remoteId}.outputs.${output}}`;
}
