import type { Cloud } from '../core/cloud';

/**
 * The one definition of the Terraform root modules' names: the folder `dist/terraform/<env>/<name>/`
 * and the state object key of each stack. Plain data, no cdktf: the drift checks (constructs/drift)
 * name the stacks without loading the providers, and the stacks name themselves with the same
 * functions, so the two cannot drift apart.
 */

/** `<cloud>-foundation`: the state store, CI identities and budget of the environment's account. */
export function foundationStackName(cloud: Cloud): string {
  return `${cloud}-foundation`;
}

/** `<cloud>-network-<cluster>`: the network of one cluster. */
export function networkStackName(cloud: Cloud, cluster: string): string {
  return `${cloud}-network-${cluster}`;
}

/** `<cloud>-cluster-<cluster>`: the cluster itself. */
export function clusterStackName(cloud: Cloud, cluster: string): string {
  return `${cloud}-cluster-${cluster}`;
}

/** What the stack names of an environment are made from: its cloud accounts and its clusters. */
export interface StackNamesInput {
  readonly clouds: Partial<Record<Cloud, unknown>>;
  readonly clusters: readonly { readonly name: string; readonly cloud: Cloud; readonly role: 'management' | 'workload' }[];
}

/** The clouds in the order their stacks are applied (and listed). */
export const CLOUD_ORDER: readonly Cloud[] = ['aws', 'azure', 'gcp'];

/**
 * The clusters of `cloud` in the order their stacks are added: the management cluster first,
 * because the other clusters of the cloud read Argo CD's identity from its stack.
 */
export function clustersInApplyOrder<C extends StackNamesInput['clusters'][number]>(clusters: readonly C[], cloud: Cloud): C[] {
  const onCloud = clusters.filter((c) => c.cloud === cloud);
  return [...onCloud.filter((c) => c.role === 'management'), ...onCloud.filter((c) => c.role !== 'management')];
}

/**
 * The Terraform root modules of an environment, in apply order, from its accounts and clusters
 * alone: per cloud with an account, the foundation, then each cluster's network and cluster.
 */
export function terraformStackNames(env: StackNamesInput): { readonly name: string; readonly cloud: Cloud }[] {
  return CLOUD_ORDER.filter((cloud) => env.clouds[cloud] !== undefined).flatMap((cloud) => [
    { name: foundationStackName(cloud), cloud },
    ...clustersInApplyOrder(env.clusters, cloud).flatMap((c) => [
      { name: networkStackName(cloud, c.name), cloud },
      { name: clusterStackName(cloud, c.name), cloud },
    ]),
  ]);
}
