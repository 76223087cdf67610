import { specClusterNames } from '../../apps/spec/rules/spec-cluster-names';
import { specClusterNetworks } from '../../apps/spec/rules/spec-cluster-networks';
import { Ipv4Cidr } from '../../constructs/terraform/ipv4-cidr';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { fixtureFleet } from '../support/fixture-fleet';
import { countReads } from '../support/read-counter';
import { specViolations } from './spec-violations';

/** The production environment of a 900-cluster fleet: 300 clusters, distinct names and networks. */
const [, , production] = fixtureFleet(900) as [EnvironmentSpec, EnvironmentSpec, EnvironmentSpec];
const CLUSTERS = production.clusters.length;

function withClusters(replace: (clusters: ClusterSpec[]) => void): EnvironmentSpec {
  const clusters = [...production.clusters];
  replace(clusters);
  return { ...production, clusters };
}

describe('cluster names and networks at fleet scale', () => {
  it('names each later cluster that reuses a name or overlaps an earlier network, with the first it clashes with', () => {
    const spec = withClusters((clusters) => {
      clusters[200] = { ...clusters[200]!, name: clusters[17]!.name };
      clusters[250] = { ...clusters[250]!, name: clusters[17]!.name };
      clusters[260] = { ...clusters[260]!, networkCidr: clusters[40]!.networkCidr };
      clusters[299] = { ...clusters[299]!, networkCidr: '10.0.0.0/8' };
    });
    expect(CLUSTERS).toBe(300);
    expect(specViolations(spec).map((v) => [v.field, v.problem.replace(/:.*/, '')])).toEqual([
      ['clusters[200].name', 'cluster names must be unique within the environment'],
      ['clusters[250].name', 'cluster names must be unique within the environment'],
      ['clusters[260].networkCidr', `overlaps clusters[40] (${production.clusters[40]!.networkCidr})`],
      ['clusters[299].networkCidr', 'must be a private (RFC 1918) IPv4 network between /16 and /20, written as its network address'],
      ['clusters[299].networkCidr', `overlaps clusters[0] (${production.clusters[0]!.networkCidr})`],
    ]);
  });

  it('parses each network once, not once per pair of clusters', () => {
    const parse = jest.spyOn(Ipv4Cidr, 'tryParse');
    try {
      expect(specClusterNetworks.check(production)).toEqual([]);
      expect(parse.mock.calls.length).toBe(CLUSTERS);
    } finally {
      parse.mockRestore();
    }
  });

  it('finds the first cluster of each name without searching the clusters once per cluster', () => {
    const counted = countReads(production.clusters);
    expect(specClusterNames.check({ ...production, clusters: counted.items })).toEqual([]);
    expect(counted.reads()).toBeLessThanOrEqual(3 * CLUSTERS);
  });
});
