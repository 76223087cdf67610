import { Duration } from 'cdk8s';
import type { CloudAccounts, ClusterSpec, EnvironmentSpec, InfrastructureSpec, Tier } from '../../environments/types';
import { aksCluster, eksCluster, gkeCluster } from './fixture-clusters';
import {
  FIXTURE_ACCESS,
  FIXTURE_ADMIN_CIDRS,
  FIXTURE_AWS_ACCOUNT,
  FIXTURE_AZURE_SUBSCRIPTION,
  FIXTURE_BUDGET_RECIPIENTS,
  FIXTURE_CANARY_PASSED,
  FIXTURE_CATALOG,
  FIXTURE_CHARTS,
  FIXTURE_COST_CENTRE,
  FIXTURE_DOMAIN,
  FIXTURE_GCP_BILLING_ACCOUNT,
  FIXTURE_ISSUER,
  FIXTURE_ORGANISATION,
  FIXTURE_OWNER,
  FIXTURE_REPO_URL,
  FIXTURE_REPOSITORY,
  FIXTURE_REPOSITORY_ID,
  FIXTURE_RETRY,
  FIXTURE_RUNNER_CIDRS,
  FIXTURE_SEVERITY_BY_CLASS,
} from './fixture-organisation';

export * from './fixture-organisation';

/**
 * Valid `EnvironmentSpec`s for tests, built without the example estate (environments/dev.ts and
 * friends, pins.json), so a change of the estate changes no test that uses them. Each tier has the
 * defaults the rules of its tier require:
 *
 * - development (`lab`): audits policies, prunes and self-heals, tracks main; an AKS management
 *   cluster and a GKE workload cluster (Argo CD federates from Azure to GCP).
 * - staging (`stage`): Kyverno canary, never prunes, receives pins by promotion from `lab`; one EKS cluster.
 * - production (`live`): enforces, never prunes, a pinned release, sync windows, PagerDuty, SSO
 *   required, state replicas, applies from a GitHub environment, break-glass when it has EKS; two
 *   private EKS clusters.
 *
 * Overrides replace whole top-level fields; clouds, SSO (Grafana URLs), state replicas and
 * break-glass are derived from the final clusters unless overridden. When no cluster has role
 * `management`, the first one gets it.
 */
export type FixtureOverrides = Partial<EnvironmentSpec>;

/** The environment name of each tier's fixture. */
export const FIXTURE_NAMES: Readonly<Record<Tier, string>> = { development: 'lab', staging: 'stage', production: 'live' };

/** The pinned revision of the production fixture. */
export const FIXTURE_RELEASE_TAG = 'v1.4.2';

/** The production fixture's change window. */
export const FIXTURE_SYNC_WINDOW = { schedule: '0 9 * * 1-4', duration: Duration.hours(6), timeZone: 'Europe/London' } as const;

function defaultClusters(tier: Tier, name: string): ClusterSpec[] {
  switch (tier) {
    case 'development':
      return [
        aksCluster(`${name}-aks-neu`, {
          role: 'management',
          apiAccess: { privateEndpoint: false, allowedCidrs: FIXTURE_ADMIN_CIDRS },
          nodePool: { machineType: 'Standard_D4s_v5', minNodes: 1, maxNodes: 3 },
        }),
        gkeCluster(`${name}-gke-euw4`),
      ];
    case 'staging':
      return [eksCluster(`${name}-eks-euw2`, { role: 'management' })];
    case 'production':
      return [eksCluster(`${name}-eks-euw2`, { role: 'management' }), eksCluster(`${name}-eks-eun1`, { region: 'eu-north-1' })];
  }
}

function withManagement(clusters: readonly ClusterSpec[]): ClusterSpec[] {
  if (clusters.some((cluster) => cluster.role === 'management')) return [...clusters];
  return clusters.map((cluster, index) => (index === 0 ? { ...cluster, role: 'management' } : cluster));
}

