import { type Finding, finding } from '../../core/finding';
import type { KubernetesRule } from '../types';

/** Kyverno's failure action values that only report. */
const AUDIT = /^audit$/i;

/** The fields read, all optional: a synthesized manifest may omit what the typed constructs require. */
interface PolicyRule {
  readonly validate?: {
    readonly failureAction?: string;
    readonly failureActionOverrides?: readonly { readonly action: string }[];
  };
  readonly verifyImages?: readonly { readonly failureAction?: string }[];
}

interface PolicySpec {
  readonly validationFailureAction?: string;
  readonly rules?: readonly PolicyRule[];
}

/**
 * Production Kyverno policies refuse what they find (seed WS3: prod left in audit mode): every
 * validate rule and image verification enforces, with no per-namespace override back to Audit,
 * and every such finding is reported. One rule where there were two (the guardrail
 * `prod-enforce-policies` and the compliance rule of this id). A validate rule without a failure action
 * falls back to the policy's `validationFailureAction`, and to Audit when that is missing too.
 */
export const k8sProdKyvernoEnforce: KubernetesRule = {
  id: 'k8s-prod-kyverno-enforce',
  engine: 'kubernetes',
  level: 'error',
  title: 'Production Kyverno policies enforce',
  rationale: 'A policy in Audit admits the very workload it exists to stop and only writes a report. Production must refuse ' + 'non-compliant workloads at admission.',
  controls: {
    soc2: ['CC6.8', 'CC8.1'],
    pciDss: ['2.2.1', '6.4.1'],
    iso27001: ['A.8.9', 'A.8.32'],
    gdpr: ['Art. 25', 'Art. 32'],
  },
  objectTypes: ['kyverno.io/v1/ClusterPolicy', 'kyverno.io/v1/Policy'],
  check(manifest, context) {
    const spec = (manifest.spec ?? {}) as PolicySpec;
    const fallback = spec.validationFailureAction ?? 'Audit';
    const audits = (field: string, value: string): Finding =>
      finding(
        field,
        value,
        `${context.environment.name} is a production environment: policy ${manifest.metadata.name} would only report violations, not refuse them`,
        "set kyverno.mode: 'enforce' in the environment spec; canary new policies in staging first",
      );
    return (spec.rules ?? []).flatMap((rule, i) => {
      const found: Finding[] = [];
      if (rule.validate !== undefined) {
        const action = rule.validate.failureAction ?? fallback;
        if (AUDIT.test(action)) found.push(audits(rule.validate.failureAction === undefined ? 'spec.validationFailureAction' : `spec.rules[${i}].validate.failureAction`, action));
        (rule.validate.failureActionOverrides ?? []).forEach((o, j) => {
          if (AUDIT.test(o.action)) found.push(audits(`spec.rules[${i}].validate.failureActionOverrides[${j}].action`, o.action));
        });
      }
      (rule.verifyImages ?? []).forEach((v, j) => {
        const action = v.failureAction ?? fallback;
        if (AUDIT.test(action)) found.push(audits(`spec.rules[${i}].verifyImages[${j}].failureAction`, action));
      });
      return found;
    });
  },
};
