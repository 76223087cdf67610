import { Duration } from 'cdk8s';
import { kyvernoPins, pinsOf } from './pins';
import { notSealedYet, secretsOf } from './secrets-data';
import {
  ADMIN_CIDRS,
  BOUNDED_RETRY,
  BUDGET_RECIPIENTS,
  CI_REPOSITORY,
  CI_REPOSITORY_ID,
  CI_RUNNER_CIDRS,
  DRIFT_SEVERITY_BY_CLASS,
  EXAMPLE_CLUSTER_CA,
  GITOPS_REPO_URL,
  grafanaUrls,
  ORGANISATION_PREFIX,
  PLATFORM_ACCESS,
  PLATFORM_COST_CENTRE,
  PLATFORM_GRAFANA_SSO,
  PLATFORM_OWNER,
  PLATFORM_SECRETS_NOT_SEALED_YET,
  PLATFORM_SSO,
} from './shared';
import { PAYMENTS_DEV } from './tenants/payments';
import { SEARCH_DEV } from './tenants/search';
import type { EnvironmentSpec } from './types';
import { PODINFO_DEV } from './workloads/podinfo';

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
      workloadClientIds: {
        terraformDrift: '4c1e8a2f-7b3d-4e9a-a6c5-2f8d0b1e7a43',
        policyReporter: '9d2b6f4e-1c8a-4f3e-b7d0-5a9e2c4f8b16',
        velero: '6e3f9a1c-8d2b-4c7e-9f1a-3b5d7e9c2a48',
      },
      // Outputs of azure-cluster-dev-aks-weu, copied after its first apply (like the client ids).
      oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94/6e2b9d4f-8a1c-4f7e-b3d5-0c9a2e6f1b84/',
      egressIp: '192.0.2.44',
      // AKS ended 1.34 on 2026-11-30 (constructs/kubernetes/kubernetes-support.ts); 1.35 runs to 2027-03-31.
      kubernetesVersion: '1.35',
      networkCidr: '10.10.0.0/16',
      apiAccess: { privateEndpoint: false, allowedCidrs: ADMIN_CIDRS },
      nodePool: { machineType: 'Standard_D4s_v5', minNodes: 1, maxNodes: 3 },
    },
    {
      name: 'dev-gke-euw1',
      role: 'workload',
      cloud: 'gcp',
      region: 'europe-west1',
      // The public endpoint (output `endpoint` of gcp-cluster-dev-gke-euw1): Argo CD on AKS has no
      // path to the private one; the authorised networks admit dev-aks-weu's egressIp.
      apiServer: 'https://192.0.2.80',
      caData: EXAMPLE_CLUSTER_CA,
      projectId: 'acme-platform-dev',
      projectNumber: '482913657204',
      kubernetesVersion: '1.34',
      networkCidr: '10.11.0.0/16',
      apiAccess: { privateEndpoint: false, allowedCidrs: ADMIN_CIDRS },
      nodePool: { machineType: 'e2-standard-4', minNodes: 1, maxNodes: 3 },
    },
  ],
  gitops: { repoUrl: GITOPS_REPO_URL, revision: { kind: 'track', branch: 'main' } },
  sync: { prune: true, ...BOUNDED_RETRY },
  driftDetection: {
    interval: Duration.minutes(2),
    severityByClass: DRIFT_SEVERITY_BY_CLASS,
    // Everything heals itself; drift that survives self-heal is worth a look within the hour.
    remediation: {
      critical: { strategy: 'sync', alertAfter: Duration.minutes(5) },
      warning: { strategy: 'sync', alertAfter: Duration.minutes(5) },
      info: { strategy: 'sync', alertAfter: Duration.minutes(15) },
    },
  },
  notifications: { slackChannel: 'platform-dev' },
  access: PLATFORM_ACCESS,
  // Okta applications of this environment: Argo CD web (confidential) and CLI (public, PKCE), Grafana web. Example ids.
  sso: {
    ...PLATFORM_SSO,
    url: 'https://argocd.dev.acme.example',
    clientId: '0oaExampleDevArgoWeb',
    cliClientId: '0oaExampleDevArgoCli',
    grafana: { ...PLATFORM_GRAFANA_SSO, urls: grafanaUrls(['dev-aks-weu', 'dev-gke-euw1']), clientId: '0oaExampleDevGrafana' },
  },
  syncWindows: [],
  charts: pinsOf('dev').charts,
  kyverno: { mode: 'audit', ...kyvernoPins(pinsOf('dev')) },
  clouds: {
    azure: {
      subscriptionId: '9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63',
      tenantId: '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94',
      location: 'westeurope',
    },
    gcp: { projectId: 'acme-platform-dev', region: 'europe-west1', billingAccount: '0A1B2C-3D4E5F-6A7B8C' },
  },
  // Nightly backups kept a week; losing a day of dev is acceptable.
  backup: {
    schedules: [{ name: 'daily', cron: '0 2 * * *', retention: Duration.days(7) }],
    rpo: Duration.hours(25),
    rto: Duration.hours(8),
    deletedBackupRetentionDays: 7,
  },
  delivery: { workloads: [PODINFO_DEV] },
  tenants: [PAYMENTS_DEV, SEARCH_DEV],
  // Certificates and sealed values are data (environments/sealing/dev, environments/sealed/dev: npm run seal).
  // fluent-bit-azure-logs: the Azure log output's client secret (dev's AKS cluster only).
  secrets: secretsOf('dev', notSealedYet('dev', [...PLATFORM_SECRETS_NOT_SEALED_YET, 'monitoring/fluent-bit-azure-logs'])),
  infrastructure: {
    organisationPrefix: ORGANISATION_PREFIX,
    // Terraform runs on self-hosted runners: the Azure state firewalls admit their egress.
    ci: { repository: CI_REPOSITORY, repositoryId: CI_REPOSITORY_ID, applyFrom: { kind: 'branch', name: 'main' }, runnerCidrs: CI_RUNNER_CIDRS },
    budget: { monthlyLimit: 2000, currency: 'USD', alertThresholds: [50, 80, 100], notifyEmails: BUDGET_RECIPIENTS },
    stateVersionRetentionDays: 90,
    driftCheckIntervalMinutes: 60,
  },
};
