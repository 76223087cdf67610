import { MAX_NODES_PER_POOL, tfNodeAutoscalingBounds as rule } from '../../../constructs/rules/terraform/tf-node-autoscaling-bounds';
import { checkTerraform, dev, expectCompliant, expectFailure, prod, resource } from '../fixtures';

const eks = (scaling: Record<string, unknown>) => resource('aws_eks_node_group', 'nodes', { scaling_config: scaling });

describe('tf-node-autoscaling-bounds', () => {
  it('accepts an EKS node group scaling 3..10 with the desired size inside', () => {
    const nodes = eks({ min_size: 3, max_size: 10, desired_size: 3 });
    expectCompliant(checkTerraform(rule, nodes, [nodes], prod));
  });

  it('rejects min above max, a desired size outside the bounds, and a pool beyond the cap', () => {
    const inverted = eks({ min_size: 5, max_size: 3, desired_size: 4 });
    expectFailure(checkTerraform(rule, inverted, [inverted], dev), { field: 'scaling_config.min_size', value: 5 });
    const outside = eks({ min_size: 1, max_size: 3, desired_size: 4 });
    expectFailure(checkTerraform(rule, outside, [outside], dev), { field: 'scaling_config.desired_size', value: 4 });
    const huge = eks({ min_size: 1, max_size: MAX_NODES_PER_POOL + 1, desired_size: 1 });
    expectFailure(checkTerraform(rule, huge, [huge], dev), { field: 'scaling_config.max_size', value: MAX_NODES_PER_POOL + 1 });
  });

  it('rejects a production pool of one node and a pool that may scale to zero, and accepts one node in dev', () => {
    const single = eks({ min_size: 1, max_size: 3, desired_size: 1 });
    expectFailure(checkTerraform(rule, single, [single], prod), { field: 'scaling_config.min_size', value: 1, problem: /production/ });
    expectCompliant(checkTerraform(rule, single, [single], dev));
    const zero = eks({ min_size: 0, max_size: 3, desired_size: 0 });
    expectFailure(checkTerraform(rule, zero, [zero], dev), { field: 'scaling_config.min_size', value: 0 });
  });

  it('rejects bounds that are not literals', () => {
    const computed = eks({ min_size: '${var.min}', max_size: 3 });
    expectFailure(checkTerraform(rule, computed, [computed], dev), { field: 'scaling_config.min_size', value: undefined });
  });

  it('accepts an autoscaling AKS default node pool', () => {
    const aks = resource('azurerm_kubernetes_cluster', 'cluster', { default_node_pool: { name: 'system', auto_scaling_enabled: true, min_count: 1, max_count: 3 } });
    expectCompliant(checkTerraform(rule, aks, [aks], dev));
  });

  it('rejects a fixed-size AKS default pool and an extra pool with inverted bounds', () => {
    const fixed = resource('azurerm_kubernetes_cluster', 'cluster', { default_node_pool: { name: 'system', node_count: 3 } });
    expectFailure(checkTerraform(rule, fixed, [fixed], dev), { field: 'default_node_pool.auto_scaling_enabled', value: undefined });
    const pool = resource('azurerm_kubernetes_cluster_node_pool', 'user', { auto_scaling_enabled: true, min_count: 4, max_count: 2 });
    expectFailure(checkTerraform(rule, pool, [pool], dev), { field: 'min_count', value: 4 });
  });

  it('accepts GKE node pool autoscaling', () => {
    const pool = resource('google_container_node_pool', 'nodes', { autoscaling: { min_node_count: 1, max_node_count: 3 } });
    expectCompliant(checkTerraform(rule, pool, [pool], dev));
  });

  it('rejects a GKE pool over the cap in total, or without autoscaling', () => {
    const total = resource('google_container_node_pool', 'nodes', { autoscaling: { total_min_node_count: 1, total_max_node_count: 500 } });
    expectFailure(checkTerraform(rule, total, [total], dev), { field: 'autoscaling.total_max_node_count', value: 500 });
    const fixed = resource('google_container_node_pool', 'nodes', { node_count: 3 });
    expectFailure(checkTerraform(rule, fixed, [fixed], dev), { field: 'autoscaling', value: undefined });
  });
});
