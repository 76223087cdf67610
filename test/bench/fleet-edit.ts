import type { EnvironmentSpec } from '../../environments/types';

/** The unedited fixture's `maxNodes` (test/support/fixture-clusters.ts). */
const FIXTURE_MAX_NODES = 6;

/** The most nodes a pool may grow to: the spec rules and tf-node-autoscaling-bounds refuse more. */
const ALLOWED_MAX_NODES = 100;

/**
 * How many distinct edits `editedFleet` makes (94). The benchmark's rounds each take the next one:
 * a value seen before could be served from the cache, which would no longer time an incremental synth.
 */
export const DISTINCT_EDITS = ALLOWED_MAX_NODES - FIXTURE_MAX_NODES;

/**
 * `fleet` with one cluster edited the way a user edits a spec: the first production workload
 * cluster's node pool may grow to `FIXTURE_MAX_NODES + k` nodes (k from 1 to `DISTINCT_EDITS`), so
 * each k is its own valid spec and none is the unedited fleet.
 */
export function editedFleet(fleet: readonly EnvironmentSpec[], k: number): EnvironmentSpec[] {
  if (!Number.isInteger(k) || k < 1 || k > DISTINCT_EDITS) throw new Error(`FLEET_EDIT is an edit number from 1 to ${DISTINCT_EDITS}, not ${k}`);
  const production = fleet.findIndex((environment) => environment.tier === 'production' && environment.clusters.some((c) => c.role === 'workload'));
  if (production < 0) throw new Error('the fleet has no production workload cluster to edit: give it at least 6 clusters');
  return fleet.map((environment, e) => {
    if (e !== production) return environment;
    const target = environment.clusters.findIndex((c) => c.role === 'workload');
    const clusters = environment.clusters.map((cluster, c) => (c === target ? { ...cluster, nodePool: { ...cluster.nodePool, maxNodes: FIXTURE_MAX_NODES + k } } : cluster));
    return { ...environment, clusters };
  });
}
