import { driftCheckCluster, type StackEnvironment } from '../core/observability-contract';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { terraformStackNames } from '../terraform/stack-names';
import type { TerraformStackRef } from './terraform-drift-check';

/** A cluster that runs Terraform drift checks, and the stacks it checks. */
export interface DriftCheckRunner {
  readonly cluster: ClusterSpec;
  readonly stacks: readonly TerraformStackRef[];
  /** The folder of its manifests under `dist/k8s/<env>/`, synced to it alone. */
  readonly component: string;
}

/**
 * The clusters that run the environment's drift checks (`driftCheckCluster` of each cloud), each
 * with its stacks in apply order. A cloud account without a cluster has no identity to plan its
 * stacks with, so its stacks are not checked.
 */
export function driftCheckRunners(spec: StackEnvironment): DriftCheckRunner[] {
  const byCluster = new Map<string, { cluster: ClusterSpec; stacks: TerraformStackRef[] }>();
  for (const stack of terraformStackNames(spec)) {
    const cluster = driftCheckCluster(spec, stack.cloud);
    if (cluster === undefined) continue;
    const runner = byCluster.get(cluster.name) ?? { cluster, stacks: [] };
    runner.stacks.push(stack);
    byCluster.set(cluster.name, runner);
  }
  return [...byCluster.values()].map((runner) => ({ ...runner, component: `terraform-drift-${runner.cluster.name}` }));
}
