import { stateReplication } from '../../../constructs/terraform/azure/state-replication';

describe('stateReplication', () => {
  it('keeps the state zone-redundant in its location when no replica is asked for', () => {
    expect(stateReplication('westeurope', undefined)).toBe('ZRS');
  });

  it('replicates geo- and zone-redundantly when the replica is the location pair', () => {
    expect(stateReplication('westeurope', 'northeurope')).toBe('GZRS');
    expect(stateReplication('germanywestcentral', 'germanynorth')).toBe('GZRS');
  });

  it('rejects a replica location that geo-redundant storage cannot copy to, naming the pair', () => {
    expect(() => stateReplication('westeurope', 'francecentral')).toThrow("set stateReplica: { azure: 'northeurope' }");
  });

  it('rejects a location whose pair it does not know', () => {
    expect(() => stateReplication('atlantis', 'westeurope')).toThrow('atlantis has no known region pair');
  });
});
