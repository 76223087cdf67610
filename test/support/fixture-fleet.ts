import type { ClusterSpec, EnvironmentSpec, Tier } from '../../environments/types';
import { aksCluster, eksCluster, gkeCluster } from './fixture-clusters';
import { FIXTURE_NAMES, fixtureEnvironment } from './fixture-environment';
import { FIXTURE_ADMIN_CIDRS } from './fixture-organisation';

const TIERS: readonly Tier[] = ['development', 'staging', 'production'];

/** Regions per cloud the fleet's clusters are spread over, round robin. */
const REGIONS = {
  aws: ['eu-west-1', 'eu-west-2', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'],
  azure: ['northeurope', 'westeurope', 'eastus', 'westus2'],
  gcp: ['europe-west4', 'europe-west1', 'us-central1', 'asia-southeast1'],
} as const;

/**
 * The `index`-th /20 of 10.16.0.0-10.255.255.255 (3,840 of them; 10.0.0.0/12 holds the AKS and GKE
 * service ranges): every cluster of a fleet gets its own, so no
 * two networks overlap within or across environments.
 */
export function fleetNetwork(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 3840) throw new Error(`a fleet has at most 3,840 cluster networks, not ${index + 1}`);
  return `10.${16 + Math.floor(index / 16)}.${(index % 16) * 16}.0/20`;
}

/**
 * The clouds each tier's clusters take turns on, the management cluster's first. Argo CD reaches a
 * private API server only from inside its cloud, and a GKE allow list only from a static egress
 * address (the rules in constructs/rules/estate refuse anything else): production, where every
 * endpoint is private, runs on EKS; staging on GKE behind an allow list; development is managed from
 * AKS and adds GKE clusters.
 */
const CLOUDS_BY_TIER: Readonly<Record<Tier, readonly ('aws' | 'azure' | 'gcp')[]>> = {
  development: ['azure', 'gcp'],
  staging: ['gcp'],
  production: ['aws'],
};

/** A cluster's name in the fleet: `<env>-<eks|aks|gke>-<NNN>`, NNN its number in the whole fleet. */
function fleetCluster(tier: Tier, index: number, position: number): ClusterSpec {
  const environment = FIXTURE_NAMES[tier];
  const number = String(index + 1).padStart(3, '0');
  const networkCidr = fleetNetwork(index);
  const clouds = CLOUDS_BY_TIER[tier];
  const role = position === 0 ? ({ role: 'management' } as const) : {};
  switch (clouds[position % clouds.length]) {
    case 'azure':
      return aksCluster(`${environment}-aks-${number}`, {
        region: REGIONS.azure[position % REGIONS.azure.length],
        networkCidr,
        apiAccess: { privateEndpoint: false, allowedCidrs: FIXTURE_ADMIN_CIDRS },
        ...role,
      });
    case 'gcp':
      return gkeCluster(`${environment}-gke-${number}`, { region: REGIONS.gcp[position % REGIONS.gcp.length], networkCidr, ...role });
    default:
      return eksCluster(`${environment}-eks-${number}`, { region: REGIONS.aws[position % REGIONS.aws.length], networkCidr, ...role });
  }
}

/**
 * A fleet for measuring and testing at scale: `clusters` clusters in all, dealt over the three
 * fixture tiers in turn (development, staging, production) and within each over its clouds
 * (`CLOUDS_BY_TIER`), each with its own /20 network. Deterministic: the same count gives the same fleet,
 * and growing the count only adds clusters. At least three clusters (one per environment).
 */
export function fixtureFleet(clusters: number): EnvironmentSpec[] {
  if (!Number.isInteger(clusters) || clusters < TIERS.length) throw new Error(`a fleet needs at least ${TIERS.length} clusters (one per environment), not ${clusters}`);
  return TIERS.map((tier, t) => {
    const indexes = Array.from({ length: clusters }, (_, i) => i).filter((i) => i % TIERS.length === t);
    return fixtureEnvironment({ tier, clusters: indexes.map((index, position) => fleetCluster(tier, index, position)) });
  });
}
