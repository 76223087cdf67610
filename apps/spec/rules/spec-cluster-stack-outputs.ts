import { type Finding, matches, unless } from '../../../constructs/core/finding';
import { Ipv4Cidr } from '../../../constructs/terraform/ipv4-cidr';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

const GCP_PROJECT_NUMBER = /^[1-9][0-9]{5,18}$/;

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function outputFindings(cluster: ClusterSpec, at: string): Finding[] {
  if (cluster.cloud === 'azure') {
    return [
      ...unless(
        parsedUrl(cluster.oidcIssuerUrl)?.protocol === 'https:' && cluster.oidcIssuerUrl.endsWith('/'),
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
      'must be the numeric project number (not the project id): it is part of the workload identity federation audience, and a wrong one fails every token exchange',
      `look it up with \`gcloud projects describe ${cluster.projectId} --format='value(projectNumber)'\``,
    );
  }
  return [];
}

/**
 * The values copied from a cluster stack's outputs after its first apply, that the other side
 * trusts or allows: the AKS OIDC issuer (trusted by GKE's workload identity pool for Argo CD), the
 * AKS egress address (in GKE's authorised networks) and the GKE project number (part of the
 * federation audience). A malformed one fails only at the first token exchange or connection.
 */
export const specClusterStackOutputs: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-stack-outputs',
  engine: 'spec',
  level: 'error',
  title: 'Copied cluster stack outputs have their formats',
  rationale: 'The AKS OIDC issuer, the AKS egress address and the GKE project number are copied from Terraform outputs into the spec; a malformed copy fails only at the first token exchange or connection.',
  controls: NO_CONTROLS,
  check: (spec) => eachCluster(spec.clusters, outputFindings),
};
