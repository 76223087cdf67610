import { unless } from '../../../constructs/core/finding';
import { compareReleases } from '../../../constructs/kyverno/catalog-release';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { policiesAt } from '../../../policies';
import { isCatalogRelease } from './spec-policy-catalog';

/**
 * The revisions a canary environment enforces on canary namespaces only: newer than the release that
 * passed, with a rule the lifecycle acts on (validate, verifyImages; mutate and generate rules carry
 * no failure action, constructs/kyverno/policy-lifecycle.ts).
 */
export function revisionsUnderCanary(catalog: string, passed: string | undefined): string[] {
  return policiesAt(catalog)
    .filter((p) => passed === undefined || compareReleases(p.release, passed) > 0)
    .filter((p) => p.rules.some((rule) => rule.type === 'validate' || rule.type === 'verifyImages'))
    .map((p) => `${p.name}@${p.release}`);
}

/**
 * In canary mode with revisions still under canary, an environment with tenants names at least one
 * policy canary among them. An environment without tenants is left alone: its canary namespaces, if
 * any, are labelled outside the spec (the way before tenants), which the spec cannot see.
 */
export const specPolicyCanaryCoverage: SpecRule<EnvironmentSpec> = {
  id: 'spec-policy-canary-coverage',
  engine: 'spec',
  level: 'warning',
  title: 'A policy canary has canary tenants while revisions are under canary',
  rationale:
    'In canary mode, revisions that have not passed enforce only on canary namespaces; with no tenant marked policyCanary they enforce nowhere, and completing the canary would promote revisions nothing has tested.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) => {
    const { mode, catalog, canaryPassed } = spec.kyverno;
    // An unknown release is spec-policy-catalog's finding.
    const tenants = spec.tenants ?? [];
    if (mode !== 'canary' || !isCatalogRelease(catalog) || tenants.length === 0) return [];
    const pending = revisionsUnderCanary(catalog, canaryPassed);
    return unless(
      pending.length === 0 || tenants.some((tenant) => tenant.policyCanary === true),
      'tenants',
      tenants.map((tenant) => tenant.name),
      `names no policy canary tenant while ${pending.join(', ')} (newer than the passed ${canaryPassed ?? 'none'}) are under canary: the new revisions enforce nowhere`,
      `set policyCanary: true on one or more tenants of ${spec.name}, so the revisions enforce on their namespaces before npm run promote -- --complete-canary ${spec.name}`,
    );
  },
};
