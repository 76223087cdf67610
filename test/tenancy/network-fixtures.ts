import { TENANT_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';

// Objects written by hand as the Tenant construct and Kyverno render them (issue 16 design), so the
// network tests depend on neither: two tenants, the platform, and Kyverno's default-deny.

export const PARTNER_CIDR = '198.51.100.0/24';

const DNS_EGRESS = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

export function namespace(name: string, labels: Record<string, string> = {}): KubeManifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function tenantNamespace(name: string, tenant: string): KubeManifest {
  return namespace(name, { [TENANT_LABEL]: tenant, owner: tenant });
}

export function networkPolicy(ns: string, name: string, spec: Record<string, unknown>): KubeManifest {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

/** Kyverno's add-default-network-policy as the catalog renders it (dist/k8s/<env>/policies), excluding `exempt`. */
export function kyvernoDefaultDeny(exempt: readonly string[]): KubeManifest {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'add-default-network-policy' },
    spec: {
      rules: [
        {
          name: 'default-deny',
          match: { any: [{ resources: { kinds: ['Namespace'] } }] },
          exclude: { any: [{ resources: { kinds: ['Namespace'], names: [...exempt] } }] },
          generate: {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            name: 'default-deny',
            namespace: '{{request.object.metadata.name}}',
            synchronize: true,
            generateExisting: true,
            data: { spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_EGRESS] } },
          },
        },
      ],
    },
  };
}

/** The tenant's own policies in one namespace: deny + DNS, same tenant both ways, and one declared egress. */
export function tenantPolicies(ns: string, tenant: string, egress?: { name: string; cidr: string; port: number }): KubeManifest[] {
  const sameTenant = { namespaceSelector: { matchLabels: { [TENANT_LABEL]: tenant } } };
  return [
    networkPolicy(ns, 'tenant-default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_EGRESS] }),
    networkPolicy(ns, 'tenant-allow-same-tenant', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [sameTenant] }], egress: [{ to: [sameTenant] }] }),
    ...(egress === undefined
      ? []
      : [
          networkPolicy(ns, `tenant-egress-${egress.name}`, {
            podSelector: {},
            policyTypes: ['Egress'],
            egress: [{ to: [{ ipBlock: { cidr: egress.cidr } }], ports: [{ protocol: 'TCP', port: egress.port }] }],
          }),
        ]),
  ];
}

export const PLATFORM_EXEMPT = ['argocd', 'kube-node-lease', 'kube-public', 'kube-system', 'kyverno', 'monitoring'];

/**
 * Tenant alpha (namespaces alpha, alpha-jobs; egress to the partner on 443), tenant beta (beta),
 * the platform's namespaces (no policies: Kyverno exempts them) and a workload namespace podinfo
 * served to the whole cluster as issue 15 renders it.
 */
export function estateObjects(): KubeManifest[] {
  return [
    kyvernoDefaultDeny(PLATFORM_EXEMPT),
    namespace('kyverno'),
    namespace('monitoring'),
    namespace('argocd'),
    namespace('podinfo'),
    networkPolicy('podinfo', 'podinfo-allow-serving', {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'podinfo' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ protocol: 'TCP', port: 'http' }] }],
    }),
    tenantNamespace('alpha', 'alpha'),
    tenantNamespace('alpha-jobs', 'alpha'),
    tenantNamespace('beta', 'beta'),
    ...tenantPolicies('alpha', 'alpha', { name: 'partner', cidr: PARTNER_CIDR, port: 443 }),
    ...tenantPolicies('alpha-jobs', 'alpha'),
    ...tenantPolicies('beta', 'beta'),
  ];
}
