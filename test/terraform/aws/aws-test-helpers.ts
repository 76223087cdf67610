import { Testing, type TerraformStack } from 'cdktf';
import { awsStacks } from '../../../constructs/terraform/aws/stacks';
import type { TerraformStackEntry } from '../../../constructs/terraform/stack-entry';
import { ENVIRONMENTS } from '../../../environments';
import type { EksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { isRecord } from '../hcl-json';

/** Every environment with an AWS account: the ones the AWS stacks are built for. */
export const AWS_ENVIRONMENTS = ENVIRONMENTS.filter((spec) => spec.clouds.aws !== undefined);

export function envNamed(name: string): EnvironmentSpec {
  const spec = ENVIRONMENTS.find((s) => s.name === name);
  if (spec === undefined) throw new Error(`no environment ${name}`);
  return spec;
}

export function eksClusters(spec: EnvironmentSpec): EksClusterSpec[] {
  return spec.clusters.filter((cluster): cluster is EksClusterSpec => cluster.cloud === 'aws');
}

/** Every (environment, EKS cluster) pair, for `describe.each`. */
export const EKS_CASES = AWS_ENVIRONMENTS.flatMap((spec) => eksClusters(spec).map((cluster) => [`${spec.name}/${cluster.name}`, spec, cluster] as const));

/** The AWS stacks of `spec` in a fresh testing app. */
export function buildAws(spec: EnvironmentSpec): TerraformStackEntry[] {
  return awsStacks(Testing.app(), spec, (name) => name);
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

export interface Statement {
  readonly sid?: string;
  readonly effect?: string;
  readonly actions?: string[];
  readonly resources?: string[];
  readonly principals?: { type: string; identifiers: string[] }[];
  readonly condition?: { test: string; variable: string; values: string[] }[];
}

/** The statements of an `aws_iam_policy_document` data source. */
export function statements(json: Record<string, unknown>, documentName: string): Statement[] {
  const statement = block(json, 'aws_iam_policy_document', documentName, 'data').statement;
  if (!Array.isArray(statement)) throw new Error(`${documentName} has no statements`);
  return statement as Statement[];
}

/** Every string anywhere in `value`, for checks over a whole stack. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (isRecord(value)) return Object.entries(value).filter(([key]) => key !== '//').flatMap(([, v]) => allStrings(v));
  return [];
}
