import type { Finding } from '../../../constructs/core/finding';
import { finding } from '../../../constructs/core/finding';
import { POLICY_CANARY_LABEL } from '../../../constructs/kubernetes/gitops-cdk-labels';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * A tenant marked `policyCanary` gets POLICY_CANARY_LABEL on its namespaces; only an environment in
 * Kyverno mode `canary` renders the failure-action overrides that select that label
 * (constructs/kyverno/policy-lifecycle.ts). Elsewhere the mark does nothing today, and would silently
 * start enforcing unpassed revisions on the tenant the day the environment switches to canary mode.
 */
export const specTenantPolicyCanary: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-policy-canary',
  engine: 'spec',
  level: 'error',
  title: 'Policy canary tenants are named only where the policy canary runs',
  rationale:
    'A tenant marked as a policy canary outside canary mode gets no earlier enforcement; the spec would claim a canary that does not exist, and a later switch to canary mode would enforce on that tenant without anyone choosing it.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) => {
    const { mode } = spec.kyverno;
    if (mode === 'canary') return [];
    return (spec.tenants ?? []).flatMap((tenant, i): Finding[] =>
      tenant.policyCanary === true
        ? [
            finding(
              `tenants[${i}].policyCanary`,
              true,
              `marks tenant ${tenant.name}'s namespaces ${POLICY_CANARY_LABEL}=true, but Kyverno mode is ${mode}: only canary mode renders the overrides that enforce on canary namespaces, so the mark has no effect`,
              `remove policyCanary from tenant ${tenant.name} in ${spec.name}, or name canary tenants in the environment whose kyverno mode is canary`,
            ),
          ]
        : [],
    );
  },
};
