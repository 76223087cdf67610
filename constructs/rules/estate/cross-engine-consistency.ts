import { ARGOCD_API_SERVICE_ACCOUNTS, ARGOCD_NAMESPACE, IN_CLUSTER_SERVER } from '../../argocd/constants';
import type { ClusterSpec } from '../../kubernetes/cluster-spec';
import { clusterProfile } from '../../kubernetes/registered-cluster-profiles';
import { Ipv4Cidr } from '../../terraform/ipv4-cidr';
import type { EstateFinding, EstateInput } from './estate-rule';
import { type KubernetesEnd, kubernetesSide } from './kubernetes-side';
import { type IssuerSource, type ServiceAccountTrust, type TerraformCluster, type TerraformEnd, terraformSide } from './terraform-side';
import { type TerraformSideLookup, terraformSideLookup } from './terraform-side-lookup';

/** What the cross-engine check reads of an environment's output. */
export type CrossEngineInput = Pick<EstateInput, 'environment' | 'clusters' | 'objects' | 'views' | 'stackFile'>;

const ARGOCD_SUBJECTS: readonly string[] = ARGOCD_API_SERVICE_ACCOUNTS.map((sa) => `system:serviceaccount:${ARGOCD_NAMESPACE}:${sa}`);
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => Ipv4Cidr.parse(c));

/**
 * Cross-engine consistency: every role, identity, issuer and endpoint that the Kubernetes side
 * references is created (or read) by the Terraform side, and every workload identity Terraform
 * creates for a Kubernetes service account is used by the Kubernetes side. Each engine is correct
 * on its own and the pair still fails at run time: a cluster Secret naming a role no stack creates
 * (CreateAccessEntry and AssumeRole refuse it), a trust on the issuer of a cluster Argo CD does not
 * run on (the token exchange is refused), a registered endpoint Argo CD has no network path to.
 * Every finding names both ends: the Kubernetes file and field, and the Terraform stack,
 * resource and attribute (or that there is none).
 */
