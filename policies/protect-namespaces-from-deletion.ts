import { PROTECTED_NAMESPACE_LABEL } from '../constructs/kubernetes/gitops-cdk-labels';
import { namespace } from '../constructs/kyverno/case-resources';
import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';

const RULE = 'deny-protected-namespace-deletion';

/** Namespaces carrying this label cannot be deleted until the label is removed. */
const PROTECTED = { [PROTECTED_NAMESPACE_LABEL]: 'true' } as const;

/** One label turns an irreversible mistake into a refusal; removing it first is the deliberate, reviewable step. */
export const protectNamespacesFromDeletion: PolicyDefinition = {
  name: 'protect-namespaces-from-deletion',
  title: 'Protect Namespaces from Deletion',
  category: 'Best Practices',
  severity: 'high',
  description:
    `Namespaces labelled \`${PROTECTED_NAMESPACE_LABEL}: "true"\` cannot be deleted. Deleting a Namespace deletes every object ` +
    'in it, persistent volume claims included, and cannot be undone; the label turns an accidental `kubectl delete` or an Argo CD ' +
    'prune after a bad commit into a refusal. Removing the label first makes the deletion a deliberate, reviewable change.',
  release: '1.1.0',
  controls: {
    soc2: ['A1.2', 'CC8.1'],
    pciDss: ['6.5.1'],
    iso27001: ['A.8.13', 'A.8.32'],
    cisKubernetes: [],
  },
  // The rule reads request.operation, which background scans of existing objects do not have.
  background: false,
  rules: [
    {
      type: 'validate',
      name: RULE,
      // No platform-namespace exclusion: the label opts a namespace in, and platform namespaces are the ones most worth protecting.
      match: { any: [{ resources: { kinds: ['Namespace'], operations: ['DELETE'], selector: { matchLabels: PROTECTED } } }] },
      message:
        `This Namespace is protected from deletion by the label ${PROTECTED_NAMESPACE_LABEL}=true. To delete it, first remove ` +
        'the label in a reviewed change, then delete the Namespace.',
      // Restates the match's operation so the rule stays a deletion guard even if the match is widened to other operations.
      check: { deny: { conditions: { any: [{ key: '{{request.operation}}', operator: 'Equals', value: 'DELETE' }] } } },
    },
  ],
  cases: [
    {
      description: 'deleting a protected namespace',
      rule: RULE,
      expect: 'fail',
      resource: namespace('payments-prod', PROTECTED),
      request: { 'request.operation': 'DELETE' },
    },
    {
      description: 'deleting a namespace without the label (the rule does not select it)',
      rule: RULE,
      expect: 'skip',
      resource: namespace('scratch'),
      request: { 'request.operation': 'DELETE' },
    },
    {
      description: 'updating a protected namespace, e.g. to remove the label (the rule selects deletions only)',
      rule: RULE,
      expect: 'skip',
      resource: namespace('checkout-prod', PROTECTED),
      request: { 'request.operation': 'UPDATE' },
    },
  ],
};
