import { Duration } from 'cdk8s';
import { BOUNDED_RETRY, EXAMPLE_CLUSTER_CA, GITOPS_REPO_URL, PLATFORM_ACCESS, PLATFORM_COST_CENTRE, PLATFORM_OWNER } from './shared';
import { kyvernoPins, pinsOf } from './pins';
import type { EnvironmentSpec } from './types';

/** dev: audits policies, prunes and self-heals immediately, follows main. Azure and GCP. */
export const dev: EnvironmentSpec = {
  name: 'dev',
  tier: 'development',
  owner: PLATFORM_OWNER,
  costCentre: PLATFORM_COST_CENTRE,
  clusters: [
    {
      name: 'dev-aks-weu',
      role: 'management',
      cloud: 'azure',
      region: 'westeurope',
      apiServer: 'https://dev-aks-weu-7d3f9a2c.hcp.westeurope.azmk8s.io:443',
      caData: EXAMPLE_CLUSTER_CA,
      tenantId: '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94',
      argocdClientId: 'b7e4d1c9-2a3f-4c8e-8f6b-0d9a1e5c3b27',
    },
    {
      name: 'dev-gke-euw1',
      role: 'workload',
      cloud: 'gcp',
      region: 'europe-west1',
      apiServer: 'https://172.16.0.2',
      caData: EXAMPLE_CLUSTER_CA,
      projectId: 'acme-platform-dev',
    },
  ],
  gitops: { repoUrl: GITOPS_REPO_URL, revision: { kind: 'track', branch: 'main' } },
  sync: { prune: true, selfHeal: true, ...BOUNDED_RETRY },
  driftDetection: { interval: Duration.minutes(2), alertAfter: Duration.minutes(5) },
  notifications: { slackChannel: 'platform-dev' },
  access: PLATFORM_ACCESS,
  syncWindows: [],
  charts: pinsOf('dev').charts,
  kyverno: { mode: 'audit', ...kyvernoPins(pinsOf('dev')) },
  clouds: {
    azure: {
      subscriptionId: '9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63',
      tenantId: '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94',
      location: 'westeurope',
    },
    gcp: { projectId: 'acme-platform-dev', region: 'europe-west1' },
  },
};
