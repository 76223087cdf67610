import { Duration } from 'cdk8s';
import type { AccessSpec, ChartVersions, DriftDetectionSpec, SyncSpec } from '../../environments/types';

/**
 * The organisation the test fixtures belong to: deliberately not the example estate's (`acme`), so
 * that renaming the organisation in environments/ or adding an environment, a cluster or a policy
 * there changes no test except the inventory test that pins the example estate
 * (test/estate/reference-estate.test.ts). Every value is a documentation or example value.
 */
export const FIXTURE_ORGANISATION = 'fixtureco';

/** The DNS domain of the fixture organisation's addresses (Argo CD, Grafana, the identity provider). */
export const FIXTURE_DOMAIN = `${FIXTURE_ORGANISATION}.example`;

/** The GitHub repository that Argo CD reads and whose workflows run Terraform. */
export const FIXTURE_REPOSITORY = `${FIXTURE_ORGANISATION}/estate-gitops`;
export const FIXTURE_REPO_URL = `https://github.com/${FIXTURE_REPOSITORY}.git`;
export const FIXTURE_REPOSITORY_ID = '918273645';

export const FIXTURE_OWNER = 'fixture-platform';
export const FIXTURE_COST_CENTRE = 'cc-0042';

/**
 * The fixtures' own chart pins, copied once from a known-good set: versions the estate's verify
 * knows (kyverno 3.9.1 is a KYVERNO_RELEASES entry). They move only when a test needs them to, not
 * when environments/pins.json is promoted.
 */
export const FIXTURE_CHARTS: ChartVersions = {
  argoCd: '7.8.2',
  argoRollouts: '2.39.0',
  clusterAutoscaler: '9.53.0',
  fluentBit: '0.48.5',
  kubePrometheusStack: '67.9.0',
  kyverno: '3.9.1',
  policyReporter: '3.0.3',
  pushgateway: '2.17.0',
  sealedSecrets: '2.17.1',
  tempo: '1.18.1',
  velero: '11.4.0',
  opencost: '2.5.17',
};

/** Policy catalog releases the fixtures run: existing releases, so a new policy in a newer release changes nothing here. */
export const FIXTURE_CATALOG = '1.2.0';
export const FIXTURE_CANARY_PASSED = '1.1.0';

/** base64 of a PEM-shaped placeholder: the spec checks want base64 of something starting with the PEM header. */
export const FIXTURE_CLUSTER_CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIC...fixture...\n-----END CERTIFICATE-----\n').toString('base64');

/** Public ranges allowed to reach non-private API servers (RFC 5737 documentation ranges). */
export const FIXTURE_ADMIN_CIDRS: readonly string[] = ['203.0.113.64/26'];

/** Static egress of the CI runners that apply Azure stacks (RFC 5737). */
export const FIXTURE_RUNNER_CIDRS: readonly string[] = ['198.51.100.32/28'];

export const FIXTURE_BUDGET_RECIPIENTS: readonly string[] = [`finops@${FIXTURE_DOMAIN}`];

export const FIXTURE_ACCESS: AccessSpec = {
  readOnlyGroups: ['fixture-viewers'],
  deployerGroups: ['fixture-deployers'],
  emergencyGroups: ['fixture-oncall'],
};

/** 10 retries, 10s x 2 up to 5m: the 30 minutes the spec checks want for a fresh cluster's first install. */
export const FIXTURE_RETRY: Pick<SyncSpec, 'retryLimit' | 'retryBackoff'> = {
  retryLimit: 10,
  retryBackoff: { initial: Duration.seconds(10), factor: 2, max: Duration.minutes(5) },
};

export const FIXTURE_SEVERITY_BY_CLASS: DriftDetectionSpec['severityByClass'] = {
  policies: 'critical',
  rbac: 'critical',
  configuration: 'critical',
  platform: 'warning',
  workloads: 'warning',
  observability: 'info',
};

/** The identity provider (an OIDC issuer of the fixture domain). */
export const FIXTURE_ISSUER = `https://login.${FIXTURE_DOMAIN}/oauth2/default`;

/** Cloud accounts: one AWS account, one Azure tenant and subscription, one GCP billing account. */
export const FIXTURE_AWS_ACCOUNT = '111122223333';
export const FIXTURE_AZURE_TENANT = '0f1e2d3c-4b5a-4697-8887-a9b8c7d6e5f4';
export const FIXTURE_AZURE_SUBSCRIPTION = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
export const FIXTURE_GCP_BILLING_ACCOUNT = '0F1E2D-3C4B5A-697887';
export const FIXTURE_GCP_PROJECT_NUMBER = '730461829503';
