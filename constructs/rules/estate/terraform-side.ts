import { type Attributes, at, blocks, boolAt, stringAt, stringsAt } from '../inspect/attributes';
import { blockKey, viewIndex } from '../inspect/view-index';
import type { TerraformResourceView } from '../types';

/**
 * What the Terraform side of an environment creates or reads that the Kubernetes side depends on,
 * read from the synthesized stacks (resolved views, references as `${type.name.attr}` strings):
 * cloud identities and who may use them, the issuers those trusts accept, clusters and their API
 * endpoints, and the network openings towards them.
 */

/** Where a fact lives: `dist/terraform/<env>/<stack>/main.tf`, resource address, attribute. */
export interface TerraformEnd {
  readonly stack: string;
  readonly address: string;
  readonly field: string;
  readonly value: string;
}

/** The cluster whose service-account tokens a trust accepts, as far as the expression tells. */
export type IssuerSource =
  | { readonly kind: 'cluster'; readonly cluster: string }
  /** GKE's project pool `<project>.svc.id.goog`: tokens of the GKE clusters of that project only. */
  | { readonly kind: 'gke-project'; readonly project: string }
  | { readonly kind: 'unknown'; readonly expression: string };

/** A trust of Kubernetes service accounts (IRSA role, GCP workload identity binding, Azure federated credential). */
export interface ServiceAccountTrust {
  readonly subjects: readonly string[];
  readonly issuer: IssuerSource;
  readonly at: TerraformEnd;
}

export type IdentityKind = 'aws-role' | 'gcp-service-account';

/** A cloud identity the Kubernetes side can name: an IAM role ARN, a Google service account e-mail. */
export interface TerraformIdentity {
  readonly kind: IdentityKind;
  /** ARN or e-mail, as Kubernetes objects write it. */
  readonly id: string;
  readonly at: TerraformEnd;
  /** Kubernetes service accounts it trusts (empty: not a workload identity). */
  readonly trusts: readonly ServiceAccountTrust[];
  /** Another Terraform resource uses it (an EKS add-on's service account role...). */
  readonly usedByTerraform: boolean;
}

/** A managed Kubernetes cluster and how its API server can be reached. */
export interface TerraformCluster {
  readonly name: string;
  readonly cloud: 'aws' | 'azure' | 'gcp';
  readonly at: TerraformEnd;
  /** No public endpoint at all. */
  readonly privateOnly: boolean;
  /** Public CIDRs (or expressions) allowed to the public endpoint. */
  readonly allowedCidrs: readonly string[];
  /** Its pods leave through addresses Terraform creates (AKS outbound IPs), not ones the cloud picks. */
  readonly staticEgress: boolean;
}

/** An opening of TCP 443 from a CIDR, in the stack of a cluster (security group rule or firewall). */
export interface TerraformIngress {
  readonly stack: string;
  readonly cidr: string;
  readonly at: TerraformEnd;
}

/** A route to a CIDR through a peering or transit gateway, in the network of a cluster. */
export interface TerraformRoute {
  readonly stack: string;
  /** The cluster whose network holds the route table (the route table's stack, or the state it is read from). */
  readonly network: string | undefined;
  readonly destination: string;
  readonly at: TerraformEnd;
}

/** A DNS forwarding rule (Route 53 Resolver) for a domain. */
export interface TerraformDnsForward {
  readonly domain: string;
  readonly at: TerraformEnd;
}

export interface TerraformSide {
  readonly identities: readonly TerraformIdentity[];
  /** Trusts of service accounts that are not tied to one identity above (Azure federated credentials). */
  readonly trusts: readonly ServiceAccountTrust[];
  readonly clusters: readonly TerraformCluster[];
  readonly ingress: readonly TerraformIngress[];
  readonly routes: readonly TerraformRoute[];
  readonly dnsForwards: readonly TerraformDnsForward[];
}

