import type { EnvironmentSpec } from '../../environments/types';
import { eksCluster } from './fixture-clusters';
import { fixtureEnvironment } from './fixture-environment';

const REGIONS = ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1', 'us-east-1', 'us-east-2', 'us-west-2', 'ap-southeast-1'] as const;

/**
 * A fleet for measuring at scale: the three fixture tiers, staging and production with
 * `clustersPerEnvironment` EKS clusters each (spread over regions, each with its own /16), the
 * development tier as the fixture has it. Deterministic: the same count gives the same fleet.
 */
export function fixtureFleet(clustersPerEnvironment: number): EnvironmentSpec[] {
  const clusters = (name: string, offset: number) =>
    Array.from({ length: clustersPerEnvironment }, (_, i) => {
      const region = REGIONS[i % REGIONS.length] ?? 'eu-west-1';
      return eksCluster(`${name}-eks-${String(i + 1).padStart(2, '0')}`, {
        region,
        networkCidr: `10.${offset + i}.0.0/16`,
        ...(i === 0 ? { role: 'management' as const } : {}),
      });
    });
  return [
    fixtureEnvironment({ tier: 'development' }),
    fixtureEnvironment({ tier: 'staging', clusters: clusters('stage', 10) }),
    fixtureEnvironment({ tier: 'production', clusters: clusters('live', 110) }),
  ];
}
