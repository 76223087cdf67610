import { Duration } from 'cdk8s';
import type { OidcSingleSignOn } from '../constructs/argocd/argocd-sso';
import type { GrafanaSingleSignOn } from '../constructs/platform/addons/grafana-login';
import type { AccessSpec, CiIdentitySpec, DriftDetectionSpec, SyncSpec } from './types';

/**
 * Values every environment shares. Kept here so that the environment files differ only where the
 * environments really differ.
 */

/** This repository, as Argo CD clones it; the root app of every environment reads `dist/k8s/<env>`. */
export const GITOPS_REPO_URL = 'https://github.com/acme/platform-gitops.git';

/**
 * The organisation's short name: starts the cloud names that must be unique across all customers
 * (the AWS state buckets, the Azure state storage accounts). Changing it renames the state stores.
 */
export const ORGANISATION_PREFIX = 'acme';

export const PLATFORM_OWNER = 'platform-team';
export const PLATFORM_COST_CENTRE = 'cc-4711';

/**
 * Placeholder CA bundle for the reference fleet. Replace it per cluster with the real one
 * (`aws eks describe-cluster`, `az aks show`, `gcloud container clusters describe`); it is public
 * data, not a credential.
 */
export const EXAMPLE_CLUSTER_CA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMuLi5leGFtcGxlLi4uCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';

/** Retries back off 10s, 20s, 40s ... up to 5m, then stop and alert: no remediation loops (WS3). */
/**
 * How severe drift is per class of resources, the same everywhere: a changed policy or RBAC rule
 * is a security incident, a changed add-on or workload an outage risk, a changed dashboard is not.
 */
export const DRIFT_SEVERITY_BY_CLASS: DriftDetectionSpec['severityByClass'] = {
  policies: 'critical',
  rbac: 'critical',
  configuration: 'critical',
  platform: 'warning',
  workloads: 'warning',
  observability: 'info',
};

/** 10 retries, 10s x 2 up to 5m: 30 minutes, long enough for a fresh cluster's first install. */
export const BOUNDED_RETRY: Pick<SyncSpec, 'retryLimit' | 'retryBackoff'> = {
  retryLimit: 10,
  retryBackoff: { initial: Duration.seconds(10), factor: 2, max: Duration.minutes(5) },
};

/** SSO groups of the platform team; environments add to these, never replace the emergency group. */
export const PLATFORM_ACCESS: AccessSpec = {
  readOnlyGroups: ['platform-viewers'],
  deployerGroups: ['platform-engineers'],
  emergencyGroups: ['platform-oncall'],
};

/**
 * The one identity provider of the estate (Okta: a custom authorization server behind the custom
 * domain login.acme.example; example values), set up as in Argo CD's
 * docs/operator-manual/user-management/okta.md (v2.14.2). Its `groups` claim carries the group names of
 * PLATFORM_ACCESS, filtered to the platform groups, in the ID token when the `groups` scope is
 * requested. Each environment has its own applications (client ids, redirect URI `<url>/auth/callback`)
 * and its own client secret, in the Secret `argocd-oidc` (key `clientSecret`) of the `argocd`
 * namespace, labelled `app.kubernetes.io/part-of: argocd`, created outside Git.
 */
export const PLATFORM_SSO: Pick<OidcSingleSignOn, 'issuer' | 'clientSecret' | 'groupsClaim' | 'requestedScopes' | 'displayName'> = {
  issuer: 'https://login.acme.example/oauth2/default',
  clientSecret: { secretName: 'argocd-oidc', key: 'clientSecret' },
  groupsClaim: 'groups',
  requestedScopes: ['openid', 'profile', 'email', 'groups'],
  displayName: 'Okta',
};

/**
 * Grafana's application at the same provider (Okta custom authorization server of PLATFORM_SSO):
 * generic OAuth reads no discovery document, so its endpoints are stated. Each environment has its
 * own Grafana application (client id, one redirect URI `<url>/login/generic_oauth` per cluster) and
 * its client secret in the Secret `grafana-oidc` (key `clientSecret`) of the `monitoring`
 * namespace of every cluster, created outside Git (secrets inventory).
 */
export const PLATFORM_GRAFANA_SSO: Pick<GrafanaSingleSignOn, 'clientSecret' | 'authUrl' | 'tokenUrl' | 'apiUrl'> = {
  clientSecret: { secretName: 'grafana-oidc', key: 'clientSecret' },
  authUrl: `${PLATFORM_SSO.issuer}/v1/authorize`,
  tokenUrl: `${PLATFORM_SSO.issuer}/v1/token`,
  apiUrl: `${PLATFORM_SSO.issuer}/v1/userinfo`,
};

/** Grafana's address on each cluster: `https://grafana.<cluster>.acme.example` (example domain). */
export function grafanaUrls(clusters: readonly string[]): Readonly<Record<string, string>> {
  return Object.fromEntries(clusters.map((cluster) => [cluster, `https://grafana.${cluster}.acme.example`]));
}

/** The GitHub repository whose workflows run Terraform (the same repository Argo CD reads). */
export const CI_REPOSITORY: CiIdentitySpec['repository'] = 'acme/platform-gitops';

/** GitHub's id of CI_REPOSITORY (`gh api repos/acme/platform-gitops --jq .id`). */
export const CI_REPOSITORY_ID: CiIdentitySpec['repositoryId'] = '734215908';

/** Who hears about budget thresholds: the FinOps list and the platform team. */
export const BUDGET_RECIPIENTS: readonly string[] = ['finops@acme.example', 'platform-team@acme.example'];

/**
 * Public egress ranges allowed to reach non-private API servers: the CI runners and the office VPN.
 * (RFC 5737 documentation ranges in the reference fleet.)
 */
export const ADMIN_CIDRS: readonly string[] = ['198.51.100.0/24', '203.0.113.0/24'];

/**
 * Static egress of the self-hosted CI runners that run Terraform (their NAT gateway): the Azure
 * state account and Key Vault firewalls admit them (RFC 5737 documentation range in the reference fleet).
 */
export const CI_RUNNER_CIDRS: readonly string[] = ['192.0.2.224/28'];

/**
 * The platform's Secrets the example environments do not seal yet, on every cluster: created by hand
 * until each cluster's real controller certificate is committed and they are sealed (README "Sealed
 * Secrets"). grafana-admin is sealed, with example certificates whose private keys were discarded.
 */
export const PLATFORM_SECRETS_NOT_SEALED_YET: readonly `${string}/${string}`[] = [
  'argocd/argocd-notifications-secret',
  'argo-rollouts/argo-rollouts-notification-secret',
  'argocd/argocd-oidc',
  'monitoring/alertmanager-notification-keys',
  'monitoring/grafana-oidc',
  'policy-reporter/policy-reporter-slack',
];
