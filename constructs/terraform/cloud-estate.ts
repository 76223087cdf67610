import type { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Cloud } from '../core/cloud';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { buildPlans, type StackBuildHook, type TerraformStackEntry, type TerraformStackPlan } from './stack-entry';
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
  /**
   * Which of its management cluster's stacks a workload cluster's stack reads besides its
   * foundation and its network, when the management cluster is on this cloud (`managed`). Named,
   * not built: the apply order is known before any stack is.
   */
  clusterReads(cluster: K, managed: boolean): readonly (keyof ManagementStacks<N, C>)[];
}

/**
 * Plans the stacks of one cloud for one environment, in apply order: the foundation, then for each
 * cluster of the cloud (management cluster first) its network and the cluster. None when the
 * environment has no account there. `stackId` maps a stack name to its construct id. Each plan's
 * `dependsOn` names the stacks it is given as objects: those whose state it reads.
 *
 * Nothing is built until a plan's `build()` is called, once at most; building a stack builds the
 * stacks it stands on first. So a caller that needs one stack builds it and its producers only,
 * and `hook` (when given) wraps each build, with the stack's name (the synth cache records there
 * what each stack read of the environment).
 */
export function planCloudStacks<K extends ClusterSpec, F extends TerraformStack, N extends TerraformStack, C extends TerraformStack>(
  estate: CloudEstate<K, F, N, C>,
  scope: Construct,
  environment: TerraformEnvironment,
  stackId: (name: string) => string,
  hook: StackBuildHook = (_name, build) => build(),
): TerraformStackPlan[] {
  const clusters = clustersInApplyOrder(
    environment.clusters.filter((c): c is K => estate.isOnCloud(c)),
    estate.cloud,
  );
  if (!estate.usedBy(environment, clusters)) return [];
  const plans: TerraformStackPlan[] = [];
  const plan = <S extends TerraformStack>(name: string, build: (id: string) => S, reads: readonly { readonly name: string }[]): (() => S) => {
    let built: S | undefined;
    const once = (): S => {
      built ??= hook(name, () => build(stackId(name)));
      return built;
    };
    plans.push({ name, dependsOn: reads.map((read) => read.name), build: once });
    return once;
  };

  const foundationName = foundationStackName(estate.cloud);
  const foundation = plan(foundationName, (id) => estate.foundation(scope, id, environment), []);
  let management: { readonly network: { name: string; build: () => N }; readonly cluster: { name: string; build: () => C } } | undefined;
  for (const cluster of clusters) {
    const networkName = networkStackName(estate.cloud, cluster.name);
    const network = plan(networkName, (id) => estate.network(scope, id, environment, cluster, foundation()), [{ name: foundationName }]);
    const managedBy = cluster.role === 'workload' ? management : undefined;
    const inputs = (): ClusterStackInputs<F, N, C> => ({
      foundation: foundation(),
      network: network(),
      ...(managedBy === undefined ? {} : { management: { network: managedBy.network.build(), cluster: managedBy.cluster.build() } }),
    });
    const managementReads = managedBy === undefined ? [] : estate.clusterReads(cluster, true).map((role) => managedBy[role]);
    const clusterName = clusterStackName(estate.cloud, cluster.name);
    const stack = plan(clusterName, (id) => estate.cluster(scope, id, environment, cluster, inputs()), [{ name: foundationName }, { name: networkName }, ...managementReads]);
    if (cluster.role === 'management') management = { network: { name: networkName, build: network }, cluster: { name: clusterName, build: stack } };
  }
  return plans;
}

/**
 * Adds the stacks of one cloud for one environment, in apply order (see `planCloudStacks`), every
 * one built.
 */
export function addCloudStacks<K extends ClusterSpec, F extends TerraformStack, N extends TerraformStack, C extends TerraformStack>(
  estate: CloudEstate<K, F, N, C>,
  scope: Construct,
  environment: TerraformEnvironment,
  stackId: (name: string) => string,
): TerraformStackEntry[] {
  return buildPlans(planCloudStacks(estate, scope, environment, stackId));
}
