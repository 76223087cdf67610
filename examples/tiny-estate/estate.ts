import { App, Chart, Duration } from 'cdk8s';
import { App as TerraformApp } from 'cdktf';
import {
  AppProject,
  Application,
  ApplicationSource,
  aws,
  ClusterPolicy,
  ClusterRegistration,
  type EksClusterSpec,
  FailureAction,
  type MonitoringDomain,
  type PolicyDefinition,
  PrometheusRules,
  ProjectRole,
  SyncPolicy,
  type TerraformEnvironment,
} from 'gitops-cdk';

/**
 * A tiny estate of another organisation ("examplecorp"), built from the gitops-cdk library alone:
 * everything comes from the package entry point (`gitops-cdk`, constructs/index.ts), nothing from
 * this repository's environments/, policies/ or apps/. One production environment, one EKS
 * cluster, one team, one policy of its own, one alert of its own, and the AWS foundation stack
 * (state store, CI identities, budget). test/examples/tiny-estate.test.ts synthesizes it.
 */

const ENVIRONMENT = 'shop-prod';

const CLUSTER: EksClusterSpec = {
  name: 'shop-prod-eks',
  role: 'management',
  cloud: 'aws',
  region: 'us-east-1',
  apiServer: 'https://ABCDEF0123456789ABCDEF0123456789.gr7.us-east-1.eks.amazonaws.com',
  caData: Buffer.from('-----BEGIN CERTIFICATE-----\nexamplecorp\n-----END CERTIFICATE-----\n').toString('base64'),
  kubernetesVersion: '1.34',
  networkCidr: '10.50.0.0/16',
  apiAccess: { privateEndpoint: true, allowedCidrs: [] },
  nodePool: { machineType: 'm7i.large', minNodes: 3, maxNodes: 9 },
};

/** The Terraform view of the environment: only what the stacks read. */
export const TERRAFORM_ENVIRONMENT: TerraformEnvironment = {
  name: ENVIRONMENT,
  tier: 'production',
  owner: 'shop-platform',
  costCentre: 'cc-shop',
  clouds: { aws: { accountId: '444455556666', region: 'us-east-1' } },
  clusters: [CLUSTER],
  infrastructure: {
    organisationPrefix: 'examplecorp',
    ci: { repository: 'examplecorp/shop-gitops', repositoryId: '55501234', applyFrom: { kind: 'environment', name: 'production' } },
    budget: { monthlyLimit: 3000, currency: 'USD', alertThresholds: [80, 100], notifyEmails: ['finops@examplecorp.example'] },
    stateReplica: { aws: 'us-west-2' },
    stateVersionRetentionDays: 365,
    driftCheckIntervalMinutes: 15,
    breakGlass: { awsPrincipals: ['arn:aws:iam::444455556666:user/shop-oncall'] },
  },
  // What Velero deletes stays recoverable for 30 days; the backup store is copied to us-west-2 too.
  backup: { deletedBackupRetentionDays: 30, replicated: true },
};

/** examplecorp's own policy: every Deployment names its owning team. */
export const REQUIRE_TEAM_LABEL: PolicyDefinition = {
  name: 'require-team-label',
  title: 'Require Team Label',
  category: 'Best Practices',
  severity: 'medium',
  description: 'Every Deployment names the team that owns it, so that alerts and costs reach a person.',
  release: '1.0.0',
  controls: { soc2: ['CC6.1'], pciDss: [], iso27001: ['A.5.9'], cisKubernetes: [] },
  rules: [
    {
      type: 'validate',
      name: 'deployment-has-team',
      match: { any: [{ resources: { kinds: ['Deployment'] } }] },
      message: 'Deployments carry the label examplecorp.example/team.',
      check: { pattern: { metadata: { labels: { 'examplecorp.example/team': '?*' } } } },
    },
  ],
  cases: [
    {
      description: 'a labelled Deployment',
      rule: 'deployment-has-team',
      expect: 'pass',
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'cart', namespace: 'shop', labels: { 'examplecorp.example/team': 'cart' } } },
    },
    {
      description: 'an unlabelled Deployment',
      rule: 'deployment-has-team',
      expect: 'fail',
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'cart', namespace: 'shop' } },
    },
  ],
};

/** examplecorp's own alert, with the promtool cases that prove it fires and stays quiet. */
export const CHECKOUT_DOMAIN: MonitoringDomain = {
  name: 'checkout',
  recordings: [],
  alerts: [
    {
      name: 'CheckoutErrorsHigh',
      expr: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m])) > 0.05',
      for: Duration.minutes(10),
      severity: 'critical',
      summary: 'More than 5 % of checkout requests fail',
      description: 'The checkout service answers more than 5 % of its requests with a server error.',
      cases: {
        fires: {
          description: 'one request in ten fails',
          series: [
            { series: 'http_requests_total{job="checkout",code="500"}', values: '0+60x30' },
            { series: 'http_requests_total{job="checkout",code="200"}', values: '0+540x30' },
          ],
          at: '20m',
          firing: [{}],
        },
        quiet: {
          description: 'no request fails',
          series: [{ series: 'http_requests_total{job="checkout",code="200"}', values: '0+600x30' }],
          at: '20m',
          firing: [],
        },
      },
    },
  ],
};

export interface TinyEstate {
  readonly kubernetes: App;
  readonly platform: Chart;
  readonly terraform: TerraformApp;
  readonly foundation: aws.AwsFoundationStack;
}

/** Builds the estate's two construct trees; the caller synthesizes them (`App.synthYaml`, `renderStack`). */
export function tinyEstate(terraformOutdir: string): TinyEstate {
  const kubernetes = new App();
  const platform = new Chart(kubernetes, 'platform');
  const cluster = new ClusterRegistration(platform, 'cluster', { environment: ENVIRONMENT, cluster: CLUSTER, awsAccountId: '444455556666' });
  const project = new AppProject(platform, 'shop', {
    name: 'shop',
    description: 'The shop team: its repository, its namespace on its cluster',
    sourceRepos: ['https://github.com/examplecorp/shop-gitops.git'],
    clusters: [cluster],
    namespaces: ['shop'],
    roles: [new ProjectRole({ name: 'deployers', description: 'Sync and read the shop', groups: ['shop-engineers'], applicationActions: ['get', 'sync'], readLogs: true })],
    syncWindows: [{ schedule: '0 9 * * 1-4', duration: Duration.hours(6), timeZone: 'America/New_York' }],
  });
  new Application(platform, 'cart', {
    name: 'cart',
    cluster,
    project,
    namespace: 'shop',
    source: ApplicationSource.gitPath('https://github.com/examplecorp/shop-gitops.git', 'v1.4.0', 'deploy/cart'),
    // Production never prunes on its own: a deleted file must not delete live resources.
    syncPolicy: SyncPolicy.fromSpec({ prune: false, retryLimit: 5, retryBackoff: { initial: Duration.seconds(10), factor: 2, max: Duration.minutes(3) } }, { selfHeal: true }),
  });
  new ClusterPolicy(platform, 'require-team-label', { definition: REQUIRE_TEAM_LABEL, failureAction: FailureAction.enforce(), webhook: { failurePolicy: 'Fail' } });
  new PrometheusRules(platform, 'checkout', { domain: CHECKOUT_DOMAIN, runbookUrl: (alert) => `https://runbooks.examplecorp.example/${alert}` });

  const terraform = new TerraformApp({ outdir: terraformOutdir });
  const foundation = new aws.AwsFoundationStack(terraform, 'aws-foundation', { spec: TERRAFORM_ENVIRONMENT });
  return { kubernetes, platform, terraform, foundation };
}