export function crossEngineFindings(input: CrossEngineInput): EstateFinding[] {
  const { stackFile } = input;
  const environment = input.environment.name;
  const k8s = kubernetesSide(input.objects);
  const knownIssuers = new Map(
    input.clusters.flatMap((c) => {
      const issuer = clusterProfile(c).recordedOidcIssuer(c);
      return issuer === undefined ? [] : [[issuer, c.name] as const];
    }),
  );
  const tf = terraformSide(input.views, knownIssuers);
  // Every lookup below is asked once per identity or registered cluster: answered from maps, not scans.
  const lookup = terraformSideLookup(tf);
  const namedByKubernetes = new Set(k8s.identities.map((r) => `${r.kind} ${r.id}`));
  const specClusters = new Map<string, ClusterSpec>();
  for (const cluster of input.clusters) if (!specClusters.has(cluster.name)) specClusters.set(cluster.name, cluster);
  const management = input.clusters.find((c) => c.role === 'management');
  const violations: EstateFinding[] = [];
  const atK8s = (e: KubernetesEnd, problem: string, fix: string): EstateFinding => ({ path: `${e.file} (${e.construct})`, field: e.field, value: e.value, problem, fix });
  const atTf = (e: TerraformEnd, problem: string, fix: string): EstateFinding => ({ path: `${stackFile(e.stack)} (${e.address})`, field: e.field, value: e.value, problem, fix });
  const tfEnd = (e: TerraformEnd) => `${stackFile(e.stack)} ${e.address}.${e.field}`;
  const k8sEnd = (e: KubernetesEnd) => `${e.file} ${e.field}`;

  // 1. Kubernetes -> Terraform: every identity named is created by a stack of the environment.
  const seen = new Set<string>();
  for (const ref of k8s.identities) {
    const key = `${ref.at.file}|${ref.at.field}|${ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (lookup.createsIdentity(ref.kind, ref.id)) continue;
    violations.push(
      atK8s(
        ref.at,
        `names the ${ref.kind === 'aws-role' ? 'IAM role' : 'Google service account'} ${ref.id}, which no Terraform stack of ${environment} creates (Terraform end: none)`,
        `create it in the stack of the cluster it belongs to, or name the one that stack creates`,
      ),
    );
  }

  // 2. Terraform -> Kubernetes: a workload identity nobody on the Kubernetes side uses is dangling.
  for (const identity of tf.identities) {
    if (identity.trusts.length === 0 || identity.usedByTerraform) continue;
    if (namedByKubernetes.has(`${identity.kind} ${identity.id}`)) continue;
    const subjects = identity.trusts.flatMap((t) => t.subjects).join(', ');
    violations.push(
      atTf(
        identity.at,
        `${identity.id} trusts ${subjects}, but no Kubernetes object of ${environment} names it (Kubernetes end: none), so those service accounts run without it`,
        `annotate the service account (or its chart values) with ${identity.id}, or remove the identity`,
      ),
    );
  }

  // 3. Issuers: a trust of Argo CD's service accounts must accept the management cluster's tokens.
  const argocdApp = input.objects.find(({ object }) => object.manifest.kind === 'Application' && object.manifest.metadata.name === 'argo-cd');
  const argocdWhere = argocdApp === undefined ? `the management cluster of ${environment}` : `${argocdApp.file} (spec.destination)`;
  const allTrusts: ServiceAccountTrust[] = [...tf.identities.flatMap((i) => i.trusts), ...tf.trusts];
  for (const trust of allTrusts) {
    if (!trust.subjects.some((s) => ARGOCD_SUBJECTS.includes(s)) || management === undefined) continue;
    if (acceptsTokensOf(trust.issuer, management)) continue;
    violations.push(
      atTf(
        trust.at,
        `trusts Argo CD's service accounts on the issuer of ${describeIssuer(trust.issuer)}, but Argo CD runs on ${management.name} (${argocdWhere}), whose tokens that trust refuses`,
        `federate with the OIDC issuer of ${management.name} (read it from its cluster stack's state)`,
      ),
    );
  }

  // 4. Endpoints: every cluster Argo CD reaches from outside exists and has a path from the management cluster.
  for (const registration of k8s.clusters) {
    if (registration.server === IN_CLUSTER_SERVER || management === undefined) continue;
    const target = specClusters.get(registration.cluster);
    const cluster = lookup.cluster(registration.cluster);
    if (cluster === undefined) {
      violations.push(
        atK8s(
          registration.at,
          `registers cluster ${registration.cluster}, which no Terraform stack of ${environment} creates (Terraform end: none)`,
          'add the cluster to the spec so that its stacks are synthesized, or remove the registration',
        ),
      );
      continue;
    }
    const host = hostOf(registration.server);
    if (host !== undefined && isPrivateAddress(host) && cluster.cloud !== management.cloud) {
      violations.push(
        atK8s(
          registration.at,
          `registers ${registration.cluster} at the private address ${host}, which Argo CD on ${management.name} (${management.cloud}) cannot reach: no Terraform stack connects the two clouds' networks (Terraform end: ${tfEnd(cluster.at)})`,
          `register the cluster's public endpoint and allow ${management.name}'s egress address in its authorised networks`,
        ),
      );
    }
    if (cluster.privateOnly && target !== undefined) {
      violations.push(...privatePathViolations(environment, management, target, cluster.at, lookup, atTf, k8sEnd(registration.at)));
    }
    const managementEgressIp = clusterProfile(management).recordedEgressIp(management);
    if (!cluster.privateOnly && managementEgressIp !== undefined && cluster.cloud !== management.cloud) {
      violations.push(...egressViolations({ ...management, egressIp: managementEgressIp }, registration.at, cluster, lookup, atK8s, tfEnd));
    }
    if (registration.auth === 'gcp' && !clusterProfile(management).servesGoogleCredentials && k8s.googleCredentials.length === 0) {
      violations.push(
        atK8s(
          { ...registration.at, field: 'stringData.config.execProviderConfig', value: 'argocd-k8s-auth gcp' },
          `authenticates with argocd-k8s-auth gcp, which reads Application Default Credentials, but Argo CD runs on ${management.name} (${management.cloud}), has no Google credential configuration (no external_account in any object) and no GKE metadata server`,
          `federate ${management.name}'s issuer with a GCP workload identity pool and mount its credential configuration into Argo CD (GOOGLE_APPLICATION_CREDENTIALS)`,
        ),
      );
    }
  }
  return violations;
}

function acceptsTokensOf(issuer: IssuerSource, management: ClusterSpec): boolean {
  if (issuer.kind === 'cluster') return issuer.cluster === management.name;
  if (issuer.kind === 'gke-project') return clusterProfile(management).identityPoolProject(management) === issuer.project;
  return false;
}

