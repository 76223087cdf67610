import type { EnvironmentSpec } from '../../environments/types';
import { aksCluster, eksCluster, gkeCluster } from '../support/fixture-clusters';
import { FIXTURE_ADMIN_CIDRS, fixtureEnvironment } from '../support/fixture-environment';

/**
 * The estate the Terraform tests build, from the fixture builder rather than environments/, so
 * renaming the organisation or adding a cluster or an environment to the example estate changes
 * no test here. Between them the environments have every cloud, and every cloud in production
 * (state replica, private endpoints; break-glass on AWS). Argo CD cannot yet reach an AKS cluster
 * from EKS, nor a private GKE cluster from another cloud, so production is one environment per cloud:
 *
 * - `lab` (development): an AKS management cluster with a public endpoint and a GKE workload cluster.
 * - `stage` (staging): one EKS cluster whose API is open to the admin CIDRs only.
 * - `live` (production): two private EKS clusters in two regions, break-glass principals.
 * - `live-azure` (production): a private AKS management cluster and a private AKS workload cluster.
 * - `live-gcp` (production): one private GKE cluster.
 */
export const TF_DEVELOPMENT: EnvironmentSpec = fixtureEnvironment({ tier: 'development' });

/** An AWS account of staging's own: the AWS budget is unfiltered, so environments never share one. */
export const TF_STAGING_AWS_ACCOUNT = '555566667777';

export const TF_STAGING: EnvironmentSpec = fixtureEnvironment({
  tier: 'staging',
  clouds: { aws: { accountId: TF_STAGING_AWS_ACCOUNT, region: 'eu-west-2' } },
  clusters: [eksCluster('stage-eks-euw2', { role: 'management', apiAccess: { privateEndpoint: false, allowedCidrs: FIXTURE_ADMIN_CIDRS } })],
});

export const TF_PRODUCTION: EnvironmentSpec = fixtureEnvironment({ tier: 'production' });

const PRIVATE_API = { privateEndpoint: true, allowedCidrs: [] };

export const TF_PRODUCTION_AZURE: EnvironmentSpec = fixtureEnvironment({
  tier: 'production',
  name: 'live-azure',
  clusters: [aksCluster('live-azure-aks-neu', { role: 'management', apiAccess: PRIVATE_API }), aksCluster('live-azure-aks-weu', { region: 'westeurope', apiAccess: PRIVATE_API })],
});

export const TF_PRODUCTION_GCP: EnvironmentSpec = fixtureEnvironment({
  tier: 'production',
  name: 'live-gcp',
  clusters: [gkeCluster('live-gcp-gke-euw4', { role: 'management', apiAccess: PRIVATE_API })],
});

/** Every environment the Terraform tests build (what they iterate instead of environments/ENVIRONMENTS). */
export const TF_ESTATE: readonly EnvironmentSpec[] = [TF_DEVELOPMENT, TF_STAGING, TF_PRODUCTION, TF_PRODUCTION_AZURE, TF_PRODUCTION_GCP];
