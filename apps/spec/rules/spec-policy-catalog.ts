import { type Finding, unless } from '../../../constructs/core/finding';
import { compareReleases } from '../../../constructs/kyverno/catalog-release';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { PINS_FILE } from '../../../environments/pins';
import type { EnvironmentSpec } from '../../../environments/types';
import { CATALOG_RELEASES } from '../../../policies';

/** Whether `release` is a release of the policy catalog. */
export function isCatalogRelease(release: string | undefined): boolean {
  return release !== undefined && CATALOG_RELEASES.includes(release);
}

/** The pinned policy catalog release, and the canary progress, name releases that exist. */
export const specPolicyCatalog: SpecRule<EnvironmentSpec> = {
  id: 'spec-policy-catalog',
  engine: 'spec',
  level: 'error',
  title: 'The environment runs a released policy catalog',
  rationale:
    'The set of admission policies an environment runs is a release promoted through the stages; an unknown release, or a canary marked passed before it ran, puts unreviewed policy sets in place.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) => {
    const { catalog, canaryPassed, mode } = spec.kyverno;
    const releases = CATALOG_RELEASES.join(', ');
    const findings: Finding[] = [
      ...unless(
        isCatalogRelease(catalog),
        'kyverno.catalog',
        catalog,
        'is not a release of the policy catalog (policies/catalog.ts): the environment would run an unknown set of policies',
        `pin one of ${releases} as policyCatalog in ${PINS_FILE}, or promote one with npm run promote`,
      ),
    ];
    if (canaryPassed === undefined) return findings;
    return [
      ...findings,
      ...unless(
        mode === 'canary',
        'kyverno.canaryPassed',
        canaryPassed,
        `only canary environments track which releases passed their canary; mode is ${mode}`,
        `remove policyCanaryPassed from ${PINS_FILE}`,
      ),
      ...unless(
        isCatalogRelease(canaryPassed) && (!isCatalogRelease(catalog) || compareReleases(canaryPassed, catalog) <= 0),
        'kyverno.canaryPassed',
        canaryPassed,
        `must be a catalog release not newer than the pinned catalog ${catalog}: a release cannot pass its canary before it runs`,
        `set policyCanaryPassed in ${PINS_FILE} to one of ${releases}, at most ${catalog}`,
      ),
    ];
  },
};
