import { checkDriftCheckInterval } from '../../constructs/drift/drift-check-schedule';
import { AZURE_ZONAL_REGIONS } from '../../constructs/terraform/azure/availability-zones';
import { Ipv4Cidr } from '../../constructs/terraform/ipv4-cidr';
import { type Finding, finding, matches, unless } from '../../constructs/core/finding';
import type { Cloud, ClusterSpec, EnvironmentSpec } from '../../environments/types';

/**
 * Checks of what the Terraform side builds from a spec: cluster networks, API access, node pools,
 * CI identities, budgets and state retention. Same shape as the checks in validate.ts.
 */

type Check = (spec: EnvironmentSpec) => readonly Finding[];

/** RFC 1918 private ranges: cluster networks must not be routable on the internet. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => Ipv4Cidr.parse(c));

const KUBERNETES_VERSION = /^1\.\d{2}$/;
/** Room for node, pod (AWS VPC CNI) and service ranges: /16 to /20. */
const NETWORK_PREFIX = { min: 16, max: 20 } as const;
const MAX_NODES = 100;
const GITHUB_REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const GITHUB_REPOSITORY_ID = /^[1-9][0-9]{0,19}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

function checkCluster(cluster: ClusterSpec, at: string, spec: EnvironmentSpec): Finding[] {
  const network = Ipv4Cidr.tryParse(cluster.networkCidr);
  const production = spec.tier === 'production';
  const { apiAccess, nodePool } = cluster;
  return [
    ...unless(
      matches(cluster.kubernetesVersion, KUBERNETES_VERSION),
      `${at}.kubernetesVersion`,
      cluster.kubernetesVersion,
      'must be a Kubernetes minor version like 1.34: the managed control planes take major.minor and pick the patch',
      "set kubernetesVersion: '1.34'",
    ),
    ...unless(
      network !== undefined &&
        PRIVATE_RANGES.some((range) => range.contains(network)) &&
        network.prefix >= NETWORK_PREFIX.min &&
        network.prefix <= NETWORK_PREFIX.max,
      `${at}.networkCidr`,
      cluster.networkCidr,
      `must be a private (RFC 1918) IPv4 network between /${NETWORK_PREFIX.min} and /${NETWORK_PREFIX.max}, written as its network address: nodes, pods and services are carved from it`,
      "use a free range such as '10.40.0.0/16'",
    ),
    ...apiAccess.allowedCidrs.flatMap((cidr, i) =>
      unless(
        (Ipv4Cidr.tryParse(cidr)?.prefix ?? 0) > 0,
        `${at}.apiAccess.allowedCidrs[${i}]`,
        cidr,
        'must be an IPv4 CIDR narrower than 0.0.0.0/0: the API server would be open to the internet',
        "list the CI runners' and VPN egress ranges, e.g. '203.0.113.0/24'",
      ),
    ),
    ...unless(
      apiAccess.privateEndpoint || apiAccess.allowedCidrs.length > 0,
      `${at}.apiAccess.allowedCidrs`,
      apiAccess.allowedCidrs,
      'a public API endpoint needs an allow list: without one every address on the internet can reach the API server',
      'list the admin CIDRs, or set privateEndpoint: true',
    ),
    ...unless(
      !production || apiAccess.privateEndpoint,
      `${at}.apiAccess.privateEndpoint`,
      apiAccess.privateEndpoint,
      'production API servers have no public endpoint: they are reached from inside the network only',
      'set apiAccess: { privateEndpoint: true, allowedCidrs: [] }',
    ),
    ...unless(
      nodePool.machineType.trim() !== '',
      `${at}.nodePool.machineType`,
      nodePool.machineType,
      'a node pool needs a machine type',
      "set the cloud's type, e.g. 'm6i.large', 'Standard_D4s_v5' or 'e2-standard-4'",
    ),
    ...unless(
      Number.isInteger(nodePool.minNodes) && Number.isInteger(nodePool.maxNodes) && nodePool.minNodes >= 1 && nodePool.minNodes <= nodePool.maxNodes && nodePool.maxNodes <= MAX_NODES,
      `${at}.nodePool`,
      { minNodes: nodePool.minNodes, maxNodes: nodePool.maxNodes },
      `autoscaling bounds must be whole numbers with 1 <= minNodes <= maxNodes <= ${MAX_NODES}`,
      'e.g. { minNodes: 2, maxNodes: 5 }',
    ),
    ...unless(
      !production || nodePool.minNodes >= 3,
      `${at}.nodePool.minNodes`,
      nodePool.minNodes,
      'production keeps at least 3 nodes, one per availability zone, so a zone outage leaves capacity',
      'set minNodes: 3',
    ),
    ...checkCloudOutputs(cluster, at),
    ...unless(
      !production || cluster.cloud !== 'azure' || AZURE_ZONAL_REGIONS.has(cluster.region),
      `${at}.region`,
      cluster.region,
      'production AKS spreads its node pool over three availability zones, and this region has none (constructs/terraform/azure/availability-zones.ts)',
      "pick a region with zones, e.g. 'westeurope' or 'northeurope'",
    ),
  ];
}

