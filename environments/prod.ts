import { Duration } from 'cdk8s';
import { kyvernoPins, pinsOf } from './pins';
import { notSealedYet, secretsOf } from './secrets-data';
import {
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
import type { EnvironmentSpec } from './types';
import { PODINFO_PROD } from './workloads/podinfo';

/**
 * prod: enforces every policy, self-heals but never prunes, runs a pinned release tag that only
 * manual promotion moves, and syncs automatically only inside the change windows. Two EKS regions.
 */
export const prod: EnvironmentSpec = {
  name: 'prod',
  tier: 'production',
  owner: PLATFORM_OWNER,
  costCentre: PLATFORM_COST_CENTRE,
  clusters: [
    {
      name: 'prod-eks-euw1',
      role: 'management',
      cloud: 'aws',
      region: 'eu-west-1',
      apiServer: 'https://9B4D2F6A8C1E3A5C7E9B0D2F4A6C8E1D.gr7.eu-west-1.eks.amazonaws.com',
      caData: EXAMPLE_CLUSTER_CA,
      kubernetesVersion: '1.34',
      networkCidr: '10.30.0.0/16',
      apiAccess: { privateEndpoint: true, allowedCidrs: [] },
      nodePool: { machineType: 'm6i.xlarge', minNodes: 3, maxNodes: 10 },
    },
    {
      name: 'prod-eks-euc1',
      role: 'workload',
      cloud: 'aws',
      region: 'eu-central-1',
      apiServer: 'https://3C7E1A5B9D2F4C6E8A0B2D4F6C8E1A3B.gr7.eu-central-1.eks.amazonaws.com',
      caData: EXAMPLE_CLUSTER_CA,
      kubernetesVersion: '1.34',
      networkCidr: '10.31.0.0/16',
      apiAccess: { privateEndpoint: true, allowedCidrs: [] },
      nodePool: { machineType: 'm6i.xlarge', minNodes: 3, maxNodes: 10 },
    },
  ],
  gitops: { repoUrl: GITOPS_REPO_URL, revision: { kind: 'pin', ref: 'v2026.11.2' } },
  sync: { prune: false, ...BOUNDED_RETRY },
  driftDetection: {
    interval: Duration.minutes(2),
    severityByClass: DRIFT_SEVERITY_BY_CLASS,
    // Security drift is reverted at once and pages; failed deliveries roll back on their own.
    remediation: {
      critical: { strategy: 'sync', alertAfter: Duration.minutes(5) },
      warning: { strategy: 'rollback', alertAfter: Duration.minutes(5) },
      info: { strategy: 'alert', alertAfter: Duration.minutes(15) },
    },
  },
  notifications: { slackChannel: 'platform-prod', pagerDutyService: 'platform-prod' },
  access: PLATFORM_ACCESS,
  // Okta applications of this environment: Argo CD web (confidential) and CLI (public, PKCE), Grafana web. Example ids.
  sso: {
    ...PLATFORM_SSO,
    url: 'https://argocd.prod.acme.example',
    clientId: '0oaExamplePrdArgoWeb',
    cliClientId: '0oaExamplePrdArgoCli',
    grafana: { ...PLATFORM_GRAFANA_SSO, urls: grafanaUrls(['prod-eks-euw1', 'prod-eks-euc1']), clientId: '0oaExamplePrdGrafana' },
  },
  syncWindows: [{ schedule: '0 8 * * 1-4', duration: Duration.hours(8), timeZone: 'Europe/Berlin' }],
  charts: pinsOf('prod').charts,
  promotesFrom: 'staging',
  kyverno: { mode: 'enforce', ...kyvernoPins(pinsOf('prod')) },
  clouds: { aws: { accountId: '123456789012', region: 'eu-west-1' } },
  // Hourly backups for a two-hour recovery point, and a month of nightly ones; the store is
  // replicated to the state replica's region.
  backup: {
    schedules: [
      { name: 'hourly', cron: '0 * * * *', retention: Duration.days(2) },
      { name: 'daily', cron: '30 2 * * *', retention: Duration.days(30) },
    ],
    rpo: Duration.hours(2),
    rto: Duration.hours(4),
    deletedBackupRetentionDays: 30,
    replicated: true,
  },
  delivery: { workloads: [PODINFO_PROD] },
  // Certificates and sealed values are data (environments/sealing/prod, environments/sealed/prod: npm run seal).
  secrets: secretsOf('prod', notSealedYet('prod', PLATFORM_SECRETS_NOT_SEALED_YET)),
  infrastructure: {
    organisationPrefix: ORGANISATION_PREFIX,
    // Applies only from the `production` GitHub environment: required reviewers, protected branches.
    ci: { repository: CI_REPOSITORY, repositoryId: CI_REPOSITORY_ID, applyFrom: { kind: 'environment', name: 'production' } },
    budget: { monthlyLimit: 20000, currency: 'USD', alertThresholds: [50, 80, 90, 100], notifyEmails: BUDGET_RECIPIENTS },
    stateReplica: { aws: 'eu-central-1' },
    stateVersionRetentionDays: 365,
    driftCheckIntervalMinutes: 15,
    // The on-call engineers who may assume prod-eks-break-glass (cluster-admin on both EKS
    // clusters when Argo CD cannot act), with MFA. Replace with your own IAM users.
    breakGlass: { awsPrincipals: ['arn:aws:iam::123456789012:user/oncall-primary', 'arn:aws:iam::123456789012:user/oncall-secondary'] },
  },
};
