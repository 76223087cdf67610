import type { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Cloud } from '../core/cloud';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { TerraformStackEntry } from './stack-entry';
import { clusterStackName, clustersInApplyOrder, foundationStackName, networkStackName } from './stack-names';
import type { TerraformEnvironment } from './terraform-environment';

/** The stacks of the cloud's management cluster (where Argo CD runs), as a workload cluster sees them. */
export interface ManagementStacks<N extends TerraformStack, C extends TerraformStack> {
  readonly network: N;
  readonly cluster: C;
}

/** The stacks a cluster stack stands on, as objects: it reads their outputs through their state. */
export interface ClusterStackInputs<F extends TerraformStack, N extends TerraformStack, C extends TerraformStack> {
  readonly foundation: F;
  readonly network: N;
  /**
   * The management cluster's stacks, for a workload cluster when the management cluster is on the
   * same cloud (added first, see `clustersInApplyOrder`).
   * @default - none: the cluster is the management cluster, or Argo CD runs on another cloud
   */
  readonly management?: ManagementStacks<N, C>;
}

/**
 * What each cloud implements once (constructs/terraform/<cloud>/estate.ts): the three layers
 * every cloud has, built from the environment's narrow Terraform view and the stacks they stand
 * on. Naming, apply order and dependencies are the same for every cloud and live in
 * `addCloudStacks`, so a cloud cannot wire them differently.
 *
 * - foundation: the state store of the environment's account, the CI identities, the budget and
 *   the compliance report store;
 * - network: one per cluster, in the cluster's region;
 * - cluster: the managed cluster, Argo CD's identity on it and the workload identities of the
 *   observability workloads (Terraform drift check, policy-reporter, Fluent Bit).
 */
export interface CloudEstate<
  K extends ClusterSpec = ClusterSpec,
  F extends TerraformStack = TerraformStack,
  N extends TerraformStack = TerraformStack,
  C extends TerraformStack = TerraformStack,
> {
  readonly cloud: K['cloud'] & Cloud;
  /** Whether `cluster` runs on this cloud. */
  isOnCloud(cluster: ClusterSpec): cluster is K;
  /**
   * Whether the environment has an account on this cloud. Throws, naming the fix, when it has
   * clusters here that cannot be built (no account, or a layout the cloud cannot wire).
   */
  usedBy(environment: TerraformEnvironment, clusters: readonly K[]): boolean;
  foundation(scope: Construct, id: string, environment: TerraformEnvironment): F;
  network(scope: Construct, id: string, environment: TerraformEnvironment, cluster: K, foundation: F): N;
  cluster(scope: Construct, id: string, environment: TerraformEnvironment, cluster: K, inputs: ClusterStackInputs<F, N, C>): C;
  /** The stacks a cluster stack reads besides its foundation and its network (its management cluster's). */
  clusterReads(cluster: K, inputs: ClusterStackInputs<F, N, C>): readonly TerraformStack[];
}

/**
 * Adds the stacks of one cloud for one environment, in apply order: the foundation, then for each
 * cluster of the cloud (management cluster first) its network and the cluster. None when the
 * environment has no account there. `stackId` maps a stack name to its construct id. Each entry's
 * `dependsOn` names the stacks it was given as objects: those whose state it reads.
 */
export function addCloudStacks<K extends ClusterSpec, F extends TerraformStack, N extends TerraformStack, C extends TerraformStack>(
  estate: CloudEstate<K, F, N, C>,
  scope: Construct,
  environment: TerraformEnvironment,
  stackId: (name: string) => string,
): TerraformStackEntry[] {
  const clusters = clustersInApplyOrder(
    environment.clusters.filter((c): c is K => estate.isOnCloud(c)),
    estate.cloud,
  );
  if (!estate.usedBy(environment, clusters)) return [];
  const names = new Map<TerraformStack, string>();
  const entries: TerraformStackEntry[] = [];
  const add = <S extends TerraformStack>(name: string, build: (id: string) => S, reads: readonly TerraformStack[]): S => {
    const stack = build(stackId(name));
    names.set(stack, name);
    entries.push({ name, stack, dependsOn: reads.map((read) => nameOf(names, read, name)) });
    return stack;
  };

  const foundation = add(foundationStackName(estate.cloud), (id) => estate.foundation(scope, id, environment), []);
  let management: ManagementStacks<N, C> | undefined;
  for (const cluster of clusters) {
    const network = add(networkStackName(estate.cloud, cluster.name), (id) => estate.network(scope, id, environment, cluster, foundation), [foundation]);
    const inputs: ClusterStackInputs<F, N, C> = { foundation, network, ...(cluster.role === 'workload' && management !== undefined ? { management } : {}) };
    const stack = add(clusterStackName(estate.cloud, cluster.name), (id) => estate.cluster(scope, id, environment, cluster, inputs), [
      foundation,
      network,
      ...estate.clusterReads(cluster, inputs),
    ]);
    if (cluster.role === 'management') management = { network, cluster: stack };
  }
  return entries;
}

function nameOf(names: ReadonlyMap<TerraformStack, string>, stack: TerraformStack, reader: string): string {
  const name = names.get(stack);
  if (name === undefined) throw new Error(`${reader} reads the state of ${stack.node.path}, which is not a stack added before it`);
  return name;
}
