import { Testing } from 'cdktf';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import { gcpEstate } from '../../../constructs/terraform/gcp/estate';
import { GcpFoundationStack } from '../../../constructs/terraform/gcp/foundation-stack';
import type { TerraformStackEntry } from '../../../constructs/terraform/stack-entry';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import type { EnvironmentSpec, GkeClusterSpec } from '../../../environments/types';
import { TF_ESTATE } from '../terraform-fixtures';
import { stackNamed, synthJson } from '../terraform-json';

/** Every fixture environment with a GCP project: the ones the GCP stacks are built for. */
export const GCP_ENVIRONMENTS = TF_ESTATE.filter((spec) => spec.clouds.gcp !== undefined);

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

/** `spec` with its GKE cluster `name` changed by `change`. */
export function withCluster(spec: EnvironmentSpec, name: string, change: (cluster: GkeClusterSpec) => GkeClusterSpec): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((c) => (c.cloud === 'gcp' && c.name === name ? change(c) : c)) };
}

/** The GCP stacks of `spec` in a fresh testing app. */
export function buildGcp(spec: EnvironmentSpec): TerraformStackEntry[] {
  return addCloudStacks(gcpEstate, Testing.app(), spec, (name) => name);
}

/** The JSON of the stack `name` of `spec`'s GCP stacks. */
export function gcpJson(spec: EnvironmentSpec, name: string): Record<string, unknown> {
  return synthJson(stackNamed(buildGcp(spec), name));
}

/** The JSON of `spec`'s GcpFoundationStack, built alone. */
export function foundationJson(spec: EnvironmentSpec): Record<string, unknown> {
  return synthJson(new GcpFoundationStack(Testing.app(), foundationStackName('gcp'), { spec }));
}
