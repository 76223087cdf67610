import type { FailureActionValue } from '../../kyverno/types';
import { clusterPolicyRules } from '../kyverno-objects';
import { showValue } from '../violation';
import { type Guardrail, violationAt } from '../guardrail';

interface AuditFinding {
  readonly field: string;
  readonly value: FailureActionValue;
}

/**
 * Production enforces every validate and image-verification rule: an Audit rule there only
 * reports the very workloads it exists to stop (seed WS3: prod left in audit mode).
 */
export const prodEnforcePolicies: Guardrail = {
  id: 'prod-enforce-policies',
  description: 'Production runs no Kyverno validate or verifyImages rule in Audit, and no per-namespace override back to Audit.',
  tiers: ['production'],
  check(object, spec) {
    const findings: AuditFinding[] = clusterPolicyRules(object.manifest).flatMap((rule, i) => [
      ...(rule.validate?.failureAction === 'Audit' ? [{ field: `spec.rules[${i}].validate.failureAction`, value: 'Audit' as const }] : []),
      ...(rule.validate?.failureActionOverrides ?? []).flatMap((o, j) =>
        o.action === 'Audit' ? [{ field: `spec.rules[${i}].validate.failureActionOverrides[${j}].action`, value: 'Audit' as const }] : [],
      ),
      ...(rule.verifyImages ?? []).flatMap((v, j) =>
        v.failureAction === 'Audit' ? [{ field: `spec.rules[${i}].verifyImages[${j}].failureAction`, value: 'Audit' as const }] : [],
      ),
    ]);
    return findings.map((found) =>
      violationAt(object, spec, this.id, {
        field: found.field,
        value: showValue(found.value),
        problem: `${spec.name} is a production environment: policy ${object.manifest.metadata.name} would only report violations, not refuse them`,
        fix: "set kyverno.mode: 'enforce' in the environment spec; canary new policies in staging first",
      }),
    );
  },
};
