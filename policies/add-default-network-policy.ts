import { CLUSTER_DNS_EGRESS } from '../constructs/kubernetes/cluster-dns-egress';
import { namespace } from '../constructs/kyverno/case-resources';
import { matchKinds } from '../constructs/kyverno/match-resources';
import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import type { JsonObject } from '../constructs/kyverno/types';
import { EXCLUDE_PLATFORM_NAMESPACE_OBJECTS } from './support/scope';

const RULE = 'default-deny';
const POLICY_NAME = 'default-deny';

/**
 * An empty podSelector selects every pod; with both policy types, only the listed traffic flows:
 * DNS to the cluster resolver and nothing else. DNS stays open because generate rules act in
 * every environment (they have no audit mode): without it, every new workload would fail to
 * resolve names before its team wrote a single NetworkPolicy.
 */
const DENY_ALL: JsonObject = {
  podSelector: {},
  policyTypes: ['Ingress', 'Egress'],
  egress: [CLUSTER_DNS_EGRESS],
};

/** Pods of different tenants can otherwise reach each other, and the internet, on any port. */
export const addDefaultNetworkPolicy: PolicyDefinition = {
  name: 'add-default-network-policy',
  title: 'Add Default Network Policy',
  category: 'Multi-Tenancy',
  severity: 'medium',
  description:
    'Kubernetes lets every pod talk to every other pod and to the internet. Each tenant Namespace gets a `default-deny` ' +
    'NetworkPolicy that blocks all ingress and all egress but DNS, so a compromised or misconfigured workload cannot reach other ' +
    'tenants; teams then allow the traffic they need with NetworkPolicies of their own. Kyverno keeps the policy in place: ' +
    'edits and deletions are reverted.',
  release: '1.1.0',
  controls: {
    soc2: ['CC6.6'],
    pciDss: ['1.2.1', '1.3.1', '1.3.2'],
    iso27001: ['A.8.20', 'A.8.22'],
    cisKubernetes: ['5.3.2'],
  },
  rules: [
    {
      type: 'generate',
      name: RULE,
      match: matchKinds('Namespace'),
      // A blanket deny would cut the add-ons off: Argo CD fetching from Git, Prometheus scraping every namespace.
      exclude: EXCLUDE_PLATFORM_NAMESPACE_OBJECTS,
      generate: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        name: POLICY_NAME,
        namespace: '{{request.object.metadata.name}}',
        synchronize: true,
        data: { spec: DENY_ALL },
      },
    },
  ],
  cases: [
    {
      description: 'a new tenant namespace gets a deny-all NetworkPolicy',
      rule: RULE,
      expect: 'pass',
      resource: namespace('payments'),
      produces: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: POLICY_NAME, namespace: 'payments' },
        spec: DENY_ALL,
      },
    },
    {
      // Excluded by name, so Kyverno evaluates no rule; CLIs before the fix of kyverno#8942 report such a case "Not found".
      description: 'a platform namespace gets no NetworkPolicy',
      rule: RULE,
      expect: 'skip',
      resource: namespace('kube-public'),
    },
  ],
};