const GCP_PROJECT_NUMBER = /^[1-9][0-9]{5,18}$/;

/**
 * The values copied from a cluster stack's outputs after its first apply, that the other side
 * trusts or allows: the AKS OIDC issuer (trusted by GKE's workload identity pool for Argo CD), the
 * AKS egress address (in GKE's authorised networks) and the GKE project number (part of the
 * federation audience). A malformed one fails only at the first token exchange or connection.
 */
function checkCloudOutputs(cluster: ClusterSpec, at: string): Finding[] {
  if (cluster.cloud === 'azure') {
    const issuer = (() => {
      try {
        return new URL(cluster.oidcIssuerUrl);
      } catch {
        return undefined;
      }
    })();
    return [
      ...unless(
        issuer?.protocol === 'https:' && cluster.oidcIssuerUrl.endsWith('/'),
        `${at}.oidcIssuerUrl`,
        cluster.oidcIssuerUrl,
        "must be the cluster's OIDC issuer exactly as AKS publishes it (https, with the trailing slash): token exchanges compare the iss claim with it character for character",
        `copy the oidc_issuer_url output of azure-cluster-${cluster.name}`,
      ),
      ...unless(
        Ipv4Cidr.tryParse(`${cluster.egressIp}/32`) !== undefined && !cluster.egressIp.includes('/'),
        `${at}.egressIp`,
        cluster.egressIp,
        "must be one IPv4 address: the cluster's static outbound address, allowed by the GKE authorised networks and the Azure state firewalls",
        `copy the egress_ip output of azure-cluster-${cluster.name}`,
      ),
    ];
  }
  if (cluster.cloud === 'gcp') {
    return unless(
      matches(cluster.projectNumber, GCP_PROJECT_NUMBER),
      `${at}.projectNumber`,
      cluster.projectNumber,
      "must be the numeric project number (not the project id): it is part of the workload identity federation audience, and a wrong one fails every token exchange",
      `look it up with \`gcloud projects describe ${cluster.projectId} --format='value(projectNumber)'\``,
    );
  }
  return [];
}

const checkClusters: Check = (spec) =>
  spec.clusters.flatMap((cluster, index) => {
    const own = checkCluster(cluster, `clusters[${index}]`, spec);
    const mine = Ipv4Cidr.tryParse(cluster.networkCidr);
    const clash = spec.clusters.findIndex((other, j) => {
      const theirs = Ipv4Cidr.tryParse(other.networkCidr);
      return j < index && mine !== undefined && theirs !== undefined && mine.overlaps(theirs);
    });
    return clash < 0
      ? own
      : [
          ...own,
          finding(
            `clusters[${index}].networkCidr`,
            cluster.networkCidr,
            `overlaps clusters[${clash}] (${spec.clusters[clash]!.networkCidr}): peering or a transit gateway between them would be impossible`,
            'give every cluster its own range',
          ),
        ];
  });

const checkCi: Check = (spec) => {
  const { ci } = spec.infrastructure;
  return [
    ...unless(
      matches(ci.repository, GITHUB_REPOSITORY),
      'infrastructure.ci.repository',
      ci.repository,
      'must be the GitHub repository as owner/name: the OIDC trust of every CI role is scoped to it',
      "set it like 'acme/platform-gitops'",
    ),
    ...unless(
      matches(ci.repositoryId, GITHUB_REPOSITORY_ID),
      'infrastructure.ci.repositoryId',
      ci.repositoryId,
      "must be GitHub's numeric id of the repository (the tokens' repository_id claim): the GCP workload identity provider trusts that id, which a re-created repository of the same name does not get",
      'look it up with `gh api repos/<owner>/<name> --jq .id` and set it as a string, e.g. \'734215908\'',
    ),
    ...(ci.runnerCidrs ?? []).flatMap((cidr, i) =>
      unless(
        (Ipv4Cidr.tryParse(cidr)?.prefix ?? 0) > 0,
        `infrastructure.ci.runnerCidrs[${i}]`,
        cidr,
        'must be an IPv4 CIDR narrower than 0.0.0.0/0: the state and Key Vault firewalls admit it',
        "list the runners' static egress ranges, e.g. '198.51.100.0/28'",
      ),
    ),
    ...unless(
      ci.applyFrom.name.trim() !== '' && !ci.applyFrom.name.includes('*'),
      'infrastructure.ci.applyFrom.name',
      ci.applyFrom.name,
      'must name one branch or deployment environment, without wildcards: every workflow matching it may apply',
      "set e.g. { kind: 'branch', name: 'main' }",
    ),
    ...unless(
      spec.tier !== 'production' || ci.applyFrom.kind === 'environment',
      'infrastructure.ci.applyFrom.kind',
      ci.applyFrom.kind,
      'production applies only from a GitHub deployment environment, which requires reviewers and protected branches; a branch alone lets any push apply',
      "set applyFrom: { kind: 'environment', name: 'production' }",
    ),
  ];
};