/** The account of each cloud the clusters run on, as the first cluster of that cloud names it. */
function cloudsOf(clusters: readonly ClusterSpec[]): CloudAccounts {
  const eks = clusters.find((cluster) => cluster.cloud === 'aws');
  const aks = clusters.find((cluster) => cluster.cloud === 'azure');
  const gke = clusters.find((cluster) => cluster.cloud === 'gcp');
  return {
    ...(eks?.cloud === 'aws' ? { aws: { accountId: FIXTURE_AWS_ACCOUNT, region: eks.region } } : {}),
    ...(aks?.cloud === 'azure' ? { azure: { subscriptionId: FIXTURE_AZURE_SUBSCRIPTION, tenantId: aks.tenantId, location: aks.region } } : {}),
    ...(gke?.cloud === 'gcp' ? { gcp: { projectId: gke.projectId, region: gke.region, billingAccount: FIXTURE_GCP_BILLING_ACCOUNT } } : {}),
  };
}

/** A second region per cloud for production's state replica: never the primary one. */
function replicasOf(clouds: CloudAccounts): InfrastructureSpec['stateReplica'] {
  const other = (primary: string, first: string, second: string): string => (primary === first ? second : first);
  return {
    ...(clouds.aws ? { aws: other(clouds.aws.region, 'eu-central-1', 'eu-west-1') } : {}),
    ...(clouds.azure ? { azure: other(clouds.azure.location, 'westeurope', 'northeurope') } : {}),
    ...(clouds.gcp ? { gcp: other(clouds.gcp.region, 'europe-west1', 'europe-west4') } : {}),
  };
}

function infrastructureOf(tier: Tier, clusters: readonly ClusterSpec[], clouds: CloudAccounts): InfrastructureSpec {
  const production = tier === 'production';
  const awsAccount = clouds.aws?.accountId;
  return {
    ci: {
      repository: FIXTURE_REPOSITORY,
      repositoryId: FIXTURE_REPOSITORY_ID,
      applyFrom: production ? { kind: 'environment', name: 'production' } : { kind: 'branch', name: 'main' },
      ...(clouds.azure ? { runnerCidrs: FIXTURE_RUNNER_CIDRS } : {}),
    },
    budget: { monthlyLimit: production ? 10000 : 1000, currency: 'USD', alertThresholds: [50, 80, 100], notifyEmails: FIXTURE_BUDGET_RECIPIENTS },
    ...(production ? { stateReplica: replicasOf(clouds) } : {}),
    organisationPrefix: FIXTURE_ORGANISATION,
    stateVersionRetentionDays: production ? 365 : 90,
    driftCheckIntervalMinutes: { development: 60, staging: 30, production: 15 }[tier],
    ...(production && awsAccount !== undefined && clusters.some((cluster) => cluster.cloud === 'aws')
      ? { breakGlass: { awsPrincipals: [`arn:aws:iam::${awsAccount}:user/fixture-oncall`] } }
      : {}),
  };
}

