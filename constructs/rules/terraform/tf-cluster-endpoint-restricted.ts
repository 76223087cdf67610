import { at, blocks, boolAt, stringAt, stringsAt } from '../inspect/attributes';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule, TerraformRuleContext, TerraformRuleEnvironment } from '../types';

/** CIDRs that mean "the whole internet". */
const ANYWHERE: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

/**
 * A cluster's API server is private, or public only to listed networks that exclude the internet:
 * EKS `endpoint_public_access = false` or `public_access_cidrs` (its default is 0.0.0.0/0), AKS
 * `private_cluster_enabled` or `api_server_access_profile.authorized_ip_ranges`, GKE a private
 * endpoint or `master_authorized_networks_config`. A cluster the environment spec declares with
 * `apiAccess.privateEndpoint` (matched by cluster name) must be private.
 */
export const tfClusterEndpointRestricted: TerraformRule = {
  id: 'tf-cluster-endpoint-restricted',
  engine: 'terraform',
  level: 'error',
  title: 'Cluster API servers are private or limited to listed networks',
  rationale:
    'An API server open to the internet is exposed to credential stuffing and to every future Kubernetes ' +
    'authentication vulnerability. Limiting who can reach it is the first layer of defence for the whole cluster.',
  controls: {
    soc2: ['CC6.1', 'CC6.6'],
    pciDss: ['1.3.1', '1.4.1'],
    iso27001: ['A.8.20', 'A.8.22'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['aws_eks_cluster', 'azurerm_kubernetes_cluster', 'google_container_cluster'],
  check(resource, context) {
    if (resource.type === 'aws_eks_cluster') {
      const publicAccess = boolAt(resource.attributes, 'vpc_config.endpoint_public_access');
      if (publicAccess === false) return COMPLIANT;
      return (
        mustBePrivate(resource, context, 'vpc_config.endpoint_public_access', publicAccess, 'set vpc_config.endpoint_public_access = false (and endpoint_private_access = true)') ??
        checkCidrs(
          stringsAt(resource.attributes, 'vpc_config.public_access_cidrs'),
          'vpc_config.public_access_cidrs',
          'the public endpoint is open to the internet (public_access_cidrs defaults to 0.0.0.0/0)',
        )
      );
    }
    if (resource.type === 'azurerm_kubernetes_cluster') {
      const isPrivate = boolAt(resource.attributes, 'private_cluster_enabled');
      if (isPrivate === true) return COMPLIANT;
      return (
        mustBePrivate(resource, context, 'private_cluster_enabled', isPrivate, 'set private_cluster_enabled = true') ??
        checkCidrs(
          stringsAt(resource.attributes, 'api_server_access_profile.authorized_ip_ranges'),
          'api_server_access_profile.authorized_ip_ranges',
          'the API server is open to the internet',
        )
      );
    }
    const privateEndpoint = boolAt(resource.attributes, 'private_cluster_config.enable_private_endpoint');
    if (privateEndpoint === true) return COMPLIANT;
    const authorized = at(resource.attributes, 'master_authorized_networks_config');
    const cidrs = blocks(at(resource.attributes, 'master_authorized_networks_config.cidr_blocks')).flatMap((b) => stringsAt(b, 'cidr_block'));
    const required = mustBePrivate(
      resource,
      context,
      'private_cluster_config.enable_private_endpoint',
      privateEndpoint,
      'set private_cluster_config.enable_private_endpoint = true',
    );
    if (required !== undefined) return required;
    if (authorized === undefined) {
      return nonCompliant(
        'master_authorized_networks_config',
        undefined,
        'the API server has a public endpoint open to every address (no master_authorized_networks_config)',
        'add master_authorized_networks_config with the CI runner and VPN CIDRs (apiAccess.allowedCidrs), or make the endpoint private',
      );
    }
    if (boolAt(resource.attributes, 'master_authorized_networks_config.gcp_public_cidrs_access_enabled') === true) {
      return nonCompliant(
        'master_authorized_networks_config.gcp_public_cidrs_access_enabled',
        true,
        'every Google Cloud public IP may reach the API server',
        'set gcp_public_cidrs_access_enabled = false',
      );
    }
    // Authorized networks without blocks admit only the cluster's own network.
    return cidrs.length === 0 ? COMPLIANT : checkCidrs(cidrs, 'master_authorized_networks_config.cidr_blocks', 'the API server is open to the internet');
  },
};

/** The spec cluster of the same name, if the resource is one of the environment's clusters. */
function specCluster(resource: TerraformResourceView, context: TerraformRuleContext): TerraformRuleEnvironment['clusters'][number] | undefined {
  const name = stringAt(resource.attributes, 'name');
  return context.environment.clusters.find((c) => c.name === name);
}

/** A failure when the spec declares the cluster private but the resource is not; otherwise `undefined`. */
function mustBePrivate(resource: TerraformResourceView, context: TerraformRuleContext, field: string, value: unknown, fix: string): RuleOutcome | undefined {
  const cluster = specCluster(resource, context);
  if (cluster === undefined || !cluster.apiAccess.privateEndpoint) return undefined;
  return nonCompliant(field, value, `the spec declares ${cluster.name} with apiAccess.privateEndpoint, but the API server has a public endpoint`, fix);
}

function checkCidrs(cidrs: readonly string[], field: string, problem: string): RuleOutcome {
  if (cidrs.length === 0) return nonCompliant(field, undefined, problem, `list the CI runner and VPN CIDRs (apiAccess.allowedCidrs), or make the endpoint private`);
  const open = cidrs.find((c) => ANYWHERE.has(c));
  if (open === undefined) return COMPLIANT;
  return nonCompliant(field, open, 'the API server is open to the internet', 'remove 0.0.0.0/0 and list the CI runner and VPN CIDRs (apiAccess.allowedCidrs)');
}