function describeIssuer(issuer: IssuerSource): string {
  if (issuer.kind === 'cluster') return `cluster ${issuer.cluster}`;
  if (issuer.kind === 'gke-project') return `the GKE clusters of project ${issuer.project} (workload pool ${issuer.project}.svc.id.goog)`;
  return `an issuer Terraform does not tie to a cluster (${issuer.expression})`;
}

function hostOf(server: string): string | undefined {
  try {
    return new URL(server).hostname;
  } catch {
    return undefined;
  }
}

function isPrivateAddress(host: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return false;
  const address = Ipv4Cidr.parse(`${host}/32`);
  return PRIVATE_RANGES.some((range) => range.overlaps(address));
}

/**
 * A private-only API server is reachable from the management cluster only through a network path
 * that Terraform declares: a route each way (peering or transit gateway) and 443 open on the
 * cluster from the management cluster's network.
 */
function privatePathViolations(
  environment: string,
  management: ClusterSpec,
  target: ClusterSpec,
  clusterAt: TerraformEnd,
  tf: TerraformSideLookup,
  atTf: (e: TerraformEnd, problem: string, fix: string) => EstateFinding,
  registeredAt: string,
): EstateFinding[] {
  const missing: string[] = [];
  if (!tf.opensApiServer(target.name, management.networkCidr)) {
    missing.push(`no rule opens 443 on ${target.name}'s API server to ${management.name}'s network ${management.networkCidr}`);
  }
  if (!tf.routes(target.name, management.networkCidr)) {
    missing.push(`no route from ${target.name}'s network to ${management.networkCidr}`);
  }
  if (!tf.routes(management.name, target.networkCidr)) {
    missing.push(`no route from ${management.name}'s network to ${target.networkCidr}`);
  }
  // The private endpoint's name resolves only inside the cluster's VPC without a forwarding rule.
  // A rule in the cluster's own stack may name the host by the cluster's endpoint attribute
  // (aws/argocd-network-path.ts) rather than by the spec's copy of it: terraform-side-lookup.ts.
  const host = hostOf(target.apiServer);
  if (host !== undefined && !tf.forwardsDns(target.name, host)) {
    missing.push(`no DNS forwarding rule resolves ${host} from ${management.name}'s network`);
  }
  if (missing.length === 0) return [];
  return [
    atTf(
      { ...clusterAt, value: 'private endpoint only' },
      `${target.name} is registered for Argo CD on ${management.name} (${registeredAt}) and has a private endpoint only, but ${missing.join('; ')} in ${environment}'s stacks`,
      `connect the two networks (peering or transit gateway with routes both ways), allow 443 from ${management.networkCidr} on the cluster's security group and resolve its private endpoint from ${management.name}'s network`,
    ),
  ];
}

/**
 * Argo CD on AKS calls another cloud's public endpoint from the AKS cluster's static egress address
 * (the spec's `egressIp`): Terraform must pin that address on the AKS cluster and allow it on the
 * endpoint's authorised networks.
 */
function egressViolations(
  management: ClusterSpec & { readonly egressIp: string },
  registeredAt: KubernetesEnd,
  target: TerraformCluster,
  tf: TerraformSideLookup,
  atK8s: (e: KubernetesEnd, problem: string, fix: string) => EstateFinding,
  tfEnd: (e: TerraformEnd) => string,
): EstateFinding[] {
  const problems: EstateFinding[] = [];
  const egress = Ipv4Cidr.parse(`${management.egressIp}/32`);
  const admitted = target.allowedCidrs.some((cidr) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(cidr) && Ipv4Cidr.parse(cidr).contains(egress));
  if (!admitted) {
    problems.push(
      atK8s(
        registeredAt,
        `is reached by Argo CD on ${management.name} from its egress address ${management.egressIp}, which ${target.name}'s authorised networks do not admit (Terraform end: ${tfEnd(target.at)})`,
        `allow ${management.egressIp}/32 on ${target.name}'s API server`,
      ),
    );
  }
  const own = tf.cluster(management.name);
  if (own !== undefined && !own.staticEgress) {
    problems.push(
      atK8s(
        registeredAt,
        `is reached from ${management.name}'s egress address ${management.egressIp}, but ${management.name} leaves through addresses Azure picks, not one Terraform pins (Terraform end: ${tfEnd(own.at)})`,
        `give ${management.name}'s load balancer a static outbound public IP (network_profile.load_balancer_profile.outbound_ip_address_ids)`,
      ),
    );
  }
  return problems;
}
