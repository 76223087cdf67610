import { POLICY_VARIANT_LABEL } from '../constructs/kubernetes/gitops-cdk-labels';
import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import type { ValidateRuleDefinition } from '../constructs/kyverno/rule-definition';
import type { Pattern } from '../constructs/kyverno/types';
import { containerWithResources, podIn, VARIANT_B_CASE_NAMESPACE } from './support/case-edits';
import { compliantInitContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

const RULE = 'validate-resources';
const IN_VARIANT_B = { [POLICY_VARIANT_LABEL]: 'b' } as const;

/**
 * The resources every container must declare. A memory limit, not a CPU limit: exceeding memory
 * gets a container OOM-killed, exceeding CPU only throttles it, and CPU limits throttle bursts
 * even on an idle node; the 1.2.0 A/B test measures what requiring them would cost.
 */
function resourcesPattern(requireCpuLimit: boolean): Pattern {
  const container: Pattern = {
    resources: {
      requests: { cpu: '?*', memory: '?*' },
      limits: requireCpuLimit ? { cpu: '?*', memory: '?*' } : { memory: '?*' },
    },
  };
  return { spec: { containers: [container], '=(initContainers)': [container] } };
}

function resourcesRule(requireCpuLimit: boolean): ValidateRuleDefinition {
  return {
    type: 'validate',
    name: RULE,
    ...TENANT_PODS,
    message: requireCpuLimit
      ? 'Every container and init container must set resources.requests.cpu, resources.requests.memory, ' +
        'resources.limits.cpu and resources.limits.memory (for example requests cpu: 100m, memory: 128Mi; limits cpu: 500m, memory: 256Mi).'
      : 'Every container and init container must set resources.requests.cpu, resources.requests.memory and ' +
        'resources.limits.memory (for example requests cpu: 100m, memory: 128Mi; limits memory: 256Mi).',
    check: { pattern: resourcesPattern(requireCpuLimit) },
  };
}

const shared: Pick<PolicyDefinition, 'name' | 'title' | 'category' | 'severity' | 'description' | 'controls'> = {
  name: 'require-requests-limits',
  title: 'Require Requests and Limits',
  category: 'Best Practices',
  severity: 'medium',
  description:
    'Containers must request CPU and memory and limit memory, so the scheduler places them where they fit and one ' + 'workload cannot exhaust a node shared with other tenants.',
  controls: { soc2: ['A1.1'], pciDss: [], iso27001: ['A.8.6'], cisKubernetes: [] },
};

/** 1.0.0: CPU and memory requests and a memory limit on every container. */
export const requireRequestsLimitsV1: PolicyDefinition = {
  ...shared,
  release: '1.0.0',
  rules: [resourcesRule(false)],
  cases: [
    { description: 'a pod compliant with the whole catalog', rule: RULE, expect: 'pass', resource: pod('v1-requests-limits-set') },
    {
      description: 'no CPU limit is required, only a memory limit',
      rule: RULE,
      expect: 'pass',
      resource: pod('v1-no-cpu-limit', { containers: [containerWithResources({ cpu: '100m', memory: '128Mi' }, { memory: '256Mi' })] }),
    },
    {
      description: 'no memory limit',
      rule: RULE,
      expect: 'fail',
      resource: pod('v1-no-memory-limit', { containers: [containerWithResources({ cpu: '100m', memory: '128Mi' }, { cpu: '500m' })] }),
    },
    {
      // No CPU limit either: the API server would copy it into the missing request.
      description: 'no CPU request (nor limit)',
      rule: RULE,
      expect: 'fail',
      resource: pod('v1-no-cpu-request', { containers: [containerWithResources({ memory: '128Mi' }, { memory: '256Mi' })] }),
    },
    {
      description: 'an init container without any resources',
      rule: RULE,
      expect: 'fail',
      resource: pod('v1-init-no-resources', { initContainers: [compliantInitContainer({ name: 'migrate', resources: {} })] }),
    },
  ],
};

/**
 * 1.2.0: an A/B test of also requiring a CPU limit. Both variants are the whole rule under the
 * same name rather than a shared rule plus an extra one, so reports compare `validate-resources-a`
 * with `validate-resources-b` directly and variant a is not left without a rule.
 */
export const requireRequestsLimits: PolicyDefinition = {
  ...shared,
  release: '1.2.0',
  rules: [],
  abTest: {
    label: POLICY_VARIANT_LABEL,
    hypothesis:
      'Requiring a CPU limit on every container (variant b) stops noisy neighbours without raising p99 latency through ' +
      'CPU throttling or rejecting more deployments than variant a.',
    a: [resourcesRule(false)],
    b: [resourcesRule(true)],
  },
  cases: [
    { description: 'variant a: a pod compliant with the whole catalog', rule: RULE, expect: 'pass', resource: pod('a-requests-limits-set') },
    {
      description: 'variant a: no CPU limit is still allowed',
      rule: RULE,
      expect: 'pass',
      resource: pod('a-no-cpu-limit', { containers: [containerWithResources({ cpu: '100m', memory: '128Mi' }, { memory: '256Mi' })] }),
    },
    {
      description: 'variant a: no memory limit',
      rule: RULE,
      expect: 'fail',
      resource: pod('a-no-memory-limit', { containers: [containerWithResources({ cpu: '100m', memory: '128Mi' }, { cpu: '500m' })] }),
    },
    {
      description: 'variant b: a pod compliant with the whole catalog',
      rule: RULE,
      expect: 'pass',
      namespaceLabels: IN_VARIANT_B,
      resource: podIn(VARIANT_B_CASE_NAMESPACE, 'b-requests-limits-set'),
    },
    {
      description: 'variant b: no CPU limit',
      rule: RULE,
      expect: 'fail',
      namespaceLabels: IN_VARIANT_B,
      resource: podIn(VARIANT_B_CASE_NAMESPACE, 'b-no-cpu-limit', {
        containers: [containerWithResources({ cpu: '100m', memory: '128Mi' }, { memory: '256Mi' })],
      }),
    },
    {
      // Without a memory limit too: the API server copies a limit into a missing request before
      // any webhook sees the pod, so "a limit but no request" never reaches Kyverno.
      description: 'variant b: no memory request (nor limit)',
      rule: RULE,
      expect: 'fail',
      namespaceLabels: IN_VARIANT_B,
      resource: podIn(VARIANT_B_CASE_NAMESPACE, 'b-no-memory-request', {
        containers: [containerWithResources({ cpu: '100m' }, { cpu: '500m' })],
      }),
    },
  ],
};
