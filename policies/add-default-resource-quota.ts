import { namespace } from '../constructs/kyverno/case-resources';
import { matchKinds } from '../constructs/kyverno/match-resources';
import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import type { JsonObject } from '../constructs/kyverno/types';
import { EXCLUDE_PLATFORM_NAMESPACE_OBJECTS } from './support/scope';

const QUOTA_RULE = 'default-quota';
const LIMITS_RULE = 'default-limits';

/**
 * No `limits.cpu`: a quota on it makes the API server refuse every pod without a CPU limit, which
 * require-requests-limits deliberately does not demand (CPU limits throttle bursts; its 1.2.0 A/B
 * test measures the cost first). A quota would enforce through the back door what the catalog
 * decided not to.
 */
const QUOTA_SPEC: JsonObject = {
  hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.memory': '16Gi', pods: '50' },
};

/**
 * Defaults for containers that set no requests or memory limit, which require-requests-limits
 * lets through where it only audits. Without them the quota itself would refuse such pods (a
 * quota on requests.cpu demands that every pod state one), turning audit into enforce. Same values
 * as the catalog's compliant container, and again no CPU limit.
 */
const LIMITS_SPEC: JsonObject = {
  limits: [{ type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { memory: '256Mi' } }],
};

/** A runaway tenant otherwise takes the capacity every other tenant on the cluster shares. */
export const addDefaultResourceQuota: PolicyDefinition = {
  name: 'add-default-resource-quota',
  title: 'Add Default Resource Quota',
  category: 'Multi-Tenancy',
  severity: 'medium',
  description:
    'Each tenant Namespace gets a `default-quota` ResourceQuota capping the CPU and memory its pods may request, their memory ' +
    'limits and the number of pods, and a `default-limits` LimitRange giving containers without requests a default, so one ' +
    'tenant (or one runaway Deployment) cannot starve the others of the capacity they share. Kyverno keeps both in place; a team ' +
    'that needs more asks the platform team for a larger quota.',
  release: '1.1.0',
  controls: {
    soc2: ['A1.1'],
    pciDss: [],
    iso27001: ['A.8.6'],
    cisKubernetes: [],
  },
  rules: [
    {
      type: 'generate',
      name: QUOTA_RULE,
      match: matchKinds('Namespace'),
      // Platform add-ons are sized by their pinned charts; a tenant-sized quota would starve Prometheus or Argo CD.
      exclude: EXCLUDE_PLATFORM_NAMESPACE_OBJECTS,
      generate: {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        name: 'default-quota',
        namespace: '{{request.object.metadata.name}}',
        synchronize: true,
        data: { spec: QUOTA_SPEC },
      },
    },
    {
      type: 'generate',
      name: LIMITS_RULE,
      match: matchKinds('Namespace'),
      exclude: EXCLUDE_PLATFORM_NAMESPACE_OBJECTS,
      generate: {
        apiVersion: 'v1',
        kind: 'LimitRange',
        name: 'default-limits',
        namespace: '{{request.object.metadata.name}}',
        synchronize: true,
        data: { spec: LIMITS_SPEC },
      },
    },
  ],
  cases: [
    {
      description: 'a new tenant namespace gets the default quota',
      rule: QUOTA_RULE,
      expect: 'pass',
      resource: namespace('payments'),
      produces: { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'default-quota', namespace: 'payments' }, spec: QUOTA_SPEC },
    },
    {
      description: 'a new tenant namespace gets the default container limits',
      rule: LIMITS_RULE,
      expect: 'pass',
      resource: namespace('checkout'),
      produces: { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'default-limits', namespace: 'checkout' }, spec: LIMITS_SPEC },
    },
    {
      // Excluded by name, so Kyverno evaluates no rule; CLIs before the fix of kyverno#8942 report such a case "Not found".
      description: 'a platform namespace gets no quota',
      rule: QUOTA_RULE,
      expect: 'skip',
      resource: namespace('kube-public'),
    },
    {
      description: 'a platform namespace gets no container limits',
      rule: LIMITS_RULE,
      expect: 'skip',
      resource: namespace('kube-node-lease'),
    },
  ],
};
