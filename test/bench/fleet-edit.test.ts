import { fixtureFleet } from '../support/fixture-fleet';
import { DISTINCT_EDITS, editedFleet } from './fleet-edit';

/** Every cluster of a fleet with its environment and node pool, to compare fleets by. */
function pools(fleet: ReturnType<typeof fixtureFleet>) {
  return fleet.flatMap((environment) => environment.clusters.map((cluster) => ({ environment: environment.name, cluster: cluster.name, nodePool: cluster.nodePool })));
}

describe('editedFleet', () => {
  const fleet = fixtureFleet(30);

  it("changes only the first production workload cluster's maxNodes", () => {
    const before = pools(fleet);
    const after = pools(editedFleet(fleet, 1));
    const changed = after.filter((entry, i) => JSON.stringify(entry) !== JSON.stringify(before[i]));
    const live = fleet.find((e) => e.tier === 'production');
    const target = live?.clusters.find((c) => c.role === 'workload');
    expect(changed).toEqual([{ environment: live?.name, cluster: target?.name, nodePool: { ...target?.nodePool, maxNodes: 7 } }]);
  });

  it('gives each edit number its own valid maxNodes, none the unedited one', () => {
    const maxNodes = Array.from({ length: DISTINCT_EDITS }, (_, k) => editedFleet(fleet, k + 1))
      .map((edited) => pools(edited).find((entry, i) => entry.nodePool.maxNodes !== pools(fleet)[i]?.nodePool.maxNodes)?.nodePool.maxNodes)
      .filter((n) => n !== undefined);
    expect(maxNodes).toHaveLength(DISTINCT_EDITS);
    expect(new Set(maxNodes).size).toBe(DISTINCT_EDITS);
    expect(Math.max(...maxNodes)).toBe(100);
  });

  it('leaves the fleet it is given as it was', () => {
    const before = JSON.stringify(fleet);
    editedFleet(fleet, 5);
    expect(JSON.stringify(fleet)).toBe(before);
  });

  it.each([0, DISTINCT_EDITS + 1, 1.5, Number.NaN])('refuses edit number %p', (k) => {
    expect(() => editedFleet(fleet, k)).toThrow(/FLEET_EDIT is an edit number from 1 to 94/);
  });

  it('refuses a fleet too small to have a production workload cluster', () => {
    expect(() => editedFleet(fixtureFleet(5), 1)).toThrow(/no production workload cluster/);
  });
});
