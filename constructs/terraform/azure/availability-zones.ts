/**
 * Azure regions (programmatic names) that have three availability zones, numbered `1`, `2`, `3`.
 * Data, with its source: Microsoft Learn, "Azure regions list" (learn.microsoft.com/azure/
 * reliability/regions-list, column "Availability zones"), public cloud, read 2026-12. A region
 * missing here is treated as having no zones: AKS refuses a node pool with zones in such a region,
 * so a region that gains zones is added here, never guessed.
 */
export const AZURE_ZONAL_REGIONS: ReadonlySet<string> = new Set([
  'australiaeast',
  'austriaeast',
  'belgiumcentral',
  'brazilsouth',
  'canadacentral',
  'centralindia',
  'centralus',
  'eastasia',
  'eastus',
  'eastus2',
  'francecentral',
  'germanywestcentral',
  'israelcentral',
  'italynorth',
  'japaneast',
  'japanwest',
  'koreacentral',
  'mexicocentral',
  'newzealandnorth',
  'northeurope',
  'norwayeast',
  'polandcentral',
  'qatarcentral',
  'southafricanorth',
  'southcentralus',
  'southeastasia',
  'spaincentral',
  'swedencentral',
  'switzerlandnorth',
  'uaenorth',
  'uksouth',
  'westeurope',
  'westus2',
  'westus3',
]);

/** The zones a zone-redundant node pool spreads over in `region`, or none where it has none. */
export function availabilityZones(region: string): readonly string[] {
  return AZURE_ZONAL_REGIONS.has(region) ? ['1', '2', '3'] : [];
}
