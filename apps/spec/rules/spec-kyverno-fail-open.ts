import { unless } from '../../../constructs/core/finding';
import { MIN_REASON_LENGTH } from '../../../constructs/kyverno/policy-exception';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { policiesAt, type Severity } from '../../../policies';
import { isCatalogRelease } from './spec-policy-catalog';

/** Severities whose policies are security controls: production never lets them fail open. */
const SECURITY_SEVERITIES: ReadonlySet<Severity> = new Set(['high', 'critical']);

/**
 * The fail-open list (`kyverno.failOpen`) names policies of the pinned catalog, each with a reason,
 * and never a security policy in production.
 */
export const specKyvernoFailOpen: SpecRule<EnvironmentSpec> = {
  id: 'spec-kyverno-fail-open',
  engine: 'spec',
  level: 'error',
  title: 'Policies fail open only with a reason, and never security policies in production',
  rationale: 'A policy that fails open admits unchecked objects while Kyverno is down; for a high or critical policy in production that admits exactly what it exists to forbid.',
  controls: { soc2: ['CC6.8'], pciDss: ['2.2.1'], iso27001: ['A.8.9'], gdpr: ['Art. 25', 'Art. 32'] },
  check: (spec) => {
    const { catalog } = spec.kyverno;
    const known = isCatalogRelease(catalog);
    const policies = known ? policiesAt(catalog) : [];
    return (spec.kyverno.failOpen ?? []).flatMap((entry, i) => {
      const policy = policies.find((p) => p.name === entry.policy);
      return [
        // An unknown catalog is spec-policy-catalog's finding: its policies cannot be looked up.
        ...unless(
          !known || policy !== undefined,
          `kyverno.failOpen[${i}].policy`,
          entry.policy,
          `catalog release ${catalog} has no such policy`,
          `use one of ${policies.map((p) => p.name).join(', ')}`,
        ),
        ...unless(
          entry.reason.trim().length >= MIN_REASON_LENGTH,
          `kyverno.failOpen[${i}].reason`,
          entry.reason,
          'failing open admits unchecked objects while Kyverno is down; the reason is recorded on the policy and must say why that is acceptable',
          `write at least ${MIN_REASON_LENGTH} characters: what breaks if this policy fails closed, and what compensates`,
        ),
        ...unless(
          spec.tier !== 'production' || policy === undefined || !SECURITY_SEVERITIES.has(policy.severity),
          `kyverno.failOpen[${i}].policy`,
          entry.policy,
          `is a ${policy?.severity} severity security policy: production fails closed for it, or an outage of Kyverno would admit what it forbids`,
          'remove the entry; if Kyverno availability is the concern, raise admissionController replicas instead',
        ),
      ];
    });
  },
};
