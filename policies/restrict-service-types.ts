import { matchKinds } from '../constructs/kyverno/match-resources';
import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { service } from './support/resources';
import { EXCLUDE_PLATFORM_NAMESPACES } from './support/scope';

const RULE = 'restrict-service-types';

/** Tenants are reached through the shared ingress, where TLS, authentication and rate limits apply. */
export const restrictServiceTypes: PolicyDefinition = {
  name: 'restrict-service-types',
  title: 'Restrict Service Types',
  category: 'Best Practices',
  severity: 'medium',
  description:
    'Services must not be of type NodePort or LoadBalancer. A NodePort opens a port on every node and a LoadBalancer provisions a ' +
    'public address, both bypassing the shared ingress where TLS, authentication, rate limits and access logs apply; tenants ' +
    'expose workloads through an Ingress instead.',
  release: '1.1.0',
  controls: {
    soc2: ['CC6.6'],
    pciDss: ['1.3.1', '1.4.1'],
    iso27001: ['A.8.20', 'A.8.22'],
    cisKubernetes: [],
  },
  rules: [
    {
      type: 'validate',
      name: RULE,
      match: matchKinds('Service'),
      exclude: EXCLUDE_PLATFORM_NAMESPACES,
      message: 'Services of type NodePort or LoadBalancer are not allowed in tenant namespaces: use type ClusterIP (the default) and ' + 'expose the workload through an Ingress.',
      // `=(type)`: a Service without a type is a ClusterIP and passes.
      check: { pattern: { spec: { '=(type)': '!NodePort & !LoadBalancer' } } },
    },
  ],
  cases: [
    { description: 'no type, which means ClusterIP', rule: RULE, expect: 'pass', resource: service('default-type') },
    { description: 'an explicit ClusterIP', rule: RULE, expect: 'pass', resource: service('cluster-ip', { type: 'ClusterIP' }) },
    {
      description: 'a NodePort',
      rule: RULE,
      expect: 'fail',
      resource: service('node-port', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }),
    },
    { description: 'a LoadBalancer', rule: RULE, expect: 'fail', resource: service('load-balancer', { type: 'LoadBalancer' }) },
  ],
};
