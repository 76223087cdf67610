import type { Tier } from '../../constructs/core/tier';

/** From the least to the most guarded. */
const TIER_ORDER: readonly Tier[] = ['development', 'staging', 'production'];

/**
 * The tier each environment's changes are weighed by: the stricter of its tier in the base and in the
 * head, so a change that relabels production as development is still weighed as production (the
 * relabelling itself is a flag: environment-tier-lowered). An environment neither revision gives a
 * tier for (revisions written before the diff existed) is weighed as production, and `notes` says so.
 */
export function environmentTiers(base: ReadonlyMap<string, Tier>, head: ReadonlyMap<string, Tier>): { tierOf: (environment: string) => Tier; notes: () => string[] } {
  const unknown = new Set<string>();
  return {
    tierOf: (environment) => {
      const known = [base.get(environment), head.get(environment)].filter((t): t is Tier => t !== undefined);
      if (known.length === 0) {
        unknown.add(environment);
        return 'production';
      }
      return known.reduce((a, b) => (TIER_ORDER.indexOf(a) >= TIER_ORDER.indexOf(b) ? a : b));
    },
    notes: () =>
      [...unknown]
        .sort()
        .map(
          (environment) =>
            `${environment}: no dist/estate/${environment}/environment.json in either revision (synth writes it since the diff exists), so its changes are weighed as production`,
        ),
  };
}