const checkBudget: Check = (spec) => {
  const { budget } = spec.infrastructure;
  const thresholds = budget.alertThresholds;
  return [
    ...unless(
      Number.isFinite(budget.monthlyLimit) && budget.monthlyLimit > 0,
      'infrastructure.budget.monthlyLimit',
      budget.monthlyLimit,
      'a budget needs a positive monthly limit',
      'set the monthly limit per cloud, e.g. 5000',
    ),
    ...unless(
      thresholds.length > 0 && thresholds.every((t, i) => Number.isInteger(t) && t > 0 && t <= 200 && (i === 0 || t > thresholds[i - 1]!)),
      'infrastructure.budget.alertThresholds',
      thresholds,
      'must be ascending whole percentages of the limit between 1 and 200: each becomes one alert',
      'e.g. [50, 80, 100]',
    ),
    ...unless(
      budget.notifyEmails.length > 0 && budget.notifyEmails.every((e) => matches(e, EMAIL)),
      'infrastructure.budget.notifyEmails',
      budget.notifyEmails,
      'budget alerts need at least one valid e-mail address to reach',
      "e.g. ['finops@acme.example']",
    ),
  ];
};

/** Cloud Billing account ids: three groups of six upper-case hex digits. */
const GCP_BILLING_ACCOUNT = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;

const checkBillingAccount: Check = (spec) => {
  const gcp = spec.clouds.gcp;
  return gcp === undefined
    ? []
    : unless(
        matches(gcp.billingAccount, GCP_BILLING_ACCOUNT),
        'clouds.gcp.billingAccount',
        gcp.billingAccount,
        'must be the Cloud Billing account id of the project (XXXXXX-XXXXXX-XXXXXX): the budget is created on it and the Terraform identities get their budget roles on it',
        "copy it from `gcloud billing projects describe <project> --format='value(billingAccountName)'` without the billingAccounts/ prefix, e.g. '0A1B2C-3D4E5F-6A7B8C'",
      );
};

const AWS_ACCOUNT_ID = /^\d{12}$/;

/** The AWS account holds the state and every EKS cluster (their Argo CD roles are derived from it). */
const checkAwsAccount: Check = (spec) => {
  const aws = spec.clouds.aws;
  return aws === undefined
    ? []
    : unless(
        matches(aws.accountId, AWS_ACCOUNT_ID),
        'clouds.aws.accountId',
        aws.accountId,
        'an AWS account id is exactly 12 digits',
        'copy it from `aws sts get-caller-identity` (keep leading zeros; it is a string)',
      );
};

const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];

function primaryRegion(spec: EnvironmentSpec, cloud: Cloud): string | undefined {
  const { aws, azure, gcp } = spec.clouds;
  return cloud === 'aws' ? aws?.region : cloud === 'azure' ? azure?.location : gcp?.region;
}

const checkState: Check = (spec) => {
  const days = spec.infrastructure.stateVersionRetentionDays;
  const replica = spec.infrastructure.stateReplica ?? {};
  return [
    ...unless(
      Number.isInteger(days) && days >= 30 && days <= 3650,
      'infrastructure.stateVersionRetentionDays',
      days,
      'old state versions are the way back from a bad apply: keep them between 30 days and 10 years',
      'set e.g. 90 (365 in production)',
    ),
    ...CLOUDS.flatMap((cloud) => {
      const primary = primaryRegion(spec, cloud);
      const copy = replica[cloud];
      if (primary === undefined) {
        return unless(
          copy === undefined,
          `infrastructure.stateReplica.${cloud}`,
          copy,
          `the environment has no ${cloud} account, so there is no ${cloud} state to replicate`,
          `remove stateReplica.${cloud}`,
        );
      }
      return [
        ...unless(
          copy === undefined || copy !== primary,
          `infrastructure.stateReplica.${cloud}`,
          copy,
          `the replica must be in another region than the state itself (${primary}): one regional outage would take both`,
          'pick a second region of the same jurisdiction',
        ),
        ...unless(
          spec.tier !== 'production' || copy !== undefined,
          `infrastructure.stateReplica.${cloud}`,
          copy,
          `production replicates its ${cloud} Terraform state to a second region: losing ${primary} must not lose the state`,
          `set stateReplica: { ${cloud}: '<second region>' }`,
        ),
      ];
    }),
  ];
};

/** Every infrastructure check, in the order of the spec's fields. */
export const INFRASTRUCTURE_CHECKS: readonly Check[] = [checkClusters, checkCi, checkBudget, checkBillingAccount, checkAwsAccount, checkState, checkDriftCheckInterval];