export function fixtureEnvironment(overrides: FixtureOverrides = {}): EnvironmentSpec {
  const tier = overrides.tier ?? 'development';
  const name = overrides.name ?? FIXTURE_NAMES[tier];
  const clusters = withManagement(overrides.clusters ?? defaultClusters(tier, name));
  const clouds = overrides.clouds ?? cloudsOf(clusters);
  const production = tier === 'production';
  const base: EnvironmentSpec = {
    name,
    tier,
    owner: FIXTURE_OWNER,
    costCentre: FIXTURE_COST_CENTRE,
    clusters,
    gitops: { repoUrl: FIXTURE_REPO_URL, revision: production ? { kind: 'pin', ref: FIXTURE_RELEASE_TAG } : { kind: 'track', branch: 'main' } },
    sync: { prune: tier === 'development', ...FIXTURE_RETRY },
    driftDetection: {
      interval: Duration.minutes(2),
      severityByClass: FIXTURE_SEVERITY_BY_CLASS,
      remediation: {
        critical: { strategy: 'sync', alertAfter: Duration.minutes(5) },
        warning: { strategy: production ? 'rollback' : 'sync', alertAfter: Duration.minutes(5) },
        info: { strategy: tier === 'development' ? 'sync' : 'alert', alertAfter: Duration.minutes(15) },
      },
    },
    notifications: { slackChannel: `${name}-alerts`, ...(production ? { pagerDutyService: `${name}-platform` } : {}) },
    access: FIXTURE_ACCESS,
    sso: {
      url: `https://argocd.${name}.${FIXTURE_DOMAIN}`,
      issuer: FIXTURE_ISSUER,
      clientId: `${name}-argocd-web`,
      cliClientId: `${name}-argocd-cli`,
      clientSecret: { secretName: 'argocd-oidc', key: 'clientSecret' },
      groupsClaim: 'groups',
      requestedScopes: ['openid', 'profile', 'email', 'groups'],
      displayName: 'Fixture SSO',
      grafana: {
        urls: Object.fromEntries(clusters.map((cluster) => [cluster.name, `https://grafana.${cluster.name}.${FIXTURE_DOMAIN}`])),
        clientId: `${name}-grafana`,
        clientSecret: { secretName: 'grafana-oidc', key: 'clientSecret' },
        authUrl: `${FIXTURE_ISSUER}/v1/authorize`,
        tokenUrl: `${FIXTURE_ISSUER}/v1/token`,
        apiUrl: `${FIXTURE_ISSUER}/v1/userinfo`,
      },
    },
    syncWindows: production ? [FIXTURE_SYNC_WINDOW] : [],
    charts: FIXTURE_CHARTS,
    kyverno:
      tier === 'development'
        ? { mode: 'audit', catalog: FIXTURE_CATALOG }
        : tier === 'staging'
          ? { mode: 'canary', catalog: FIXTURE_CATALOG, canaryPassed: FIXTURE_CANARY_PASSED }
          : // Production runs the release that passed its canary in staging.
            { mode: 'enforce', catalog: FIXTURE_CANARY_PASSED },
    ...(tier === 'staging' ? { promotesFrom: FIXTURE_NAMES.development } : production ? { promotesFrom: FIXTURE_NAMES.staging } : {}),
    clouds,
    infrastructure: infrastructureOf(tier, clusters, clouds),
    backup: {
      schedules: [{ name: 'daily', cron: '0 3 * * *', retention: Duration.days(production ? 30 : 7) }],
      rpo: Duration.hours(25),
      rto: Duration.hours(production ? 4 : 8),
      deletedBackupRetentionDays: production ? 30 : 7,
      ...(production ? { replicated: true } : {}),
    },
    // Every Secret the fixture's constructs may read, on every cluster: tests that seal build their own `secrets`.
    secrets: {
      sealingCertificates: {},
      sealed: [],
      providedOutOfBand: [
        ['argo-rollouts', 'argo-rollouts-notification-secret'],
        ['argocd', 'argocd-notifications-secret'],
        ['argocd', 'argocd-oidc'],
        ['monitoring', 'alertmanager-notification-keys'],
        ['monitoring', 'fluent-bit-azure-logs'],
        ['monitoring', 'grafana-admin'],
        ['monitoring', 'grafana-oidc'],
        ['policy-reporter', 'policy-reporter-slack'],
      ].map(([namespace, name]) => ({ namespace: namespace!, name: name!, reason: 'created by hand in the fixture' })),
    },
  };
  return { ...base, ...overrides, name, tier, clusters, clouds };
}

/** A fleet of one environment per tier, in promotion order (what tests iterate instead of ENVIRONMENTS). */
export function fixtureEstate(): EnvironmentSpec[] {
  return [fixtureEnvironment({ tier: 'development' }), fixtureEnvironment({ tier: 'staging' }), fixtureEnvironment({ tier: 'production' })];
}
