import { Testing } from 'cdktf';
import { awsEstate } from '../../../constructs/terraform/aws/estate';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import type { TerraformStackEntry } from '../../../constructs/terraform/stack-entry';
import type { EksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { TF_ESTATE } from '../terraform-fixtures';
import { block, blocksOf } from '../terraform-json';

/** Every fixture environment with an AWS account: the ones the AWS stacks are built for. */
export const AWS_ENVIRONMENTS = TF_ESTATE.filter((spec) => spec.clouds.aws !== undefined);

export function eksClusters(spec: EnvironmentSpec): EksClusterSpec[] {
  return spec.clusters.filter((cluster): cluster is EksClusterSpec => cluster.cloud === 'aws');
}

/** Every (environment, EKS cluster) pair, for `describe.each`. */
export const EKS_CASES = AWS_ENVIRONMENTS.flatMap((spec) => eksClusters(spec).map((cluster) => [`${spec.name}/${cluster.name}`, spec, cluster] as const));

/** The AWS stacks of `spec` in a fresh testing app. */
export function buildAws(spec: EnvironmentSpec): TerraformStackEntry[] {
  return addCloudStacks(awsEstate, Testing.app(), spec, (name) => name);
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

/** The one block of `type` in a probe stack (names there are cdktf's hashed defaults). */
export function only(json: Record<string, unknown>, type: string, kind: 'resource' | 'data' = 'resource'): Record<string, unknown> {
  const found = Object.values(blocksOf(json, type, kind));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}
