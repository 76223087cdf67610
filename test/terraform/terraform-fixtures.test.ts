import { specViolations } from '../environments/spec-violations';
import { TF_ESTATE } from './terraform-fixtures';

describe('the Terraform fixture estate', () => {
  it.each(TF_ESTATE.map((spec) => [spec.name, spec] as const))('builds %s as an environment that passes the spec validation', (_name, spec) => {
    expect(specViolations(spec)).toEqual([]);
  });

  it('runs every cloud in production, with state replicas and private API servers, and break-glass where it has EKS', () => {
    const production = TF_ESTATE.filter((spec) => spec.tier === 'production');
    expect([...new Set(production.flatMap((spec) => spec.clusters.map((cluster) => cluster.cloud)))].sort()).toEqual(['aws', 'azure', 'gcp']);
    for (const spec of production) {
      expect(Object.keys(spec.infrastructure.stateReplica ?? {}).sort()).toEqual(Object.keys(spec.clouds).sort());
      expect(spec.clusters.every((cluster) => cluster.apiAccess.privateEndpoint)).toBe(true);
      expect(spec.infrastructure.breakGlass !== undefined).toBe(spec.clusters.some((cluster) => cluster.cloud === 'aws'));
    }
  });
});