const STACK_OF_CLUSTER = /^(?:aws|azure|gcp)-(?:cluster|network)-(?<cluster>.+)$/;
const REFERENCE = /\$\{(?:data\.)?(?<type>[\w-]+)\.(?<name>[\w-]+)\./;
const REMOTE_STATE = /data\.terraform_remote_state\.(?<name>[\w-]+)\.outputs\./;
const GKE_POOL_MEMBER = /^serviceAccount:(?<project>[\w.:-]+)\.svc\.id\.goog\[(?<namespace>[\w.-]+)\/(?<name>[\w.-]+)\]$/;
const PRINCIPAL_MEMBER = /^principal:\/\/iam\.googleapis\.com\/(?<pool>.+)\/subject\/(?<subject>.+)$/;
const WORKLOAD_IDENTITY_USER = 'roles/iam.workloadIdentityUser';

/** The cluster a stack belongs to (`aws-cluster-x`, `gcp-network-x`), if any. */
export function clusterOfStack(stack: string): string | undefined {
  return STACK_OF_CLUSTER.exec(stack)?.groups?.cluster;
}

function end(view: TerraformResourceView, field: string, value: string): TerraformEnd {
  return { stack: view.stack, address: view.address, field, value };
}

/**
 * Reads the facts above from every resource, data source and provider of an environment's stacks.
 * @param knownIssuers issuer URLs the spec records per cluster (copied from a cluster stack's
 *   output), so that a literal issuer in another cloud's stack is tied to its cluster
 */
export function terraformSide(views: readonly TerraformResourceView[], knownIssuers: ReadonlyMap<string, string> = new Map()): TerraformSide {
  const byStack = new Map<string, TerraformResourceView[]>();
  for (const view of views) {
    const inStack = byStack.get(view.stack);
    if (inStack === undefined) byStack.set(view.stack, [view]);
    else inStack.push(view);
  }
  const identities: TerraformIdentity[] = [];
  const trusts: ServiceAccountTrust[] = [];
  const clusters: TerraformCluster[] = [];
  const ingress: TerraformIngress[] = [];
  const routes: TerraformRoute[] = [];
  const dnsForwards: TerraformDnsForward[] = [];

  for (const [stack, inStack] of byStack) {
    const index = viewIndex(inStack);
    const find = (type: string, name: string, mode: 'managed' | 'data' = 'managed') => index.byBlock.get(blockKey(mode, type, name));
    const ofType = (type: string) => index.ofType.get(type) ?? [];
    let mentions: ReadonlyMap<string, readonly TerraformResourceView[]> | undefined;
    const referenced = (target: TerraformResourceView) => {
      if (!INDEXABLE_ADDRESS.test(target.address)) return inStack.some((v) => v !== target && JSON.stringify(v.attributes).includes(`\${${target.address}.`));
      mentions ??= mentionsByAddress(inStack);
      return (mentions.get(target.address) ?? []).some((v) => v !== target);
    };
    const issuerOf = (expression: string): IssuerSource => {
      const remote = REMOTE_STATE.exec(expression)?.groups?.name;
      if (remote !== undefined) {
        const state = find('terraform_remote_state', remote, 'data');
        const key = stringAt(state?.attributes, 'config.key') ?? stringAt(state?.attributes, 'config.prefix') ?? '';
        const cluster = clusterOfStack(key.replace(/\/terraform\.tfstate$|\.tfstate$/, ''));
        return cluster === undefined ? { kind: 'unknown', expression } : { kind: 'cluster', cluster };
      }
      const literal = knownIssuers.get(expression);
      if (literal !== undefined) return { kind: 'cluster', cluster: literal };
      // A reference to this stack's own cluster or its IRSA provider: tokens of this stack's cluster.
      const own = clusterOfStack(stack);
      if (own !== undefined && /\$\{(aws_eks_cluster|aws_iam_openid_connect_provider|azurerm_kubernetes_cluster|google_container_cluster)\./.test(expression)) {
        return { kind: 'cluster', cluster: own };
      }
      return { kind: 'unknown', expression };
    };
    const account = inStack.flatMap((v) => (v.mode === 'provider' && v.type === 'aws' ? stringsAt(v.attributes, 'allowed_account_ids') : []))[0];
    const project = inStack.map((v) => (v.mode === 'provider' && v.type === 'google' ? stringAt(v.attributes, 'project') : undefined)).find((p) => p !== undefined);

    for (const view of inStack) {
      if ((view.mode ?? 'managed') !== 'managed') continue;
      const a = view.attributes;
      switch (view.type) {
        case 'aws_iam_role': {
          const name = stringAt(a, 'name');
          if (name === undefined || account === undefined) break;
          const arn = `arn:aws:iam::${account}:role${stringAt(a, 'path') ?? '/'}${name}`;
          identities.push({ kind: 'aws-role', id: arn, at: end(view, 'name', name), trusts: irsaTrusts(view, find, issuerOf), usedByTerraform: referenced(view) });
          break;
        }
        case 'google_service_account': {
          const accountId = stringAt(a, 'account_id');
          const inProject = stringAt(a, 'project') ?? project;
          if (accountId === undefined || inProject === undefined) break;
          const bindings = ofType('google_service_account_iam_member').filter(
            (b) => stringAt(b.attributes, 'role') === WORKLOAD_IDENTITY_USER && stringAt(b.attributes, 'service_account_id')?.includes(`\${${view.address}.`),
          );
          identities.push({
            kind: 'gcp-service-account',
            id: `${accountId}@${inProject}.iam.gserviceaccount.com`,
            at: end(view, 'account_id', accountId),
            trusts: bindings.flatMap((b) => gcpTrust(b, ofType('google_iam_workload_identity_pool_provider'), issuerOf)),
            usedByTerraform: referenced(view),
          });
          break;
        }
        case 'google_service_account_iam_member': {
          // A binding on a service account this stack does not create is still a trust to check.
          const target = REFERENCE.exec(stringAt(a, 'service_account_id') ?? '')?.groups;
          const own = target?.type === 'google_service_account' && find('google_service_account', target.name!) !== undefined;
          if (!own && stringAt(a, 'role') === WORKLOAD_IDENTITY_USER) trusts.push(...gcpTrust(view, ofType('google_iam_workload_identity_pool_provider'), issuerOf));
          break;
        }
        case 'azurerm_federated_identity_credential': {
          const subject = stringAt(a, 'subject');
          const issuer = stringAt(a, 'issuer');
          if (subject !== undefined && issuer !== undefined) trusts.push({ subjects: [subject], issuer: issuerOf(issuer), at: end(view, 'issuer', issuer) });
          break;
        }
        case 'aws_eks_cluster':
          clusters.push({
            name: stringAt(a, 'name') ?? view.name,
            cloud: 'aws',
            at: end(view, 'vpc_config', JSON.stringify(at(a, 'vpc_config'))),
            privateOnly: boolAt(a, 'vpc_config.endpoint_public_access') === false,
            allowedCidrs: stringsAt(a, 'vpc_config.public_access_cidrs'),
            staticEgress: false,
          });
          break;
        case 'google_container_cluster':
          clusters.push({
            name: stringAt(a, 'name') ?? view.name,
            cloud: 'gcp',
            at: end(view, 'master_authorized_networks_config', JSON.stringify(at(a, 'master_authorized_networks_config'))),
            privateOnly: boolAt(a, 'private_cluster_config.enable_private_endpoint') === true,
            allowedCidrs: blocks(at(a, 'master_authorized_networks_config.cidr_blocks')).flatMap((b) => stringsAt(b, 'cidr_block')),
            staticEgress: false,
          });
          break;
        case 'azurerm_kubernetes_cluster':
          clusters.push({
            name: stringAt(a, 'name') ?? view.name,
            cloud: 'azure',
            at: end(view, 'api_server_access_profile', JSON.stringify(at(a, 'api_server_access_profile'))),
            privateOnly: boolAt(a, 'private_cluster_enabled') === true,
            allowedCidrs: stringsAt(a, 'api_server_access_profile.authorized_ip_ranges'),
            staticEgress: stringsAt(a, 'network_profile.load_balancer_profile.outbound_ip_address_ids').some((id) => id.includes('${azurerm_public_ip.')),
          });
          break;
        case 'aws_vpc_security_group_ingress_rule': {
          const cidr = stringAt(a, 'cidr_ipv4');
          const from = Number(at(a, 'from_port'));
          const to = Number(at(a, 'to_port'));
          if (cidr !== undefined && from <= 443 && 443 <= to) ingress.push({ stack, cidr, at: end(view, 'cidr_ipv4', cidr) });
          break;
        }
        case 'aws_route': {
          const destination = stringAt(a, 'destination_cidr_block');
          const through = stringAt(a, 'vpc_peering_connection_id') ?? stringAt(a, 'transit_gateway_id');
          if (destination !== undefined && through !== undefined) {
            const table = stringAt(a, 'route_table_id') ?? '';
            const remote = REMOTE_STATE.exec(table)?.groups?.name;
            const state = remote === undefined ? undefined : find('terraform_remote_state', remote, 'data');
            const network = state === undefined ? clusterOfStack(stack) : clusterOfStack((stringAt(state.attributes, 'config.key') ?? '').replace(/\/terraform\.tfstate$/, ''));
            routes.push({ stack, network, destination, at: end(view, 'destination_cidr_block', destination) });
          }
          break;
        }
        case 'aws_route53_resolver_rule': {
          const domain = stringAt(a, 'domain_name');
          if (domain !== undefined && stringAt(a, 'rule_type') === 'FORWARD') dnsForwards.push({ domain: domain.replace(/\.$/, ''), at: end(view, 'domain_name', domain) });
          break;
        }
      }
    }
  }
  return { identities, trusts, clusters, ingress, routes, dnsForwards };
}

/**
 * Addresses written as `${<address>.` (how `referenced` recognises a use) that `MENTIONS` extracts in
 * full: one or two dots between name characters. Matches cannot hide one another (`$` is not a name character).
 */
const INDEXABLE_ADDRESS = /^[\w-]+\.[\w-]+(\.[\w-]+)?$/;
const MENTIONS = /\$\{([\w-]+)\.([\w-]+)\.(?:([\w-]+)\.)?/g;

/** The views of a stack by each address their attributes (as JSON) mention as `${<address>.`: each view stringified once. */
function mentionsByAddress(inStack: readonly TerraformResourceView[]): Map<string, TerraformResourceView[]> {
  const mentions = new Map<string, TerraformResourceView[]>();
  const add = (address: string, view: TerraformResourceView) => {
    const list = mentions.get(address);
    if (list === undefined) mentions.set(address, [view]);
    else if (list[list.length - 1] !== view) list.push(view);
  };
  for (const view of inStack) {
    for (const match of JSON.stringify(view.attributes).matchAll(MENTIONS)) {
      add(`${match[1]}.${match[2]}`, view);
      if (match[3] !== undefined) add(`${match[1]}.${match[2]}.${match[3]}`, view);
    }
  }
  return mentions;
}

type Finder = (type: string, name: string, mode?: 'managed' | 'data') => TerraformResourceView | undefined;

/** The service accounts an IAM role's trust policy admits through an OIDC provider (IRSA). */
function irsaTrusts(role: TerraformResourceView, find: Finder, issuerOf: (e: string) => IssuerSource): ServiceAccountTrust[] {
  const policy = stringAt(role.attributes, 'assume_role_policy') ?? '';
  const reference = REFERENCE.exec(policy)?.groups;
  if (reference?.type !== 'aws_iam_policy_document') return [];
  const document = find('aws_iam_policy_document', reference.name, 'data');
  return blocks(document?.attributes.statement).flatMap((statement: Attributes) => {
    const federated = blocks(statement.principals)
      .filter((p) => p.type === 'Federated')
      .flatMap((p) => stringsAt(p, 'identifiers'));
    const subjects = blocks(statement.condition)
      .filter((c) => String(c.variable).endsWith(':sub'))
      .flatMap((c) => stringsAt(c, 'values'));
    if (federated.length === 0 || subjects.length === 0) return [];
    return [{ subjects, issuer: issuerOf(federated[0]!), at: end(document!, 'statement.principals.identifiers', federated[0]!) }];
  });
}

/** The service account a `roles/iam.workloadIdentityUser` binding admits, and through which issuer. */
function gcpTrust(binding: TerraformResourceView, poolProviders: readonly TerraformResourceView[], issuerOf: (e: string) => IssuerSource): ServiceAccountTrust[] {
  const member = stringAt(binding.attributes, 'member') ?? '';
  const gke = GKE_POOL_MEMBER.exec(member)?.groups;
  if (gke !== undefined) {
    return [{ subjects: [`system:serviceaccount:${gke.namespace}:${gke.name}`], issuer: { kind: 'gke-project', project: gke.project! }, at: end(binding, 'member', member) }];
  }
  const principal = PRINCIPAL_MEMBER.exec(member)?.groups;
  if (principal === undefined) return [];
  // principal://iam.googleapis.com/<pool name>/subject/<sub>: the pool's providers name the issuer.
  const pool = REFERENCE.exec(principal.pool!)?.groups;
  const providers = poolProviders.filter((p) => pool !== undefined && stringAt(p.attributes, 'workload_identity_pool_id')?.includes(`\${${pool.type}.${pool.name}.`));
  const issuers = providers.map((p) => stringAt(p.attributes, 'oidc.issuer_uri') ?? '');
  return [
    {
      subjects: [principal.subject!],
      issuer: issuers.length === 1 ? issuerOf(issuers[0]!) : { kind: 'unknown', expression: issuers.join(', ') || principal.pool! },
      at: end(binding, 'member', member),
    },
  ];
}
