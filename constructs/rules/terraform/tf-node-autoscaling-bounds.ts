import { type Attributes, block, boolAt, numberAt } from '../inspect/attributes';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformRule } from '../types';

/**
 * Most nodes one pool may scale to. Beyond it, a runaway autoscaler (a crash-looping HPA, a
 * scheduling bug) spends a month's budget in days before anyone looks; a bigger pool is a
 * reviewed decision (a suppression with a reason), not a typo.
 */
export const MAX_NODES_PER_POOL = 100;

/** Fewest nodes a production pool may run: one node is one failure away from no capacity. */
export const MIN_PRODUCTION_NODES = 2;

/**
 * Node pools scale between sane, literal bounds: 1 <= min <= max <= 100 (min >= 2 in
 * production), and the desired size inside them. EKS `scaling_config`, AKS default and extra node
 * pools (`auto_scaling_enabled` with `min_count`/`max_count`), GKE `autoscaling`.
 */
export const tfNodeAutoscalingBounds: TerraformRule = {
  id: 'tf-node-autoscaling-bounds',
  engine: 'terraform',
  level: 'error',
  title: 'Node pools autoscale within sane bounds',
  rationale:
    'A pool that cannot scale out fails under load; one without a ceiling turns a bug into an unbounded bill; ' + 'a production pool of one node loses all capacity with one node.',
  controls: {
    soc2: ['A1.1'],
    pciDss: [],
    iso27001: ['A.8.6'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['aws_eks_node_group', 'azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool', 'google_container_node_pool'],
  check(resource, context) {
    const production = context.environment.tier === 'production';
    if (resource.type === 'aws_eks_node_group') {
      const scaling = block(resource.attributes.scaling_config);
      return checkBounds('scaling_config', numberAt(scaling, 'min_size'), numberAt(scaling, 'max_size'), 'min_size', 'max_size', production, numberAt(scaling, 'desired_size'));
    }
    if (resource.type === 'azurerm_kubernetes_cluster' || resource.type === 'azurerm_kubernetes_cluster_node_pool') {
      const prefix = resource.type === 'azurerm_kubernetes_cluster' ? 'default_node_pool' : '';
      const pool: Attributes | undefined = prefix === '' ? resource.attributes : block(resource.attributes[prefix]);
      const field = (name: string): string => (prefix === '' ? name : `${prefix}.${name}`);
      const enabled = boolAt(pool, 'auto_scaling_enabled');
      if (enabled !== true)
        return nonCompliant(field('auto_scaling_enabled'), enabled, 'the node pool does not autoscale', `set ${field('auto_scaling_enabled')} = true with min_count and max_count`);
      return checkBounds(prefix, numberAt(pool, 'min_count'), numberAt(pool, 'max_count'), 'min_count', 'max_count', production, undefined);
    }
    const autoscaling = block(resource.attributes.autoscaling);
    if (autoscaling === undefined) return nonCompliant('autoscaling', undefined, 'the node pool does not autoscale', 'add autoscaling { min_node_count, max_node_count }');
    const total = numberAt(autoscaling, 'total_max_node_count') !== undefined;
    return checkBounds(
      'autoscaling',
      numberAt(autoscaling, total ? 'total_min_node_count' : 'min_node_count'),
      numberAt(autoscaling, total ? 'total_max_node_count' : 'max_node_count'),
      total ? 'total_min_node_count' : 'min_node_count',
      total ? 'total_max_node_count' : 'max_node_count',
      production,
      undefined,
    );
  },
};

function checkBounds(
  prefix: string,
  min: number | undefined,
  max: number | undefined,
  minName: string,
  maxName: string,
  production: boolean,
  desired: number | undefined,
): RuleOutcome {
  const field = (name: string): string => (prefix === '' ? name : `${prefix}.${name}`);
  const floor = production ? MIN_PRODUCTION_NODES : 1;
  if (min === undefined) return nonCompliant(field(minName), min, 'the pool has no literal lower bound', `set ${minName} to at least ${floor}`);
  if (max === undefined) return nonCompliant(field(maxName), max, 'the pool has no literal upper bound', `set ${maxName} to at most ${MAX_NODES_PER_POOL}`);
  if (min < floor) {
    return nonCompliant(
      field(minName),
      min,
      production ? `a production pool needs at least ${floor} nodes to survive losing one` : 'the pool may scale to no nodes at all',
      `set ${minName} to at least ${floor}`,
    );
  }
  if (min > max) return nonCompliant(field(minName), min, `the lower bound is above the upper bound ${max}`, `set ${minName} <= ${maxName}`);
  if (max > MAX_NODES_PER_POOL)
    return nonCompliant(
      field(maxName),
      max,
      `the pool may grow beyond ${MAX_NODES_PER_POOL} nodes`,
      `set ${maxName} to at most ${MAX_NODES_PER_POOL}, or suppress with the reason`,
    );
  if (desired !== undefined && (desired < min || desired > max)) {
    return nonCompliant(field('desired_size'), desired, `the desired size is outside ${min}..${max}`, 'set desired_size between min_size and max_size');
  }
  return COMPLIANT;
}
