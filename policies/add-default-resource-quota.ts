import { TENANT_LABEL } from '../constructs/kubernetes/gitops-cdk-labels';
import { namespace } from '../constructs/kyverno/case-resources';
import { matchKinds } from '../constructs/kyverno/match-resources';
import type { PolicyCase, PolicyDefinition } from '../constructs/kyverno/policy-definition';
import type { GenerateRuleDefinition } from '../constructs/kyverno/rule-definition';
import type { JsonObject, MatchResources } from '../constructs/kyverno/types';
import { EXCLUDE_PLATFORM_NAMESPACE_OBJECTS, PLATFORM_POLICY_EXEMPT_NAMESPACES } from './support/scope';

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

/** The generated objects, by rule: names Kyverno owns (tenants render `tenant-quota`/`tenant-limits` instead). */
const GENERATED = {
  [QUOTA_RULE]: { apiVersion: 'v1', kind: 'ResourceQuota', name: 'default-quota', spec: QUOTA_SPEC },
  [LIMITS_RULE]: { apiVersion: 'v1', kind: 'LimitRange', name: 'default-limits', spec: LIMITS_SPEC },
} as const;

function generateRule(rule: keyof typeof GENERATED, exclude: MatchResources): GenerateRuleDefinition {
  const { apiVersion, kind, name, spec } = GENERATED[rule];
  return {
    type: 'generate',
    name: rule,
    match: matchKinds('Namespace'),
    exclude,
    generate: { apiVersion, kind, name, namespace: '{{request.object.metadata.name}}', synchronize: true, data: { spec } },
  };
}

/** A namespace gets the generated object: a `pass` whose product the CLI compares. */
function generates(rule: keyof typeof GENERATED, description: string, ns: string, labels: Readonly<Record<string, string>> = {}): PolicyCase {
  const { apiVersion, kind, name, spec } = GENERATED[rule];
  return { description, rule, expect: 'pass', resource: namespace(ns, labels), produces: { apiVersion, kind, metadata: { name, namespace: ns }, spec } };
}

const PLATFORM_SKIPS: readonly PolicyCase[] = [
  {
    // Excluded by name, so Kyverno evaluates no rule; CLIs before the fix of kyverno#8942 report such a case "Not found".
    description: 'a platform namespace gets no quota',
    rule: QUOTA_RULE,
    expect: 'skip',
    resource: namespace('kube-public'),
  },
  { description: 'a platform namespace gets no container limits', rule: LIMITS_RULE, expect: 'skip', resource: namespace('kube-node-lease') },
];

const shared: Pick<PolicyDefinition, 'name' | 'title' | 'category' | 'severity' | 'controls'> = {
  name: 'add-default-resource-quota',
  title: 'Add Default Resource Quota',
  category: 'Multi-Tenancy',
  severity: 'medium',
  controls: { soc2: ['A1.1'], pciDss: [], iso27001: ['A.8.6'], cisKubernetes: [] },
};

/** 1.1.0: every namespace outside the platform's gets the defaults. */
export const addDefaultResourceQuotaV1: PolicyDefinition = {
  ...shared,
  description:
    'Each tenant Namespace gets a `default-quota` ResourceQuota capping the CPU and memory its pods may request, their memory ' +
    'limits and the number of pods, and a `default-limits` LimitRange giving containers without requests a default, so one ' +
    'tenant (or one runaway Deployment) cannot starve the others of the capacity they share. Kyverno keeps both in place; a team ' +
    'that needs more asks the platform team for a larger quota.',
  release: '1.1.0',
  rules: [
    // Platform add-ons are sized by their pinned charts; a tenant-sized quota would starve Prometheus or Argo CD.
    generateRule(QUOTA_RULE, EXCLUDE_PLATFORM_NAMESPACE_OBJECTS),
    generateRule(LIMITS_RULE, EXCLUDE_PLATFORM_NAMESPACE_OBJECTS),
  ],
  cases: [
    generates(QUOTA_RULE, 'a new tenant namespace gets the default quota', 'payments'),
    generates(LIMITS_RULE, 'a new tenant namespace gets the default container limits', 'checkout'),
    ...PLATFORM_SKIPS,
  ],
};

/**
 * Namespaces of a declared tenant (they carry TENANT_LABEL) are sized by the tenant's own
 * `tenant-quota` and `tenant-limits`. Kyverno's defaults next to them would cap the tenant at the
 * smaller quota (the ResourceQuota admission checks every quota in the namespace) and make
 * container defaults random (k8s v1.34.4 plugin/pkg/admission/limitranger/admission.go applies
 * every LimitRange, in lister order, and the first default wins). `selector`, on the Namespace's own
 * labels: kyverno v1.19.1 pkg/engine/utils/match.go refuses a `namespaceSelector` on a Namespace
 * ("namespace selector is not applicable for namespace resource"), so such an exclude would never match.
 */
const EXCLUDE_PLATFORM_AND_TENANT_NAMESPACES: MatchResources = {
  any: [
    { resources: { kinds: ['Namespace'], names: PLATFORM_POLICY_EXEMPT_NAMESPACES } },
    { resources: { kinds: ['Namespace'], selector: { matchExpressions: [{ key: TENANT_LABEL, operator: 'Exists' }] } } },
  ],
};

/** 1.3.0: also not in the namespaces of declared tenants, which bring their own quota and limits. */
export const addDefaultResourceQuota: PolicyDefinition = {
  ...shared,
  description:
    'Each Namespace that belongs to no declared tenant gets a `default-quota` ResourceQuota capping the CPU and memory its pods ' +
    'may request, their memory limits and the number of pods, and a `default-limits` LimitRange giving containers without ' +
    'requests a default, so one team (or one runaway Deployment) cannot starve the others of the capacity they share. Namespaces ' +
    `of a declared tenant (labelled \`${TENANT_LABEL}\`) get the tenant's own quota and limits from the platform instead.`,
  release: '1.3.0',
  rules: [generateRule(QUOTA_RULE, EXCLUDE_PLATFORM_AND_TENANT_NAMESPACES), generateRule(LIMITS_RULE, EXCLUDE_PLATFORM_AND_TENANT_NAMESPACES)],
  // Case namespaces no example tenant uses: `npm run verify` replays them on a control plane that
  // already holds the environment's tenant namespaces (`payments` is one), which must not be generated into.
  cases: [
    generates(QUOTA_RULE, 'a namespace of no declared tenant still gets the default quota', 'shared-tools'),
    generates(LIMITS_RULE, 'a namespace of no declared tenant still gets the default container limits', 'sandbox'),
    generates(QUOTA_RULE, 'another label does not opt a namespace out of the quota', 'reports', { owner: 'team-reports' }),
    ...PLATFORM_SKIPS,
    { description: "a declared tenant's namespace gets no default quota", rule: QUOTA_RULE, expect: 'skip', resource: namespace('search-api', { [TENANT_LABEL]: 'search' }) },
    {
      description: "a declared tenant's namespace gets no default container limits",
      rule: LIMITS_RULE,
      expect: 'skip',
      resource: namespace('search-web', { [TENANT_LABEL]: 'search' }),
    },
  ],
};
