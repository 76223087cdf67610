import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import type { ValidateRuleDefinition } from '../constructs/kyverno/rule-definition';
import { labelsWithout } from './support/case-edits';
import { pod, WORKLOAD_LABELS } from './support/resources';
import { TENANT_PODS } from './support/scope';

const RULE = 'check-for-labels';

/**
 * Pods only: Kyverno's auto-generation applies the rule to the pod templates of Deployments,
 * StatefulSets, Jobs and the other controllers, so the refusal comes at the controller, where the
 * author can fix it.
 */
function labelsRule(labels: readonly string[]): ValidateRuleDefinition {
  return {
    type: 'validate',
    name: RULE,
    ...TENANT_PODS,
    message: `Pods must carry the non-empty labels ${labels.join(', ')}; set them in the pod template, e.g. ${labels
      .map((label) => `${label}: ${WORKLOAD_LABELS[label] ?? '...'}`)
      .join(', ')}.`,
    check: { pattern: { metadata: { labels: Object.fromEntries(labels.map((label) => [label, '?*'])) } } },
  };
}

const shared: Pick<PolicyDefinition, 'name' | 'title' | 'category' | 'severity' | 'controls'> = {
  name: 'require-labels',
  title: 'Require Labels',
  category: 'Best Practices',
  severity: 'medium',
  controls: { soc2: ['CC6.1'], pciDss: ['12.5.1'], iso27001: ['A.5.9'], cisKubernetes: [] },
};

/** 1.0.0: who owns a workload and who pays for it. */
export const requireLabelsV1: PolicyDefinition = {
  ...shared,
  description:
    'Pods must carry `owner` and `cost-centre` labels, so every running workload can be traced to a team to page and a budget to charge; ' +
    'the labels are the inventory auditors and cost reports read.',
  release: '1.0.0',
  rules: [labelsRule(['owner', 'cost-centre'])],
  cases: [
    { description: 'owner and cost-centre set', rule: RULE, expect: 'pass', resource: pod('v1-labelled') },
    {
      description: 'env is not required before 1.2.0',
      rule: RULE,
      expect: 'pass',
      resource: pod('v1-no-env', {}, labelsWithout('env')),
    },
    { description: 'no owner label', rule: RULE, expect: 'fail', resource: pod('v1-no-owner', {}, labelsWithout('owner')) },
    {
      description: 'an empty cost-centre label',
      rule: RULE,
      expect: 'fail',
      resource: pod('v1-empty-cost-centre', {}, { ...WORKLOAD_LABELS, 'cost-centre': '' }),
    },
  ],
};

/** 1.2.0: also the environment, so reports and alerts can tell a dev workload from a production one. */
export const requireLabels: PolicyDefinition = {
  ...shared,
  description:
    'Pods must carry `owner`, `cost-centre` and `env` labels, so every running workload can be traced to a team to page, a budget ' +
    'to charge and the environment it belongs to; the labels are the inventory auditors and cost reports read.',
  release: '1.2.0',
  rules: [labelsRule(['owner', 'cost-centre', 'env'])],
  cases: [
    { description: 'owner, cost-centre and env set', rule: RULE, expect: 'pass', resource: pod('labelled') },
    { description: 'no env label', rule: RULE, expect: 'fail', resource: pod('no-env', {}, labelsWithout('env')) },
    { description: 'no owner label', rule: RULE, expect: 'fail', resource: pod('no-owner', {}, labelsWithout('owner')) },
    { description: 'no labels at all', rule: RULE, expect: 'fail', resource: pod('unlabelled', {}, {}) },
  ],
};
