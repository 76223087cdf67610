import type { AksClusterSpec, EksClusterSpec, GkeClusterSpec } from '../../environments/types';
import { FIXTURE_ADMIN_CIDRS, FIXTURE_AZURE_TENANT, FIXTURE_CLUSTER_CA, FIXTURE_GCP_PROJECT_NUMBER, FIXTURE_ORGANISATION } from './fixture-organisation';

/**
 * One valid cluster per cloud, named by the test. Defaults hold in every tier where the cloud
 * allows it (private API endpoint, three nodes, so production accepts them too); a test overrides
 * what it is about. The role defaults to `workload`: `fixtureEnvironment` makes the first cluster
 * the management cluster when none is.
 */

/** A small stable number per cluster name, so that two clusters of one fixture get distinct networks and addresses. */
function slot(name: string): number {
  let hash = 7;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 9973;
  return hash % 200;
}

/** A /16 of 10.40.0.0-10.239.0.0 derived from the name (overridable when a test needs a given range). */
function networkOf(name: string): string {
  return `10.${40 + slot(name)}.0.0/16`;
}

/** 8 hex digits of the name, for GUID-shaped and id-shaped placeholders. */
function hexOf(name: string): string {
  return (slot(name) * 4099 + 0x1a2b3c4d).toString(16).padStart(8, '0').slice(-8);
}

export function eksCluster(name: string, overrides: Partial<Omit<EksClusterSpec, 'cloud' | 'name'>> = {}): EksClusterSpec {
  const region = overrides.region ?? 'eu-west-2';
  return {
    name,
    role: 'workload',
    cloud: 'aws',
    region,
    apiServer: `https://${hexOf(name).toUpperCase()}FIXTURE.gr7.${region}.eks.amazonaws.com`,
    caData: FIXTURE_CLUSTER_CA,
    kubernetesVersion: '1.34',
    networkCidr: networkOf(name),
    apiAccess: { privateEndpoint: true, allowedCidrs: [] },
    nodePool: { machineType: 'm6i.large', minNodes: 3, maxNodes: 6 },
    ...overrides,
  };
}

export function aksCluster(name: string, overrides: Partial<Omit<AksClusterSpec, 'cloud' | 'name'>> = {}): AksClusterSpec {
  const region = overrides.region ?? 'northeurope';
  const tenantId = overrides.tenantId ?? FIXTURE_AZURE_TENANT;
  const hex = hexOf(name);
  return {
    name,
    role: 'workload',
    cloud: 'azure',
    region,
    apiServer: `https://${name}-${hex}.hcp.${region}.azmk8s.io:443`,
    caData: FIXTURE_CLUSTER_CA,
    tenantId,
    argocdClientId: `${hex}-0000-4000-8000-00000000a1a1`,
    workloadClientIds: { terraformDrift: `${hex}-0000-4000-8000-00000000d1d1`, policyReporter: `${hex}-0000-4000-8000-00000000e1e1`, velero: `${hex}-0000-4000-8000-00000000f1f1` },
    oidcIssuerUrl: `https://${region}.oic.prod-aks.azure.com/${tenantId}/${hex}-0000-4000-8000-000000000001/`,
    egressIp: `192.0.2.${10 + (slot(name) % 200)}`,
    // AKS ended 1.34 on 2026-11-30 (constructs/kubernetes/kubernetes-support.ts).
    kubernetesVersion: '1.35',
    networkCidr: networkOf(name),
    apiAccess: { privateEndpoint: true, allowedCidrs: [] },
    nodePool: { machineType: 'Standard_D4s_v5', minNodes: 3, maxNodes: 6 },
    ...overrides,
  };
}

/**
 * GKE defaults to a public endpoint behind an allow list: when Argo CD runs on another cloud it has
 * no path to a private one (as in the example estate's dev).
 */
export function gkeCluster(name: string, overrides: Partial<Omit<GkeClusterSpec, 'cloud' | 'name'>> = {}): GkeClusterSpec {
  return {
    name,
    role: 'workload',
    cloud: 'gcp',
    region: 'europe-west4',
    apiServer: `https://192.0.2.${10 + (slot(name) % 200)}`,
    caData: FIXTURE_CLUSTER_CA,
    projectId: `${FIXTURE_ORGANISATION}-platform`,
    projectNumber: FIXTURE_GCP_PROJECT_NUMBER,
    kubernetesVersion: '1.34',
    networkCidr: networkOf(name),
    apiAccess: { privateEndpoint: false, allowedCidrs: FIXTURE_ADMIN_CIDRS },
    nodePool: { machineType: 'e2-standard-4', minNodes: 3, maxNodes: 6 },
    ...overrides,
  };
}
