import { type Finding, finding } from '../../core/finding';
import { TENANT_LABEL } from '../../kubernetes/gitops-cdk-labels';
import { NAMESPACE_NAME_LABEL } from '../../kubernetes/namespace-name-label';
import { RESERVED_NAMESPACES } from '../../platform/platform-namespaces';
import type { KubeManifest } from '../../synth/kube-manifest';
import { type ConnectionVerdict, type DirectionVerdict, type NetworkModel, networkModel, type PodRef, type Port, podConnection } from '../../tenancy/network-reachability';
import { probeLabels, probePorts } from '../inspect/network-probes';
import type { KubernetesRule } from '../types';

/** The platform's namespaces, the cluster's own included: tenants reach none of them but DNS. */
const PLATFORM = RESERVED_NAMESPACES;

/** CoreDNS, as Kyverno's default-deny names it: the one platform destination a tenant pod needs. */
const DNS = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, port: 53 } as const;

function isDns(to: PodRef, port: Port): boolean {
  return to.namespace === DNS.namespace && to.labels['k8s-app'] === DNS.labels['k8s-app'] && port.port === DNS.port && port.protocol !== 'SCTP';
}

/**
 * A declared egress to a shared platform service (TenantEgressSpec.namespace): an egress rule of the
 * admitting policy names exactly this namespace by its server-set name label and states its ports.
 * Broad peers (every namespace, a label many namespaces share) are never declarations.
 */
function declared(verdict: ConnectionVerdict, destination: string, port: Port): boolean {
  return verdict.egress.allowedBy.some((policy) =>
    (policy.spec.egress ?? []).some(
      (rule) =>
        (rule.ports ?? []).length > 0 &&
        (rule.ports ?? []).some((p) => (p.protocol ?? 'TCP') === port.protocol && (p.port === port.port || p.port === port.name)) &&
        (rule.to ?? []).some((peer) => {
          const labels = peer.namespaceSelector?.matchLabels ?? {};
          return Object.keys(labels).length === 1 && labels[NAMESPACE_NAME_LABEL] === destination && (peer.namespaceSelector?.matchExpressions ?? []).length === 0;
        }),
    ),
  );
}

interface Probes {
  readonly model: NetworkModel;
  readonly labels: readonly Readonly<Record<string, string>>[];
  readonly ports: readonly Port[];
}

/** The model and probes of one environment's objects, built once for all its Namespaces. */
const PROBES = new WeakMap<readonly KubeManifest[], Probes>();

function probesOf(objects: readonly KubeManifest[]): Probes {
  const cached = PROBES.get(objects);
  if (cached !== undefined) return cached;
  const model = networkModel(objects);
  const probes = { model, labels: probeLabels(model), ports: probePorts(model) };
  PROBES.set(objects, probes);
  return probes;
}

interface Leak {
  readonly from: PodRef;
  readonly to: PodRef;
  readonly port: Port;
  readonly verdict: ConnectionVerdict;
}

/** The first connection from a pod of `source` to a pod of `destination` that the policies admit, DNS aside. */
function firstLeak({ model, labels, ports }: Probes, source: string, destination: string): Leak | undefined {
  for (const fromLabels of labels) {
    for (const toLabels of labels) {
      for (const port of ports) {
        const from = { namespace: source, labels: fromLabels };
        const to = { namespace: destination, labels: toLabels };
        if (isDns(to, port)) continue;
        const verdict = podConnection(model, from, to, port);
        if (verdict.allowed && !(PLATFORM.has(destination) && declared(verdict, destination, port))) return { from, to, port, verdict };
      }
    }
  }
  return undefined;
}

function side(name: string, verdict: DirectionVerdict | undefined): string {
  if (verdict === undefined || !verdict.isolated) return `${name} is not isolated (no policy selects the pod)`;
  return `${name} allowed by ${verdict.allowedBy.map((p) => p.source).join(', ')}`;
}

function describe(leak: Leak): string {
  const pod = (ref: PodRef) => `${ref.namespace} pod ${JSON.stringify(ref.labels)}`;
  const port = `${leak.port.protocol}/${leak.port.name ?? leak.port.port}`;
  return `${pod(leak.from)} -> ${pod(leak.to)} on ${port}: ${side('egress', leak.verdict.egress)}; ${side('ingress', leak.verdict.ingress)}`;
}

/**
 * A tenant namespace reaches no other tenant's namespace and no platform namespace, kube-dns on
 * port 53 in kube-system and declared egress to a named platform namespace on stated ports aside;
 * the reverse direction is checked from the other tenant's namespaces.
 * Evaluated statically over every object of the environment (constructs/tenancy/network-reachability.ts),
 * with Kyverno's generated policies in force where their ClusterPolicy selects the namespace.
 */
export const k8sTenantNetworkIsolation: KubernetesRule = {
  id: 'k8s-tenant-network-isolation',
  engine: 'kubernetes',
  level: 'error',
  title: "Tenant namespaces cannot reach other tenants' or the platform's namespaces",
  rationale:
    "NetworkPolicies are a union of allows: one broad policy in a tenant namespace, or a missing default deny, lets a tenant's pods open connections to another tenant or to Argo CD, Kyverno or Prometheus, which is the boundary tenancy promises.",
  controls: { soc2: ['CC6.1', 'CC6.6'], pciDss: ['1.3.1', '1.4.1'], iso27001: ['A.8.22'], gdpr: ['Art. 32'] },
  objectTypes: ['v1/Namespace'],
  check(manifest, context) {
    const tenant = manifest.metadata.labels?.[TENANT_LABEL];
    if (tenant === undefined) return [];
    const probes = probesOf(context.objects);
    const source = manifest.metadata.name;
    return [...probes.model.namespaces]
      .filter(([name, labels]) => name !== source && (PLATFORM.has(name) || (labels[TENANT_LABEL] !== undefined && labels[TENANT_LABEL] !== tenant)))
      .flatMap(([destination, labels]): Finding[] => {
        const leak = firstLeak(probes, source, destination);
        if (leak === undefined) return [];
        const whose = PLATFORM.has(destination) ? `platform namespace ${destination}` : `namespace ${destination} of tenant ${labels[TENANT_LABEL]}`;
        return [
          finding(
            'metadata.name',
            source,
            `${context.environment.name}: namespace ${source} of tenant ${tenant} can open connections to ${whose} (${describe(leak)})`,
            `remove or narrow the policies named: tenant pods may reach their own tenant's namespaces, kube-dns on port 53, and declared egress only ` +
              `(a CIDR outside the clusters, or a platform namespace named by ${NAMESPACE_NAME_LABEL} with ports); ` +
              `keep Kyverno's default-deny in force in ${source} and ${destination} (not in its exclude list)`,
          ),
        ];
      });
  },
};
