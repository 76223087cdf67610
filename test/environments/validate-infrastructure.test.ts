import type { Violation } from '../../constructs/rules/violation';
import type { ClusterSpec, EnvironmentSpec, InfrastructureSpec } from '../../environments/types';
import { FIXTURE_ORGANISATION, FIXTURE_REPOSITORY } from '../support/fixture-environment';
import { specViolations } from './spec-violations';
import { dev, prod, staging } from './tier-fixtures';

function withFirstCluster(spec: EnvironmentSpec, change: Partial<ClusterSpec>): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((c, i) => (i === 0 ? ({ ...c, ...change } as ClusterSpec) : c)) };
}

function withInfrastructure(spec: EnvironmentSpec, change: Partial<InfrastructureSpec>): EnvironmentSpec {
  return { ...spec, infrastructure: { ...spec.infrastructure, ...change } };
}

function only(violations: readonly Violation[]): Violation {
  expect(violations).toHaveLength(1);
  return violations[0]!;
}

describe('infrastructure checks', () => {
  it('accept every fixture environment', () => {
    for (const spec of [dev, staging, prod]) expect(specViolations(spec)).toEqual([]);
  });

  it.each([['1.34.2', 'kubernetesVersion', /minor version like 1.34/]])('rejects kubernetesVersion %j', (value, field, problem) => {
    const v = only(specViolations(withFirstCluster(staging, { kubernetesVersion: value })));
    expect([v.field, v.problem]).toEqual([`clusters[0].${field}`, expect.stringMatching(problem)]);
  });

  it.each(['10.20.0.0/8', '10.20.0.1/16', '8.8.0.0/16', '10.20.0.0/24', 'ten'])('rejects network %j', (networkCidr) => {
    const v = only(specViolations(withFirstCluster(staging, { networkCidr })));
    expect(v).toMatchObject({ environment: staging.name, field: 'clusters[0].networkCidr', value: JSON.stringify(networkCidr) });
    expect(v.fix).toMatch(/10\.40\.0\.0\/16/);
  });

  it('rejects overlapping cluster networks in one environment', () => {
    // The upper half of the first cluster's /16.
    const first = prod.clusters[0]!.networkCidr;
    const overlapping = { ...prod, clusters: [prod.clusters[0]!, { ...prod.clusters[1]!, networkCidr: first.replace(/\.0\.0\/16$/, '.128.0/17') } as ClusterSpec] };
    const v = only(specViolations(overlapping));
    expect([v.field, v.problem]).toEqual(['clusters[1].networkCidr', expect.stringContaining(`overlaps clusters[0] (${first})`)]);
  });

  it('rejects an API allow list open to the internet, or a public endpoint without one', () => {
    expect(only(specViolations(withFirstCluster(staging, { apiAccess: { privateEndpoint: false, allowedCidrs: ['0.0.0.0/0'] } }))).field).toBe(
      'clusters[0].apiAccess.allowedCidrs[0]',
    );
    expect(only(specViolations(withFirstCluster(staging, { apiAccess: { privateEndpoint: false, allowedCidrs: [] } }))).field).toBe('clusters[0].apiAccess.allowedCidrs');
  });

  it('rejects a production AKS cluster in a region without availability zones', () => {
    const aks = dev.clusters.find((c) => c.cloud === 'azure')!;
    const production: EnvironmentSpec = {
      ...dev,
      tier: 'production',
      clusters: [{ ...aks, region: 'westcentralus', apiAccess: { privateEndpoint: true, allowedCidrs: [] }, nodePool: { ...aks.nodePool, minNodes: 3 } }],
    };
    const regions = specViolations(production).filter((v) => v.field.endsWith('.region'));
    expect(regions).toEqual([
      expect.objectContaining({ environment: dev.name, field: 'clusters[0].region', value: '"westcentralus"', problem: expect.stringMatching(/no(ne)? .*zones|zones.*none/) }),
    ]);
    const zonal = specViolations({ ...production, clusters: [{ ...production.clusters[0]!, region: 'westeurope' }] });
    expect(zonal.filter((v) => v.field.endsWith('.region'))).toEqual([]);
  });

  it('requires private API endpoints and three nodes in production', () => {
    const v = specViolations(
      withFirstCluster(prod, { apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] }, nodePool: { machineType: 'm6i.xlarge', minNodes: 2, maxNodes: 10 } }),
    );
    expect(v.map((x) => x.field)).toEqual(['clusters[0].apiAccess.privateEndpoint', 'clusters[0].nodePool.minNodes']);
  });

  it.each([
    [{ machineType: 'm6i.large', minNodes: 0, maxNodes: 3 }],
    [{ machineType: 'm6i.large', minNodes: 4, maxNodes: 3 }],
    [{ machineType: 'm6i.large', minNodes: 1, maxNodes: 500 }],
    [{ machineType: 'm6i.large', minNodes: 1.5, maxNodes: 3 }],
  ])('rejects node pool bounds %j', (nodePool) => {
    expect(only(specViolations(withFirstCluster(staging, { nodePool }))).field).toBe('clusters[0].nodePool');
  });

  it('rejects a CI repository that is not owner/name, and a wildcard apply branch', () => {
    expect(only(specViolations(withInfrastructure(staging, { ci: { ...staging.infrastructure.ci, repository: `${FIXTURE_ORGANISATION}/*` } }))).field).toBe(
      'infrastructure.ci.repository',
    );
    expect(only(specViolations(withInfrastructure(staging, { ci: { ...staging.infrastructure.ci, applyFrom: { kind: 'branch', name: 'release/*' } } }))).field).toBe(
      'infrastructure.ci.applyFrom.name',
    );
  });

  it.each(['', FIXTURE_REPOSITORY, '0123', '12.5', ' 42'])("rejects a CI repository id %j that is not GitHub's numeric id", (repositoryId) => {
    const v = only(specViolations(withInfrastructure(dev, { ci: { ...dev.infrastructure.ci, repositoryId } })));
    expect(v).toMatchObject({ environment: dev.name, field: 'infrastructure.ci.repositoryId', value: JSON.stringify(repositoryId) });
    expect(v.fix).toMatch(/gh api repos\/<owner>\/<name> --jq \.id/);
  });

  it.each(['', 'billingAccounts/0A1B2C-3D4E5F-6A7B8C', '0a1b2c-3d4e5f-6a7b8c', '0A1B2C3D4E5F6A7B8C'])('rejects the GCP billing account %j', (billingAccount) => {
    const v = only(specViolations({ ...dev, clouds: { ...dev.clouds, gcp: { ...dev.clouds.gcp!, billingAccount } } }));
    expect(v).toMatchObject({ environment: dev.name, field: 'clouds.gcp.billingAccount', value: JSON.stringify(billingAccount) });
    expect(v.fix).toMatch(/gcloud billing projects describe/);
  });

  it.each([
    ['oidcIssuerUrl', 'http://westeurope.oic.prod-aks.azure.com/t/c/', /exactly as AKS publishes it/],
    ['oidcIssuerUrl', 'https://westeurope.oic.prod-aks.azure.com/t/c', /trailing slash/],
    ['egressIp', '192.0.2.0/24', /one IPv4 address/],
    ['egressIp', 'egress.example', /one IPv4 address/],
  ])('rejects the AKS output %s = %j that the other clouds trust', (field, value, problem) => {
    const index = dev.clusters.findIndex((c) => c.cloud === 'azure');
    const clusters = dev.clusters.map((c, i) => (i === index ? ({ ...c, [field]: value } as ClusterSpec) : c));
    const v = only(specViolations({ ...dev, clusters }));
    expect([v.field, v.value, v.problem]).toEqual([`clusters[${index}].${field}`, JSON.stringify(value), expect.stringMatching(problem)]);
  });

  it.each([dev.clouds.gcp!.projectId, '', '0123'])('rejects the GKE project number %j', (projectNumber) => {
    const index = dev.clusters.findIndex((c) => c.cloud === 'gcp');
    const clusters = dev.clusters.map((c, i) => (i === index ? ({ ...c, projectNumber } as ClusterSpec) : c));
    const v = only(specViolations({ ...dev, clusters }));
    expect([v.field, v.fix]).toEqual([`clusters[${index}].projectNumber`, expect.stringMatching(/gcloud projects describe/)]);
  });

  it.each(['0.0.0.0/0', '198.51.100.7', 'runners'])('rejects the CI runner range %j', (cidr) => {
    const v = only(specViolations(withInfrastructure(dev, { ci: { ...dev.infrastructure.ci, runnerCidrs: [cidr] } })));
    expect([v.field, v.value]).toEqual(['infrastructure.ci.runnerCidrs[0]', JSON.stringify(cidr)]);
  });

  it('requires production to apply from a deployment environment, not a branch', () => {
    const v = only(specViolations(withInfrastructure(prod, { ci: { ...prod.infrastructure.ci, applyFrom: { kind: 'branch', name: 'main' } } })));
    expect([v.field, v.fix]).toEqual(['infrastructure.ci.applyFrom.kind', "set applyFrom: { kind: 'environment', name: 'production' }"]);
  });

  it.each([
    [{ monthlyLimit: 0 }, 'infrastructure.budget.monthlyLimit'],
    [{ alertThresholds: [80, 50] }, 'infrastructure.budget.alertThresholds'],
    [{ alertThresholds: [] }, 'infrastructure.budget.alertThresholds'],
    [{ notifyEmails: ['finops'] }, 'infrastructure.budget.notifyEmails'],
  ])('rejects budget %j', (change, field) => {
    const budget = { ...dev.infrastructure.budget, ...change };
    expect(only(specViolations(withInfrastructure(dev, { budget }))).field).toBe(field);
  });

  it('requires a state replica in another region in production, and none for a cloud without an account', () => {
    expect(only(specViolations(withInfrastructure(prod, { stateReplica: {} }))).field).toBe('infrastructure.stateReplica.aws');
    const stateRegion = prod.clouds.aws!.region;
    expect(only(specViolations(withInfrastructure(prod, { stateReplica: { aws: stateRegion } }))).problem).toContain(`another region than the state itself (${stateRegion})`);
    expect(only(specViolations(withInfrastructure(staging, { stateReplica: { gcp: 'europe-west4' } }))).field).toBe('infrastructure.stateReplica.gcp');
  });

  it('rejects a state retention shorter than 30 days', () => {
    expect(only(specViolations(withInfrastructure(dev, { stateVersionRetentionDays: 7 }))).field).toBe('infrastructure.stateVersionRetentionDays');
  });
});
