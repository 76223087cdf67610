import { Testing } from 'cdktf';
import { azureEstate } from '../../../constructs/terraform/azure/estate';
import { AzureFoundationStack } from '../../../constructs/terraform/azure/foundation-stack';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import { ReadableNamesStack } from '../../../constructs/terraform/readable-names-stack';
import type { TerraformStackEntry } from '../../../constructs/terraform/stack-entry';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import type { AksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { TF_ESTATE } from '../terraform-fixtures';
import { stackNamed, synthJson } from '../terraform-json';

/** Every fixture environment with an Azure subscription: the ones the Azure stacks are built for. */
export const AZURE_ENVIRONMENTS = TF_ESTATE.filter((spec) => spec.clouds.azure !== undefined);

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
  return addCloudStacks(azureEstate, Testing.app(), spec, (name) => name);
}

/** The JSON of the stack `name` of `spec`'s Azure stacks. */
export function azureJson(spec: EnvironmentSpec, name: string): Record<string, unknown> {
  return synthJson(stackNamed(buildAzure(spec), name));
}

/** `${data.terraform_remote_state.<id>.outputs.<name>}`: how a stack reads another stack's output. */
export function remoteOutput(remoteId: string, output: string): string {
  return `\${data.terraform_remote_state.${remoteId}.outputs.${output}}`;
}

/** The JSON of `spec`'s AzureFoundationStack, built alone. */
export function foundationJson(spec: EnvironmentSpec): Record<string, unknown> {
  return synthJson(new AzureFoundationStack(Testing.app(), foundationStackName('azure'), AzureFoundationStack.propsFromSpec(spec)!));
}

/** A stack of the kind the Azure stacks are, so resources get their readable names. */
export class ProbeStack extends ReadableNamesStack {}
