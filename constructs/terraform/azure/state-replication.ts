/**
 * Azure's fixed region pairs: geo-redundant storage (GRS, GZRS) always copies to the pair of the
 * primary location, which cannot be chosen. Listed for the locations this estate may use; add a
 * location (from Microsoft's "Azure region pairs" table) before using it with a state replica.
 */
const REGION_PAIRS: Readonly<Record<string, string>> = {
  northeurope: 'westeurope',
  westeurope: 'northeurope',
  germanywestcentral: 'germanynorth',
  germanynorth: 'germanywestcentral',
  francecentral: 'francesouth',
  francesouth: 'francecentral',
  uksouth: 'ukwest',
  ukwest: 'uksouth',
  swedencentral: 'swedensouth',
  swedensouth: 'swedencentral',
  switzerlandnorth: 'switzerlandwest',
  switzerlandwest: 'switzerlandnorth',
  norwayeast: 'norwaywest',
  norwaywest: 'norwayeast',
  eastus: 'westus',
  westus: 'eastus',
  eastus2: 'centralus',
  centralus: 'eastus2',
  northcentralus: 'southcentralus',
  southcentralus: 'northcentralus',
  westus2: 'westcentralus',
  westcentralus: 'westus2',
};

/** `GZRS`: three zones in the primary location plus a copy in its pair. `ZRS`: three zones only. */
export type StateReplication = 'GZRS' | 'ZRS';

/**
 * Replication of the state storage account. With `replicaLocation` (the spec's
 * `stateReplica.azure`) the state survives the loss of its location: GZRS, whose copy is in the
 * location's pair, so the replica location must be that pair. Without, ZRS: three availability
 * zones of the location (a zone outage loses nothing; versioning covers bad writes).
 */
export function stateReplication(location: string, replicaLocation: string | undefined): StateReplication {
  if (replicaLocation === undefined) return 'ZRS';
  const pair = REGION_PAIRS[location];
  if (pair === undefined) {
    throw new Error(
      `stateReplica.azure: ${location} has no known region pair, and geo-redundant storage only replicates to the pair ` +
        `(add it to REGION_PAIRS in constructs/terraform/azure/state-replication.ts, or choose a paired location)`,
    );
  }
  if (replicaLocation !== pair) {
    throw new Error(
      `stateReplica.azure: ${replicaLocation} cannot hold the replica of state in ${location}: geo-redundant storage ` +
        `copies to the region pair, ${pair} (set stateReplica: { azure: '${pair}' })`,
    );
  }
  return 'GZRS';
}
