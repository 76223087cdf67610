import { Duration } from 'cdk8s';
import { kyvernoPins, pinsOf } from './pins';
import { notSealedYet, secretsOf } from './secrets-data';
import {
  ADMIN_CIDRS,
  BOUNDED_RETRY,
  BUDGET_RECIPIENTS,
  CI_REPOSITORY,
  CI_REPOSITORY_ID,
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
import { PAYMENTS_STAGING } from './tenants/payments';
import { SEARCH_STAGING } from './tenants/search';
import type { EnvironmentSpec } from './types';
import { PODINFO_STAGING } from './workloads/podinfo';

/** staging: enforces policies on canary namespaces first, self-heals but never prunes. AWS. */
export const staging: EnvironmentSpec = {
  name: 'staging',
  tier: 'staging',
  owner: PLATFORM_OWNER,
  costCentre: PLATFORM_COST_CENTRE,
  clusters: [
    {
      name: 'staging-eks-euw1',
      role: 'management',
      cloud: 'aws',
      region: 'eu-west-1',
      apiServer: 'https://5E1A9C3F7B2D4E6A8C0B1D3F5A7C9E2B.gr7.eu-west-1.eks.amazonaws.com',
      caData: EXAMPLE_CLUSTER_CA,
      kubernetesVersion: '1.34',
      networkCidr: '10.20.0.0/16',
      apiAccess: { privateEndpoint: false, allowedCidrs: ADMIN_CIDRS },
      // 6, not 5: the tenants' quotas (payments, search) and podinfo's generated quota promise 7 CPU of requests (spec-tenant-capacity).
      nodePool: { machineType: 'm6i.large', minNodes: 2, maxNodes: 6 },
    },
  ],
  gitops: { repoUrl: GITOPS_REPO_URL, revision: { kind: 'track', branch: 'main' } },
  sync: { prune: false, ...BOUNDED_RETRY },
  driftDetection: {
    interval: Duration.minutes(2),
    severityByClass: DRIFT_SEVERITY_BY_CLASS,
    // Low-severity drift is left in place for someone to look at: it is often an experiment.
    remediation: {
      critical: { strategy: 'sync', alertAfter: Duration.minutes(5) },
      warning: { strategy: 'sync', alertAfter: Duration.minutes(10) },
      info: { strategy: 'alert', alertAfter: Duration.minutes(30) },
    },
  },
  notifications: { slackChannel: 'platform-staging' },
  access: PLATFORM_ACCESS,
  // Okta applications of this environment: Argo CD web (confidential) and CLI (public, PKCE), Grafana web. Example ids.
  sso: {
    ...PLATFORM_SSO,
    url: 'https://argocd.staging.acme.example',
    clientId: '0oaExampleStgArgoWeb',
    cliClientId: '0oaExampleStgArgoCli',
    grafana: { ...PLATFORM_GRAFANA_SSO, urls: grafanaUrls(['staging-eks-euw1']), clientId: '0oaExampleStgGrafana' },
  },
  syncWindows: [],
  charts: pinsOf('staging').charts,
  promotesFrom: 'dev',
  kyverno: { mode: 'canary', ...kyvernoPins(pinsOf('staging')) },
  clouds: { aws: { accountId: '210987654321', region: 'eu-west-1' } },
  backup: {
    schedules: [{ name: 'daily', cron: '0 2 * * *', retention: Duration.days(14) }],
    rpo: Duration.hours(25),
    rto: Duration.hours(4),
    deletedBackupRetentionDays: 14,
  },
  delivery: { workloads: [PODINFO_STAGING] },
  tenants: [PAYMENTS_STAGING, SEARCH_STAGING],
  // Certificates and sealed values are data (environments/sealing/staging, environments/sealed/staging: npm run seal).
  secrets: secretsOf('staging', notSealedYet('staging', PLATFORM_SECRETS_NOT_SEALED_YET)),
  infrastructure: {
    organisationPrefix: ORGANISATION_PREFIX,
    ci: { repository: CI_REPOSITORY, repositoryId: CI_REPOSITORY_ID, applyFrom: { kind: 'branch', name: 'main' } },
    budget: { monthlyLimit: 5000, currency: 'USD', alertThresholds: [50, 80, 100], notifyEmails: BUDGET_RECIPIENTS },
    stateVersionRetentionDays: 90,
    driftCheckIntervalMinutes: 30,
  },
};
