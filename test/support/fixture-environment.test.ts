import { readFileSync } from 'node:fs';
import { chartSourceOf } from '../../apps/verify/chart-sources';
import type { ChartVersions, Tier } from '../../environments/types';
import { fleetViolations, specViolations } from '../environments/spec-violations';
import { aksCluster, eksCluster, gkeCluster } from './fixture-clusters';
import { FIXTURE_CHARTS, fixtureEnvironment, fixtureEstate } from './fixture-environment';

const TIERS: readonly Tier[] = ['development', 'staging', 'production'];

describe('fixtureEnvironment', () => {
  it.each(TIERS)('builds a %s environment that passes the spec validation', (tier) => {
    expect(specViolations(fixtureEnvironment({ tier }))).toEqual([]);
  });

  it('builds a fleet of the three tiers that passes the fleet checks (promotion chain, unique names and URLs)', () => {
    const estate = fixtureEstate();
    expect(estate.map((spec) => spec.tier)).toEqual(TIERS);
    expect(fleetViolations(estate)).toEqual([]);
  });

  it('keeps the tier defaults the rules of each tier require', () => {
    const [development, staging, production] = fixtureEstate();
    expect(development!).toMatchObject({ sync: { prune: true }, kyverno: { mode: 'audit' }, gitops: { revision: { kind: 'track' } } });
    expect(staging!).toMatchObject({ sync: { prune: false }, kyverno: { mode: 'canary' }, promotesFrom: development!.name });
    expect(production!).toMatchObject({ sync: { prune: false }, kyverno: { mode: 'enforce' }, gitops: { revision: { kind: 'pin' } }, promotesFrom: staging!.name });
    expect(production!.syncWindows.length).toBeGreaterThan(0);
    expect(production!.sso?.localAdmin).toBeUndefined();
    expect(production!.infrastructure.breakGlass?.awsPrincipals.length).toBeGreaterThan(0);
  });

  it('takes clusters of every cloud, makes the first one the management cluster and derives the cloud accounts', () => {
    const spec = fixtureEnvironment({ tier: 'production', clusters: [eksCluster('live-a', { region: 'eu-west-1' })] });
    expect(spec.clusters.map((cluster) => [cluster.name, cluster.role])).toEqual([['live-a', 'management']]);
    expect(spec.clouds).toEqual({ aws: { accountId: expect.any(String), region: 'eu-west-1' } });
    expect(specViolations(spec)).toEqual([]);

    const mixed = fixtureEnvironment({ name: 'mixed', clusters: [aksCluster('mixed-aks', { role: 'management' }), gkeCluster('mixed-gke'), eksCluster('mixed-eks')] });
    expect(Object.keys(mixed.clouds).sort()).toEqual(['aws', 'azure', 'gcp']);
    expect(specViolations(mixed)).toEqual([]);
  });

  it('pins chart versions that the verify step knows a source for', () => {
    const unknown = Object.entries(FIXTURE_CHARTS).filter(([chart, version]) => chartSourceOf(chart as keyof ChartVersions, version) === undefined);
    expect(unknown).toEqual([]);
  });

  it('belongs to its own organisation, not the example estate', () => {
    const text = JSON.stringify(fixtureEstate());
    expect(text).not.toMatch(/acme/);
    // The builder stands alone: it reads neither the example environments nor their pins.
    for (const file of ['fixture-environment.ts', 'fixture-clusters.ts', 'fixture-organisation.ts']) {
      expect(readFileSync(`test/support/${file}`, 'utf8')).not.toMatch(/from '[./]*environments(\/(dev|staging|prod|shared|index|pins(\.json)?))?'/);
    }
  });
});
